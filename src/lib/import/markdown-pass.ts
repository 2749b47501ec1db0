import type { Html, List, Literal, Node, Paragraph, Parent, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Lang } from '../content/lang.ts';
import { TOC_HEADING } from '../content/note-template.ts';
import type { Warn } from './block-structure.ts';
import { dollarsToEscape, nonProseRanges, type MathCheck } from './dollars.ts';
import { imageEdits, type ImageOptions } from './images.ts';
import { normalizeFenceLanguage, type LanguageTable } from './languages.ts';
import { parseMarkdown, rangeOf, type Range } from './markdown-tree.ts';
import { blankBetween, LineIndex, removal, type Edit, type SourceText } from './source-text.ts';

/**
 * The last step on a post's body, on its Markdown syntax tree: kramdown's own syntax becomes this site's,
 * each change an edit at the offsets of the node it is about, so code, math and HTML are never touched
 * by accident and the rest of the text stays as the author wrote it.
 */

export interface MarkdownPassOptions {
  lang: Lang;
  languages: LanguageTable;
  images: ImageOptions;
  checkMath?: MathCheck | undefined;
  /** Jekyll's `excerpt_separator` when the post sets one (`<!--more-->` is always dropped). */
  excerptSeparator?: string | undefined;
}

/** A kramdown attribute list (`{: .class #id key="v"}`, `{:toc}`) or header id (`{#id}`). */
const ATTRIBUTE_LIST = /\{:(?:[^}\n"']|"[^"\n]*"|'[^'\n]*')*\}|\{#[\w-]+\}/g;
const TOC_MARKER = /^[ \t>]*\{:\s*toc\s*\}[ \t]*$/i;
const MORE = /^<!--\s*more\s*-->$/;

/** A code block for a formula KaTeX cannot render, so the build does not fail on it. */
function texBlock(tex: string, indent: string): string {
  const fence = '`'.repeat(Math.max(3, ...[...tex.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${fence}tex\n${tex
    .split('\n')
    .map((line) => indent + line)
    .join('\n')}\n${indent}${fence}`;
}

/** kramdown's table of contents: a one-item list (`* content`) whose last line is `{:toc}`. */
function isTocList(list: List, text: string, lines: LineIndex): boolean {
  const [, end] = rangeOf(list);
  return TOC_MARKER.test(text.slice(lines.lineStart(end), end));
}

export interface MarkdownPassResult {
  doc: SourceText;
  missingImages: string[];
  /** What stands where a missing image stood (its alt text). */
  imageStandIns: string[];
  escapedDollars: number;
}

export function convertMarkdown(doc: SourceText, options: MarkdownPassOptions, warn: Warn): MarkdownPassResult {
  const text = doc.text;
  const tree = parseMarkdown(text);
  const lines = new LineIndex(text);
  const at = (offset: number) => doc.originalOffset(offset);
  // Block-level replacements come first: an edit inside one of them is left out (see SourceText.edit).
  const blocks: Edit[] = [];
  const inline: Edit[] = [];
  let escapedDollars = 0;
  const nonProse = nonProseRanges(tree, text);
  const tocs: Range[] = [];

  const tocHeading = (start: number, end: number) => {
    const lineStart = lines.lineStart(start);
    const before = lineStart > 0 && !blankBetween(text, lines.lineStart(lineStart - 1), lineStart - 1) ? '\n' : '';
    const nextLine = lines.lineEnd(end) + 1;
    const after = nextLine < text.length && !blankBetween(text, nextLine, lines.lineEnd(nextLine)) ? '\n' : '';
    blocks.push({ start: lineStart, end, text: `${before}## ${TOC_HEADING[options.lang]}${after}` });
    tocs.push([lineStart, end]);
  };
  const inToc = (offset: number) => tocs.some(([start, end]) => offset >= start && offset < end);

  /** A display formula: rewritten with `$$` on lines of their own, or as a tex block if KaTeX fails on it. */
  const displayMath = (start: number, end: number, tex: string, rewrite: boolean) => {
    const indent = lines.continuationAt(start);
    if (options.checkMath && !options.checkMath(tex, true)) {
      warn(at(start), 'KaTeX cannot render a display formula, kept as a tex code block');
      blocks.push({ start, end, text: texBlock(tex, indent) });
    } else if (rewrite) {
      blocks.push({ start, end, text: `$$\n${indent}${tex}\n${indent}$$` });
    }
  };

  const escapeDollarsIn = (container: Node) => {
    const [start, end] = rangeOf(container);
    if (inToc(start)) return;
    for (let lineStart = start; lineStart < end; lineStart = lines.lineEnd(lineStart) + 1) {
      const lineEnd = Math.min(lines.lineEnd(lineStart), end);
      const line = text.slice(lineStart, lineEnd);
      if (!line.includes('$')) continue;
      const { escape, rejected } = dollarsToEscape(line, (i) => nonProse.has(lineStart + i), options.checkMath);
      for (const offset of escape) inline.push({ start: lineStart + offset, end: lineStart + offset, text: '\\' });
      escapedDollars += escape.length;
      for (const r of rejected) warn(at(lineStart + r.offset), `KaTeX cannot render "${r.tex}", kept as text`);
    }
  };

  /** kramdown attribute lists in a text node: whole lines, after an inline element, or ending a heading. */
  const attributeLists = (node: Text, parent: Parent | undefined, heading: boolean) => {
    const [start, end] = rangeOf(node);
    const source = text.slice(start, end);
    for (const m of source.matchAll(ATTRIBUTE_LIST)) {
      const from = start + m.index;
      const to = from + m[0].length;
      const lineStart = lines.lineStart(from);
      const lineEnd = lines.lineEnd(from);
      const restOfLine = text.slice(to, lineEnd);
      const prefix = text.slice(lineStart, from);
      if (/^[ \t>]*$/.test(prefix) && /^[ \t]*$/.test(restOfLine) && m[0].startsWith('{:')) {
        if (TOC_MARKER.test(m[0])) tocHeading(lineStart, lineEnd);
        else if (/^[ \t]*$/.test(prefix)) blocks.push(removal(lines, from, to));
        else blocks.push({ start: lineStart, end: Math.min(lineEnd + 1, text.length), text: '' });
      } else if (m.index === 0 && parent && parent.children.indexOf(node) > 0 && m[0].startsWith('{:')) {
        inline.push({ start: from, end: to, text: '' });
      } else if ((heading || /^[ \t>]*#{1,6}/.test(prefix)) && /^[ \t]*$/.test(restOfLine)) {
        let cut = from;
        while (/[ \t]/.test(text[cut - 1] ?? '')) cut--;
        inline.push({ start: cut, end: to, text: '' });
      }
    }
  };

  const excerpt = options.excerptSeparator?.trim();
  const isSeparator = (value: string) => MORE.test(value.trim()) || (excerpt !== undefined && value.trim() === excerpt);

  visit(tree, (node: Node, index, parent: Parent | undefined) => {
    const [start, end] = rangeOf(node);
    switch (node.type) {
      case 'list':
        if (parent?.type === 'root' && isTocList(node as List, text, lines)) tocHeading(start, end);
        return undefined;
      case 'heading':
        if (!inToc(start)) escapeDollarsIn(node);
        return undefined;
      case 'tableCell':
        escapeDollarsIn(node);
        return undefined;
      case 'paragraph': {
        const paragraph = node as Paragraph;
        const content = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
        const only = content.length === 1 ? content[0]! : undefined;
        if (only?.type === 'inlineMath' && text.startsWith('$$', rangeOf(only)[0])) {
          displayMath(...rangeOf(only), only.value.trim(), true);
          return 'skip';
        }
        if (excerpt !== undefined && text.slice(start, end).trim() === excerpt) {
          blocks.push(removal(lines, start, end));
          return 'skip';
        }
        // kramdown reads `##Title` as a heading; CommonMark needs the space.
        for (let lineStart = start; lineStart < end; lineStart = lines.lineEnd(lineStart) + 1) {
          const hashes = /^([ \t>]*)(#{1,6})(?=[^#\s])/.exec(text.slice(lineStart, lines.lineEnd(lineStart)));
          const after = lineStart + (hashes?.[0].length ?? 0);
          if (hashes && after - hashes[2]!.length >= start && !nonProse.has(after - 1)) {
            inline.push({ start: after, end: after, text: ' ' });
          }
        }
        escapeDollarsIn(node);
        return undefined;
      }
      case 'text':
        attributeLists(node as Text, parent, parent?.type === 'heading' && index === parent.children.length - 1);
        return undefined;
      case 'html':
        if (isSeparator((node as Html).value)) blocks.push(removal(lines, start, end));
        return undefined;
      case 'code': {
        const fence = /^([ \t]*)(`{3,}|~{3,})[ \t]*([^\s`{]*)/.exec(text.slice(start, lines.lineEnd(start)));
        const language = fence?.[3] ?? '';
        if (!fence || language === '') return 'skip';
        const { id, known } = normalizeFenceLanguage(language, options.languages);
        if (!known) warn(at(start), `unknown code language "${language}", shown as plain text`);
        const from = start + fence[0].length - language.length;
        if (id !== language) blocks.push({ start: from, end: from + language.length, text: id });
        return 'skip';
      }
      case 'math':
        displayMath(start, end, (node as Literal).value, false);
        return 'skip';
      default:
        return undefined;
    }
  });

  const images = imageEdits(tree, text, options.images);
  return {
    doc: doc.edit([...blocks, ...images.edits, ...inline]),
    missingImages: images.missing,
    imageStandIns: images.standIns,
    escapedDollars,
  };
}
