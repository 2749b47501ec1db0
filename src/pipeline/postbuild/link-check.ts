import { Parser } from 'htmlparser2';
import { scriptUrlReason, shownUrl } from '../../lib/content/script-url.ts';
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
  const problemOf = (href: string, page: PageLinks): string | undefined => {
    const { path, fragment } = resolveHref(href, page.path);
    const target = path === page.path && href.startsWith('#') ? page : byPath.get(path);
    if (!target) {
      if (files.has(path)) return undefined;
      if (byPath.has(`${path}/`)) return `add the trailing slash: ${path}/`;
      const guess = nearest(path, [...byPath.keys()]);
      return `no page at ${path}` + (guess ? `; did you mean ${guess}?` : '');
    }
    if (fragment && fragment !== 'top' && !target.ids.has(fragment)) {
      const guess = nearest(fragment, [...target.ids]);
      return (
        `${target.path} has no heading or element with id "${fragment}"` + (guess ? `; did you mean #${guess}?` : '')
      );
    }
    return undefined;
  };
  // A root-relative href means the same on every page, and most hrefs are the same few (every note page's
  // sidebar links every note of its language): each is checked once.
  const rootRelative = new Map<string, string | undefined>();
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    for (const href of page.hrefs) {
      if (!isInternalHref(href)) continue;
      let problem: string | undefined;
      if (href.startsWith('/')) {
        if (!rootRelative.has(href)) rootRelative.set(href, problemOf(href, page));
        problem = rootRelative.get(href);
      } else problem = problemOf(href, page);
      if (problem) broken.push({ page: page.path, href, problem });
    }
  }
  return broken;
}

/** What the site checks need to know of one built page, read in one pass of a real HTML parser. */
export interface PageFacts {
  /** Every `id`, in document order (a repeated one is listed each time). */
  ids: string[];
  /** Link targets: `<a>` and `<link>` hrefs, `<img>` and `<script>` srcs, decoded. */
  hrefs: string[];
  h1s: number;
  title: string;
  description: string;
  /** URL attributes whose value runs script when followed, as `<a href> "javascript:…" is a javascript: URL`. */
  scriptUrls: string[];
}

/** Attributes whose value the browser follows or loads (in a built page: Markdown, MDX, components, layouts). */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'cite',
  'data',
  'xlink:href',
  'background',
  'ping',
  'manifest',
]);
const LINK_TARGETS: Record<string, string> = { a: 'href', link: 'href', img: 'src', script: 'src' };

/**
 * The facts of an HTML document, read with htmlparser2 (entities decoded, text that only looks like markup in a
 * code block left alone).
 */
export function scanHtml(html: string): PageFacts {
  const facts: PageFacts = { ids: [], hrefs: [], h1s: 0, title: '', description: '', scriptUrls: [] };
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (tag === 'h1') facts.h1s++;
        if (tag === 'title') inTitle = true;
        if (tag === 'meta' && attributes.name === 'description') facts.description = attributes.content ?? '';
        if (attributes.id !== undefined) facts.ids.push(attributes.id);
        const target = LINK_TARGETS[tag];
        if (target && attributes[target] !== undefined) facts.hrefs.push(attributes[target]);
        for (const [name, value] of Object.entries(attributes)) {
          if (!URL_ATTRIBUTES.has(name)) continue;
          const urls = name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
          for (const url of urls) {
            const reason = scriptUrlReason(url);
            if (reason) facts.scriptUrls.push(`<${tag} ${name}> "${shownUrl(url)}" is ${reason}`);
          }
        }
      },
      ontext(text) {
        if (inTitle) facts.title += text;
      },
      onclosetag(tag) {
        if (tag === 'title') inTitle = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return facts;
}

/**
 * What every page needs, and what none may have, in words: exactly one `<h1>`, a non-empty `<title>` and a
 * `<meta name="description">`; no id twice (a link to it, a label, a script would find the first); no URL that
 * runs script (the Markdown checks refuse them in notes; this also covers what components and MDX assemble).
 */
export function pageProblems(facts: PageFacts): string[] {
  const problems: string[] = [];
  if (facts.h1s !== 1) problems.push(`has ${facts.h1s} <h1> elements; a page needs exactly one (the note's title)`);
  if (!facts.title.trim()) problems.push('has no <title>');
  if (!facts.description.trim()) problems.push('has no <meta name="description">');
  const seen = new Map<string, number>();
  for (const id of facts.ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  for (const [id, count] of seen) {
    if (count > 1)
      problems.push(
        `uses the id "${id}" ${count} times; give each element its own (a heading that repeats a widget's or ` +
          `another heading's id: rename one, or give the widget an \`id\` prop)`,
      );
  }
  for (const url of facts.scriptUrls) problems.push(`has ${url}, which runs script: link to an http(s) URL`);
  return problems;
}
