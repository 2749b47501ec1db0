import type { Definition, Heading, Link, Node, Parent, Root, Text } from 'mdast';
import TLDS from 'tlds/index.json' with { type: 'json' };
import { visit } from 'unist-util-visit';
import type { Warn } from './block-structure.ts';
import { parseMarkdown, rangeOf } from './markdown-tree.ts';
import { LineIndex, removal, type Edit, type SourceText } from './source-text.ts';

/**
 * The step after kramdown's syntax: what the site would read as something else, or refuse, in a post written
 * for another site. Links to local pages go through `resolveLink` (another imported post, a note of this site,
 * the original blog) and become text when nothing answers; scheme-less domains get `https://`; body headings are
 * demoted under the note's title; `[@…]` that is no citation key is escaped. Every change is reported.
 */

export interface LinkTarget {
  /** The URL to write instead. */
  url: string;
  /** Why the link changed, for the report (`undefined`: nothing worth saying). */
  note?: string | undefined;
}

export interface LinkOptions {
  /**
   * Called for each link without a scheme (`/2015/12/19/regular/`, `2015-12-19-Regular.md`, `/notes/x/`):
   * the URL it should become, or `undefined` when it leads nowhere on the new site.
   */
  resolveLink?: ((url: string) => LinkTarget | undefined) | undefined;
  /** The citation keys of `content/references.bib`: `[@key]` with one of them stays a citation. */
  citationKeys?: ReadonlySet<string> | undefined;
  /** The note's title: a first body heading that repeats it is dropped (the page shows the title). */
  title?: string | undefined;
}

