import type { Lang } from '../content/lang.ts';
import { noteUrl } from '../content/slug.ts';
import { slugFromFileName } from '../text/slugify.ts';
import { schemelessDomainUrl, type LinkTarget } from './links.ts';
import { normalizedPath } from './permalinks.ts';

/**
 * Every post of one import, findable by what another post may link it with: its file name
 * (`2015-12-19-Regular.md`), the URL Jekyll published it at (its permalink), or the note URL that
 * `{% post_url %}` became. Built before any post is converted, so that links between the posts of one import
 * resolve whatever their order.
 */

export interface IndexedPost {
  /** The post's file name, without folders: `2015-12-19-Regular.md`. */
  fileName: string;
  /** The slug of the note it becomes (after any renaming for a clash). */
  slug: string;
  /** URL paths the post was published at, as `postPermalink` gives them. */
  urls: readonly string[];
}

export interface PostIndexOptions {
  lang: Lang;
  /** `_config.yml`'s `baseurl`: links may carry it. */
  baseurl?: string | undefined;
  /** `_config.yml`'s `url`: a page that is not imported is linked on the original site, when there is one. */
  siteUrl?: string | undefined;
  /** Slugs of the notes the site already has: links to them stay. */
  existingSlugs?: ReadonlySet<string> | undefined;
}

const POST_FILE = /\.(?:md|markdown|mkd|mkdn|mdown|html?)$/i;
const NOTE_PATH = /^\/(?:en\/)?notes\/([^/]+)\/?$/;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export class PostIndex {
  private readonly byFile = new Map<string, string>();
  private readonly byUrl = new Map<string, string>();
  /** The slug `{% post_url %}` guessed from a file name → the slug the post really got. */
  private readonly byGuessedSlug = new Map<string, string>();
  private readonly options: PostIndexOptions;

  constructor(posts: readonly IndexedPost[], options: PostIndexOptions) {
    this.options = options;
    for (const post of posts) {
      const stem = post.fileName.replace(POST_FILE, '').toLowerCase();
      this.byFile.set(stem, post.slug);
      this.byFile.set(stem.replace(/^\d{4}-\d{2}-\d{2}-/, ''), post.slug);
      const guessed = slugFromFileName(post.fileName);
      if (guessed && !this.byGuessedSlug.has(guessed)) this.byGuessedSlug.set(guessed, post.slug);
      for (const url of post.urls) {
        const path = normalizedPath(url);
        if (path) this.byUrl.set(path, post.slug);
      }
    }
  }

  /** The slug of the imported post `url` leads to, if any. */
  slugOf(url: string): string | undefined {
    const path = url.replace(/[?#].*$/, '');
    const note = NOTE_PATH.exec(path);
    if (note) return this.byGuessedSlug.get(decoded(note[1]!));
    const last = decoded(path.split('/').at(-1) ?? '');
    if (POST_FILE.test(last)) {
      const bySlug = this.byFile.get(last.replace(POST_FILE, '').toLowerCase());
      if (bySlug) return bySlug;
    }
    const absolute = `/${path.replace(/^(?:\.{1,2}\/)+|^\/+/, '')}`;
    const normalized = normalizedPath(absolute, this.options.baseurl);
    return normalized === undefined ? undefined : this.byUrl.get(normalized);
  }

  /** What a local link in an imported post becomes (see `LinkOptions.resolveLink`). */
  resolve(url: string): LinkTarget | undefined {
    const fragment = /#(.+)$/.exec(url)?.[1];
    const slug = this.slugOf(url);
    if (slug) {
      // The note's heading ids are the site's, not kramdown's: an anchor of the old page may not exist.
      const note = fragment === undefined ? undefined : `anchor #${fragment} dropped (heading ids differ)`;
      return { url: noteUrl(this.options.lang, slug), note };
    }
    const note = NOTE_PATH.exec(url.replace(/[?#].*$/, ''));
    if (note && this.options.existingSlugs?.has(decoded(note[1]!))) return { url };
    // A post's file that is not in this import was never a page of the original site either (a draft, a typo).
    if (POST_FILE.test(url.replace(/[?#].*$/, ''))) return undefined;
    const site = this.options.siteUrl?.replace(/\/+$/, '');
    // A scheme-less domain (`github.com/x`) is another site: links.ts gives it its https://.
    if (site && !NOTE_PATH.test(url) && !schemelessDomainUrl(url)) {
      const base = (this.options.baseurl ?? '').replace(/\/+$/, '');
      const path = url.startsWith('/') ? url : `/${url.replace(/^(?:\.{1,2}\/)+/, '')}`;
      const onSite = base !== '' && path.startsWith(`${base}/`) ? path : `${base}${path}`;
      return { url: `${site}${onSite}`, note: 'not imported: linked to the original site' };
    }
    return undefined;
  }
}
