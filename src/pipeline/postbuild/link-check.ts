import { nearest } from '../../lib/text/nearest.ts';

/** What the checker needs to know of one built page. `path` is the page's URL path, e.g. `/notes/neuron/`. */
export interface PageLinks {
  path: string;
  ids: ReadonlySet<string>;
  hrefs: readonly string[];
}

export interface BrokenLink {
  page: string;
  href: string;
  problem: string;
}

/** Internal targets only: absolute URLs, protocol-relative URLs, mailto: and the like are not ours to check. */
export function isInternalHref(href: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href) && href !== '';
}

/** Resolves `href` against the page it appears on, giving a URL path and a decoded fragment. */
export function resolveHref(href: string, fromPath: string): { path: string; fragment?: string | undefined } {
  const hashAt = href.indexOf('#');
  const fragment = hashAt >= 0 ? decodeURIComponent(href.slice(hashAt + 1)) : undefined;
  const target = (hashAt >= 0 ? href.slice(0, hashAt) : href).replace(/\?.*$/, '');
  if (target === '') return { path: fromPath, fragment };
  const baseDir = fromPath.slice(0, fromPath.lastIndexOf('/') + 1);
  const segments = (target.startsWith('/') ? target : baseDir + target).split('/');
  const resolved: string[] = [];
  segments.forEach((segment, i) => {
    if (segment === '..') resolved.splice(Math.max(resolved.length - 1, 1), 1);
    else if (segment !== '.' && (segment !== '' || i === 0 || i === segments.length - 1)) resolved.push(segment);
  });
  return { path: decodeURIComponent(resolved.join('/') || '/'), fragment };
}

/**
 * Every internal link on the built site whose target page or `#fragment` does not exist.
 * `files` holds the paths of every non-HTML file of the build (CSS, images, feeds).
 */
export function findBrokenLinks(pages: readonly PageLinks[], files: ReadonlySet<string>): BrokenLink[] {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    for (const href of page.hrefs) {
      if (!isInternalHref(href)) continue;
      const { path, fragment } = resolveHref(href, page.path);
      const target = path === page.path && href.startsWith('#') ? page : byPath.get(path);
      if (!target) {
        if (files.has(path)) continue;
        if (byPath.has(`${path}/`)) {
          broken.push({ page: page.path, href, problem: `add the trailing slash: ${path}/` });
          continue;
        }
        const guess = nearest(path, [...byPath.keys()]);
        broken.push({
          page: page.path,
          href,
          problem: `no page at ${path}` + (guess ? `; did you mean ${guess}?` : ''),
        });
        continue;
      }
      if (fragment && fragment !== 'top' && !target.ids.has(fragment)) {
        const guess = nearest(fragment, [...target.ids]);
        broken.push({
          page: page.path,
          href,
          problem:
            `${target.path} has no heading or element with id "${fragment}"` +
            (guess ? `; did you mean #${guess}?` : ''),
        });
      }
    }
  }
  return broken;
}

/** Ids and link targets of an HTML document, read with patterns that fit the markup our build emits. */
export function scanHtml(html: string): { ids: Set<string>; hrefs: string[] } {
  const ids = new Set<string>();
  for (const m of html.matchAll(/\sid="([^"]*)"/g)) ids.add(decodeEntities(m[1]!));
  const hrefs: string[] = [];
  for (const m of html.matchAll(/<(?:a|link)\s[^>]*?href="([^"]*)"/g)) hrefs.push(decodeEntities(m[1]!));
  for (const m of html.matchAll(/<(?:img|script)\s[^>]*?src="([^"]*)"/g)) hrefs.push(decodeEntities(m[1]!));
  return { ids, hrefs };
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/**
 * What every page needs to be found and read: exactly one `<h1>`, a non-empty `<title>` and a
 * `<meta name="description">`. Returns the problems of one page, in words.
 */
export function pageBasicsProblems(html: string): string[] {
  const problems: string[] = [];
  const h1 = html.match(/<h1[\s>]/g)?.length ?? 0;
  if (h1 !== 1) problems.push(`has ${h1} <h1> elements; a page needs exactly one (the note's title)`);
  if (!/<title>[^<\s][^<]*<\/title>/.test(html)) problems.push('has no <title>');
  if (!/<meta name="description" content="[^"\s][^"]*"/.test(html)) problems.push('has no <meta name="description">');
  return problems;
}
