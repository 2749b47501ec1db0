/**
 * The URLs a Jekyll post was published at, so that links between posts written as URLs
 * (`/2015/12/19/Regular.html`, `/blog/posts/regular/`) find the note the post becomes. Jekyll builds the URL from
 * the `permalink` of `_config.yml` (or of the post), one of its named styles or a pattern of placeholders
 * (https://jekyllrb.com/docs/permalinks/). Links are compared after `normalizedPath`, so that case, a trailing
 * slash, `index.html` and `.html` do not matter, as they do not to a static host.
 */

const STYLES: Readonly<Record<string, string>> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

export interface PostIdentity {
  /** `YYYY-MM-DD`, with the time when the front matter gives one (`YYYY-MM-DD HH:MM:SS`). */
  date: string;
  /** The file name's title part: `2015-12-19-Regular.md` → `Regular`. */
  fileTitle: string;
  /** The front matter's `slug`, which replaces the file title in `:title` and `:slug`. */
  slug?: string | undefined;
  categories: readonly string[];
}

/** Jekyll's default `slugify`: anything but letters and digits becomes one hyphen, lowercased. */
function jekyllSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
}

function isoWeek(year: number, month: number, day: number): { week: number; weekday: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return { week: Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7), weekday };
}

/** The URL path Jekyll gives a post under `permalink` (a named style or a pattern). */
export function postPermalink(permalink: string, post: PostIdentity): string {
  const pattern = STYLES[permalink] ?? permalink;
  const [datePart = '', time = ''] = post.date.split(/[ T]/);
  const [year = 0, month = 1, day = 1] = datePart.split('-').map(Number);
  const [hour = '00', minute = '00', second = '00'] = time.split(':').map((part) => part.padStart(2, '0'));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const title = post.slug ?? post.fileTitle;
  const { week, weekday } = isoWeek(year, month, day);
  const values: Record<string, string> = {
    year: String(year),
    short_year: pad(year % 100),
    month: pad(month),
    i_month: String(month),
    day: pad(day),
    i_day: String(day),
    y_day: pad(dayOfYear(year, month, day), 3),
    hour,
    minute,
    second,
    week: pad(week),
    short_day: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][weekday]!,
    title,
    slug: post.slug ?? jekyllSlug(post.fileTitle),
    categories: post.categories.map(jekyllSlug).join('/'),
    output_ext: '.html',
  };
  const path = pattern.replace(/:([a-z_]+)/g, (whole, name: string) => values[name] ?? whole);
  return path.replace(/\/{2,}/g, '/');
}

/**
 * A URL path as a static host serves it: decoded, lowercase, without the site's `baseurl`, a query, a fragment,
 * `index.html`, `.html` or a trailing slash. `undefined` for a path that cannot be decoded.
 */
export function normalizedPath(path: string, baseurl = ''): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURI(path.replace(/[?#].*$/, ''));
  } catch {
    return undefined;
  }
  const base = baseurl.replace(/\/+$/, '');
  if (base !== '' && (decoded === base || decoded.startsWith(`${base}/`))) decoded = decoded.slice(base.length);
  return (
    decoded
      .toLowerCase()
      .replace(/\/index\.html?$/, '/')
      .replace(/\.html?$/, '')
      .replace(/\/+$/, '') || '/'
  );
}
