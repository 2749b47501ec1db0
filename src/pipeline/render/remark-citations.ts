// Why: the landmark papers were cited by hand-written lists that drifted between the two languages and could
// not be linked from the text. A note now cites `[@key]` or `[@key1; @key2]` from content/references.bib:
// each citation becomes a numbered link (numbered by first use) whose title is the reference, and a
// "参考文献" / "References" list with back-links is appended at the end. An unknown key stops the build with
// file:line and the nearest known key, so a typo cannot ship as literal "[@…]" text.
import { readFileSync, statSync } from 'node:fs';
import { visit, SKIP } from 'unist-util-visit';
import type { BlockContent, Heading, Link, List, ListItem, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import {
  parseBibtex,
  publicationLine,
  referenceText,
  toReference,
  unsafeReferenceUrl,
  type BibEntry,
  type Reference,
} from '../../lib/content/bibtex.ts';
import { nearest } from '../../lib/text/nearest.ts';
import { contentHash } from '../../lib/content/translation.ts';
import { linesBeforeBody } from './source-lines.ts';

/** The bibliography notes cite; a fixture build may name another with BIBLIOGRAPHY (tests/integration). */
export const DEFAULT_BIBLIOGRAPHY = process.env.BIBLIOGRAPHY ?? 'content/references.bib';

export interface CitationOptions {
  /** Path of the .bib file, relative to the working directory (default `content/references.bib`). */
  bibliography?: string;
  /** The .bib text itself, instead of a file (tests). */
  bibtex?: string;
  /** Unused by the plugin: see `citations()`. */
  digest?: string;
}

export class CitationError extends Error {
  override name = 'CitationError';
}

/** `[@…]`: anything in brackets that starts with `@` is meant as a citation and must be well formed. */
const CANDIDATE = /\[\s*@[^[\]]*\]/g;
const KEY = /^@([A-Za-z0-9_:.+/-]+)$/;
const OPENING = /\[\s*@/g;
/** An opening bracket as the author wrote it: `\[`, or an entity for `[`, keeps `[@…]` as text. */
const SOURCE_OPENING = /(\\\[|&#0*91;|&#x0*5b;|&lsqb;|&lbrack;|\[)\s*@/gi;

/**
 * For each `[@` in a text node, whether the author escaped its bracket. The parser has already turned `\[` into
 * `[`, so the node's source is read: its openings stand in the same order as the value's.
 */
function escapedOpenings(node: Text, source: string | undefined): Map<number, boolean> {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const escaped = new Map<number, boolean>();
  if (source === undefined || start === undefined || end === undefined) return escaped;
  const written = [...source.slice(start, end).matchAll(SOURCE_OPENING)].map((m) => m[1] !== '[');
  const read = [...node.value.matchAll(OPENING)].map((m) => m.index);
  if (written.length === read.length) read.forEach((index, i) => escaped.set(index, written[i]!));
  return escaped;
}

const STRINGS = {
  heading: { zh: '参考文献', en: 'References' },
  back: { zh: '返回正文中的引用', en: 'Back to the citation' },
  backN: { zh: '返回正文中第 {n} 处引用', en: 'Back to citation {n}' },
} as const;

// Read and parsed once per build (and again only when the file changes, for `astro dev`).
const cache = new Map<string, { mtimeMs: number; entries: Map<string, BibEntry> }>();

/** The entries of a .bib file by key; parsed once and reused until the file changes. */
export function loadBibliography(path: string): Map<string, BibEntry> {
  const { mtimeMs } = statSync(path);
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === mtimeMs) return cached.entries;
  const entries = new Map(parseBibtex(readFileSync(path, 'utf8'), path).map((e) => [e.key, e]));
  cache.set(path, { mtimeMs, entries });
  return entries;
}

/**
 * The plugin with its options, for `astro.config.mjs`. Astro caches each rendered note until the note's own
 * file changes, so an edit to the .bib alone would leave old reference lists in place; the digest of the .bib
 * in the options changes Astro's config digest, which makes it render the notes again.
 */
export function citations(bibliography = DEFAULT_BIBLIOGRAPHY): [typeof remarkCitations, CitationOptions] {
  return [remarkCitations, { bibliography, digest: contentHash(readFileSync(bibliography, 'utf8')) }];
}

interface Use {
  key: string;
  /** n-th use of this key in the note (1-based): the id of its link is `cite-<key>-<n>`. */
  occurrence: number;
}

export default function remarkCitations(options: CitationOptions = {}) {
  const inline = options.bibtex === undefined ? undefined : new Map(parseBibtex(options.bibtex).map((e) => [e.key, e]));
  const bibliographyPath = options.bibliography ?? DEFAULT_BIBLIOGRAPHY;

  return function transform(tree: Root, file: VFile) {
    const lang = /[\\/]en[\\/]/.test(file.path ?? '') ? 'en' : 'zh';
    let entries: Map<string, BibEntry> | undefined = inline;
    const bibliography = () => (entries ??= loadBibliography(bibliographyPath));

    const numbers = new Map<string, number>();
    const uses = new Map<string, number>();
    const references = new Map<string, Reference>();
    const problems: string[] = [];
    const unsafe: string[] = [];
    const bibFile = options.bibtex === undefined ? bibliographyPath : 'the bibliography';
    const where = file.path ?? 'a note';
    let offset: number | undefined;
    const lineOf = (node: Text, index: number) => {
      const start = node.position?.start.line;
      if (start === undefined) return undefined;
      offset ??= linesBeforeBody(file);
      return start + offset + (node.value.slice(0, index).match(/\n/g)?.length ?? 0);
    };

    visit(tree, (node, index, parent) => {
      // A citation inside link text would nest links; code never reaches here (it is not a text node).
      if (node.type === 'link' || node.type === 'linkReference') return SKIP;
      if (node.type !== 'text' || !parent || index === undefined || !node.value.includes('@')) return undefined;
      const replacement: PhrasingContent[] = [];
      let last = 0;
      const escaped = escapedOpenings(node, typeof file.value === 'string' ? file.value : undefined);
      for (const match of node.value.matchAll(CANDIDATE)) {
        if (escaped.get(match.index)) continue;
        const line = lineOf(node, match.index);
        const at = `${where}${line ? `:${line}` : ''}`;
        const parts = match[0]
          .slice(1, -1)
          .split(';')
          .map((p) => p.trim());
        const keys = parts.map((p) => KEY.exec(p)?.[1]);
        if (keys.some((k) => k === undefined)) {
          problems.push(
            `  ${at}  "${match[0]}" is not a citation: write [@key] or [@key1; @key2], or \\[@ to keep it as text`,
          );
          continue;
        }
        const known = bibliography();
        const group: Use[] = [];
        for (const key of new Set(keys as string[])) {
          const entry = known.get(key);
          if (!entry) {
            const suggestion = nearest(key, [...known.keys()]);
            problems.push(
              `  ${at}  unknown citation key "${key}"${suggestion ? `: did you mean "${suggestion}"?` : ''}`,
            );
            continue;
          }
          const unsafeUrl = numbers.has(key) ? undefined : unsafeReferenceUrl(entry);
          if (unsafeUrl) {
            unsafe.push(`  ${bibFile}:${entry.line}  ${unsafeUrl} (cited at ${at})`);
            continue;
          }
          if (!numbers.has(key)) {
            numbers.set(key, numbers.size + 1);
            references.set(key, toReference(entry));
          }
          const occurrence = (uses.get(key) ?? 0) + 1;
          uses.set(key, occurrence);
          group.push({ key, occurrence });
        }
        if (group.length === 0) continue;
        if (match.index > last) replacement.push({ type: 'text', value: node.value.slice(last, match.index) });
        group.sort((a, b) => numbers.get(a.key)! - numbers.get(b.key)!);
        replacement.push(citationNode(group, numbers, references));
        last = match.index + match[0].length;
      }
      if (last === 0) return undefined;
      if (last < node.value.length) replacement.push({ type: 'text', value: node.value.slice(last) });
      (parent as Parent).children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });

    if (unsafe.length > 0) {
      throw new CitationError(
        `A reference cannot be published:\n${unsafe.join('\n')}\nA reference may link only to http(s) URLs.`,
      );
    }
    if (problems.length > 0) {
      throw new CitationError(
        `${problems.length === 1 ? 'A citation' : `${problems.length} citations`} cannot be resolved:\n${problems.join('\n')}\n` +
          `Citation keys are the entries of ${options.bibtex === undefined ? bibliographyPath : 'the bibliography'}: ` +
          'fix the key, or add the paper there.',
      );
    }
    if (numbers.size === 0) return;
    tree.children.push(...referenceList(lang, numbers, references, uses));
  };
}

/** `<sup class="citation"><a href="#ref-key" id="cite-key-1" title="…">[1]</a>…</sup>` as mdast. */
function citationNode(
  group: readonly Use[],
  numbers: Map<string, number>,
  references: Map<string, Reference>,
): PhrasingContent {
  const links: Link[] = group.map(({ key, occurrence }) => ({
    type: 'link',
    url: `#ref-${key}`,
    title: referenceText(references.get(key)!),
    data: { hProperties: { id: `cite-${key}-${occurrence}` } },
    children: [{ type: 'text', value: `[${numbers.get(key)}]` }],
  }));
  // An emphasis node renamed to <sup>: a standard mdast type every later plugin already knows how to walk.
  return { type: 'emphasis', data: { hName: 'sup', hProperties: { className: ['citation'] } }, children: links };
}

/** The "References" heading and the numbered list, in order of first citation, with back-links. */
function referenceList(
  lang: 'zh' | 'en',
  numbers: Map<string, number>,
  references: Map<string, Reference>,
  uses: Map<string, number>,
): [Heading, BlockContent] {
  const items: ListItem[] = [...numbers.keys()].map((key) => {
    const ref = references.get(key)!;
    const content: PhrasingContent[] = [];
    if (ref.authors) content.push({ type: 'text', value: `${ref.authors}${ref.authors.endsWith('.') ? '' : '.'} ` });
    const title: Text = { type: 'text', value: ref.title };
    content.push(ref.url ? { type: 'link', url: ref.url, children: [title] } : title);
    content.push({ type: 'text', value: /[.?!]$/.test(ref.title) ? ' ' : '. ' });
    const line = publicationLine(ref);
    if (ref.venue && line.startsWith(ref.venue)) {
      content.push({ type: 'emphasis', children: [{ type: 'text', value: ref.venue }] });
      content.push({ type: 'text', value: `${line.slice(ref.venue.length)}.` });
    } else if (line) {
      content.push({ type: 'text', value: `${line}.` });
    }
    const count = uses.get(key) ?? 1;
    for (let n = 1; n <= count; n++) {
      const label = count === 1 ? STRINGS.back[lang] : STRINGS.backN[lang].replace('{n}', String(n));
      content.push({ type: 'text', value: ' ' });
      content.push({
        type: 'link',
        url: `#cite-${key}-${n}`,
        data: { hProperties: { ariaLabel: label } },
        children: [{ type: 'text', value: count === 1 ? '↩' : `↩${n}` }],
      });
    }
    return {
      type: 'listItem',
      spread: false,
      data: { hProperties: { id: `ref-${key}` } },
      children: [{ type: 'paragraph', children: content }],
    };
  });
  const list: List = { type: 'list', ordered: true, start: 1, spread: false, children: items };
  return [
    { type: 'heading', depth: 2, children: [{ type: 'text', value: STRINGS.heading[lang] }] },
    // A blockquote renamed to <div class="references">: the sanitizer keeps a div's class (not an <ol>'s).
    { type: 'blockquote', data: { hName: 'div', hProperties: { className: ['references'] } }, children: [list] },
  ];
}
