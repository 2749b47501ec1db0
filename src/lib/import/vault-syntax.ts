import GithubSlugger from 'github-slugger';
import type { Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Warn } from './block-structure.ts';
import { literalRanges, parseMarkdown, RangeSet, rangeOf } from './markdown-tree.ts';
import { LineIndex, removal, type Edit, type SourceText } from './source-text.ts';

/**
 * Obsidian's own syntax (https://help.obsidian.md/syntax), which no Markdown parser reads: `%%comments%%`,
 * `[[wikilinks]]` and `![[embeds]]`, `==highlights==` and inline `#tags`. Each becomes this site's Markdown, found
 * in the text of the syntax tree so that code and math are never touched.
 */

export interface VaultSyntaxOptions {
  /** The slug of the vault's note called `name` (`[[name]]`, case-insensitive, with or without folders). */
  noteSlug: (name: string) => string | undefined;
  /** The note URL of a slug in the import's language. */
  noteUrl: (slug: string) => string;
  /** The URL of an attachment (`![[diagram.png]]`) after copying it; `undefined` when it is not found. */
  attachment: (name: string) => string | undefined;
}

export interface VaultSyntaxResult {
  doc: SourceText;
  /** Inline `#tags`, in order, without the `#`. */
  tags: string[];
}

const COMMENT = /%%[\s\S]*?%%/g;
/** `[[target#heading|label]]`, `![[embed]]`; a `|` may be escaped inside a table. */
const WIKILINK = /(!?)\[\[([^\]|#\n]*?)(#[^\]|\n]*?)?(?:\\?\|([^\]\n]*))?\]\]/g;
const HIGHLIGHT = /==(?=\S)([^=\n]*?\S)==/g;
/** Obsidian tags: letters, digits, `_`, `-` and `/` (nesting), with at least one that is not a digit. */
const TAG = /(^|[\s(（，。,;；])#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu;
const IMAGE_FILE = /\.(?:png|jpe?g|gif|svg|webp|avif)$/i;

function markdownLabel(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}

/** `%%…%%` comments, which Obsidian never shows, dropped wherever they are outside code and math. */
export function dropComments(doc: SourceText, warn: Warn): SourceText {
  const text = doc.text;
  if (!text.includes('%%')) return doc;
  const literal = new RangeSet(literalRanges(parseMarkdown(text)));
  const lines = new LineIndex(text);
  const edits: Edit[] = [];
  for (const m of text.matchAll(COMMENT)) {
    if (!literal.has(m.index)) edits.push(removal(lines, m.index, m.index + m[0].length));
  }
  if (edits.length > 0) warn(doc.originalOffset(edits[0]!.start), `${edits.length} %%comment%%(s) dropped`);
  return doc.edit(edits);
}

export function convertVaultSyntax(doc: SourceText, options: VaultSyntaxOptions, warn: Warn): VaultSyntaxResult {
  const text = doc.text;
  const tree = parseMarkdown(text);
  const edits: Edit[] = [];
  const tags: string[] = [];
  const lines = new LineIndex(text);
  const at = (offset: number) => doc.originalOffset(offset);

  const wikilink = (m: RegExpMatchArray, start: number): string => {
    const [, bang, rawTarget = '', heading, label] = m;
    const target = rawTarget.trim();
    const shown = label?.trim() || [target, heading?.slice(1)].filter(Boolean).join(' › ') || target;
    if (bang && IMAGE_FILE.test(target)) {
      const url = options.attachment(target);
      // Obsidian's `![[a.png|300]]` gives a width, not alt text.
      const alt = label && !/^\d+(?:x\d+)?$/.test(label.trim()) ? label.trim() : target.replace(/^.*\//, '');
      if (url) return `![${markdownLabel(alt)}](${url.replace(/[ ()]/g, encodeURIComponent)})`;
      warn(at(start), `attachment "${target}" not found: kept its name as text`);
      return markdownLabel(alt);
    }
    const slug = target === '' ? undefined : options.noteSlug(target);
    if (!slug) {
      if (target !== '') warn(at(start), `[[${target}]] is not a note of this import or of the site: kept as text`);
      return markdownLabel(shown);
    }
    if (bang) warn(at(start), `![[${target}]] embeds a note: made it a link to it`);
    const anchor = heading ? `#${new GithubSlugger().slug(heading.slice(1).trim())}` : '';
    return `[${markdownLabel(shown)}](${options.noteUrl(slug)}${anchor})`;
  };

  visit(tree, 'text', (node: Text) => {
    const [start, end] = rangeOf(node);
    const source = text.slice(start, end);
    for (const m of source.matchAll(WIKILINK)) {
      edits.push({ start: start + m.index, end: start + m.index + m[0].length, text: wikilink(m, start + m.index) });
    }
    for (const m of source.matchAll(HIGHLIGHT)) {
      edits.push({ start: start + m.index, end: start + m.index + m[0].length, text: `<mark>${m[1]}</mark>` });
    }
    for (const m of source.matchAll(TAG)) {
      const from = start + m.index + m[1]!.length;
      tags.push(m[2]!);
      // Tags that end a line go (with the spaces before them); a tag inside a sentence keeps its word.
      const lineEnd = text.indexOf('\n', from) < 0 ? text.length : text.indexOf('\n', from);
      const trailing = /^(?:#[\p{L}\p{N}_/-]+[ \t]*)+$/u.test(text.slice(from, lineEnd));
      let cut = from;
      while (trailing && cut > 0 && /[ \t]/.test(text[cut - 1]!)) cut--;
      const lineStart = text.lastIndexOf('\n', from - 1) + 1;
      if (trailing && cut === lineStart) edits.push(removal(lines, lineStart, lineEnd));
      else edits.push({ start: cut, end: from + m[2]!.length + 1, text: trailing ? '' : m[2]! });
    }
  });
  if (tags.length > 0) warn(at(0), `inline tags became the note's tags: ${[...new Set(tags)].join(', ')}`);
  return { doc: doc.edit(edits), tags };
}