const TOP_LEVEL_DOMAINS = new Set(TLDS);
/** A file's extension that is also a top-level domain (`.md` is Moldova's): such a name is a file, not a host. */
const FILE_EXTENSIONS = new Set(['md', 'markdown', 'html', 'htm', 'php', 'py', 'sh', 'zip', 'pdf', 'txt', 'json']);
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,63})(?::\d+)?(?=[/?#]|$)/i;

/** `github.com/google/protobuf` → `https://github.com/google/protobuf`; `undefined` for anything else. */
export function schemelessDomainUrl(url: string): string | undefined {
  const host = HOST.exec(url);
  const tld = host?.[1]?.toLowerCase();
  if (!tld || !TOP_LEVEL_DOMAINS.has(tld) || FILE_EXTENSIONS.has(tld)) return undefined;
  return `https://${url}`;
}

function hasScheme(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url);
}

/**
 * Body heading levels under the title: a heading goes one level below the nearest heading above it that was
 * higher in the post (siblings stay siblings), starting at 2 (`##`), so no level is skipped; 6 at most.
 */
export function demotedLevels(levels: readonly number[]): number[] {
  const open: Array<{ level: number; demoted: number }> = [];
  return levels.map((level) => {
    while (open.length > 0 && open.at(-1)!.level >= level) open.pop();
    const demoted = Math.min((open.at(-1)?.demoted ?? 1) + 1, 6);
    open.push({ level, demoted });
    return demoted;
  });
}

const CITATION = /^\[\s*@([A-Za-z0-9_:.+/-]+)\s*(?:;\s*@([A-Za-z0-9_:.+/-]+)\s*)*\]$/;

/** Whether `[…]` is a citation the site can resolve: every `@key` in it is in `keys`. */
function isKnownCitation(bracket: string, keys: ReadonlySet<string>): boolean {
  if (!CITATION.test(bracket)) return false;
  return [...bracket.matchAll(/@([A-Za-z0-9_:.+/-]+)/g)].every((m) => keys.has(m[1]!));
}

/** The source of a node's children, for a link that becomes its text. */
function innerSource(node: Parent, text: string): string {
  const first = node.children[0];
  const last = node.children.at(-1);
  if (!first || !last) return '';
  return text.slice(rangeOf(first)[0], rangeOf(last)[1]);
}

function headingText(node: Heading, text: string): string {
  return innerSource(node, text).replace(/\s+/g, ' ').trim();
}

export interface LinkPassResult {
  doc: SourceText;
  /** Headings whose level changed, and whether a heading repeating the title was dropped. */
  demotedHeadings: number;
  droppedTitleHeading: boolean;
}

export function convertLinks(doc: SourceText, options: LinkOptions, warn: Warn): LinkPassResult {
  const text = doc.text;
  const tree: Root = parseMarkdown(text);
  const lines = new LineIndex(text);
  const at = (offset: number) => doc.originalOffset(offset);
  const edits: Edit[] = [];

  // Headings.
  const headings: Heading[] = [];
  visit(tree, 'heading', (node) => void headings.push(node));
  let droppedTitleHeading = false;
  const first = headings[0];
  if (first && options.title && headingText(first, text) === options.title.trim()) {
    edits.push(removal(lines, ...rangeOf(first)));
    headings.shift();
    droppedTitleHeading = true;
    warn(at(rangeOf(first)[0]), 'a heading repeating the title was dropped (the page shows the title)');
  }
  let demotedHeadings = 0;
  demotedLevels(headings.map((h) => h.depth)).forEach((level, i) => {
    const heading = headings[i]!;
    if (level === heading.depth) return;
    demotedHeadings++;
    const [start, end] = rangeOf(heading);
    const atx = /^([ \t]*)(#{1,6})(?=[ \t]|$)/.exec(text.slice(start, end));
    if (atx) edits.push({ start: start + atx[1]!.length, end: start + atx[0].length, text: '#'.repeat(level) });
    else edits.push({ start, end, text: `${'#'.repeat(level)} ${headingText(heading, text)}` });
  });
  if (demotedHeadings > 0)
    warn(at(rangeOf(headings[0]!)[0]), `${demotedHeadings} heading level(s) changed: the title is the only h1`);

  // Links.
  const resolve = (url: string, offset: number): string | null | undefined => {
    if (url === '' || url.startsWith('#') || hasScheme(url)) return undefined;
    const target = options.resolveLink?.(url);
    if (target) {
      if (target.note) warn(at(offset), `link "${url}": ${target.note}`);
      return target.url === url ? undefined : target.url;
    }
    const absolute = schemelessDomainUrl(url);
    if (absolute) {
      warn(at(offset), `link "${url}" has no scheme: made it ${absolute}`);
      return absolute;
    }
    // Without a resolver nothing is known of the site's pages: the link stays as written.
    if (!options.resolveLink) return undefined;
    warn(at(offset), `link "${url}" leads nowhere on this site: kept its text, dropped the link`);
    return null;
  };
  /** The offsets of the destination of `[label](dest)` or `[label]: dest`. */
  const destination = (node: Node, url: string): [number, number] | undefined => {
    const [start, end] = rangeOf(node);
    const source = text.slice(start, end);
    const search = node.type === 'definition' ? source.indexOf(']:') : source.lastIndexOf('](');
    if (search < 0) return undefined;
    for (const form of [url, encodeURI(url), `<${url}>`]) {
      const found = source.indexOf(form, search);
      if (found >= 0)
        return form.startsWith('<')
          ? [start + found + 1, start + found + 1 + url.length]
          : [start + found, start + found + form.length];
    }
    return undefined;
  };
  const unresolvedDefinitions = new Set<string>();
  visit(tree, 'definition', (node: Definition) => {
    const [start] = rangeOf(node);
    const url = resolve(node.url, start);
    if (url === undefined) return;
    const dest = destination(node, node.url);
    if (url === null) {
      unresolvedDefinitions.add(node.identifier);
      edits.push(removal(lines, ...rangeOf(node)));
    } else if (dest) edits.push({ start: dest[0], end: dest[1], text: url });
  });
  visit(tree, (node: Node) => {
    if (node.type === 'linkReference') {
      const reference = node as Parent & { identifier: string };
      if (unresolvedDefinitions.has(reference.identifier))
        edits.push({ start: rangeOf(node)[0], end: rangeOf(node)[1], text: innerSource(reference, text) });
      return undefined;
    }
    if (node.type !== 'link') return undefined;
    const link = node as Link;
    const [start, end] = rangeOf(link);
    // An autolink (`<http://…>`, `www.…`) has a scheme, or GFM made one up: nothing to do.
    if (!text.startsWith('[', start)) return undefined;
    const url = resolve(link.url, start);
    if (url === null) edits.push({ start, end, text: innerSource(link, text) });
    else if (url !== undefined) {
      const dest = destination(link, link.url);
      if (dest) edits.push({ start: dest[0], end: dest[1], text: url });
    }
    return undefined;
  });
  visit(tree, 'html', (node) => {
    const [start] = rangeOf(node);
    for (const m of node.value.matchAll(/(<a\b[^>]*?)\s+href=(["'])([^"']*)\2/gi)) {
      const url = resolve(m[3]!, start + m.index);
      if (url === undefined) continue;
      const from = start + m.index + m[1]!.length;
      const to = start + m.index + m[0].length;
      // An <a> without href is no link: its text stays, and no check can find it broken.
      edits.push({ start: from, end: to, text: url === null ? '' : ` href="${url.replace(/"/g, '&quot;')}"` });
    }
  });

  // `[@…]` that is not a citation of the site's bibliography.
  visit(tree, 'text', (node: Text) => {
    if (!node.value.includes('@')) return;
    const [start, end] = rangeOf(node);
    const source = text.slice(start, end);
    for (const m of source.matchAll(/(?<!\\)\[\s*@[^[\]]*\]?/g)) {
      if (isKnownCitation(m[0], options.citationKeys ?? new Set())) continue;
      edits.push({ start: start + m.index, end: start + m.index, text: '\\' });
      warn(at(start + m.index), `"${m[0]}" is not a citation of content/references.bib: escaped as text`);
    }
  });

  return { doc: doc.edit(edits), demotedHeadings, droppedTitleHeading };
}
