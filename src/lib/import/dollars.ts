import type { Node, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMarkdown, rangeOf, RangeSet, type Range } from './markdown-tree.ts';

/** Decides whether TeX renders; the importer passes KaTeX here, tests pass a stub. */
export type MathCheck = (tex: string, display: boolean) => boolean;

export const HAN = /\p{Script=Han}/u;

/**
 * Whether the text between two single dollars on one line reads as a formula. remark-math treats any
 * `$…$` as math, so prose such as `$5 and $10` or `$HOME/$USER` would become a formula (or a KaTeX
 * error). The rules, in order (a "no" escapes both dollars, which is the safe mistake: the reader sees
 * the TeX source instead of a broken page):
 * 1. Pandoc's rule: no space just inside either dollar, no digit just after the closing one
 *    (`$5 and $10`, `$5-$10`), and the opening one not glued to a word (`US$5`).
 * 2. Not shell: an upper-case variable followed by a path or separator (`$HOME/`, `$PATH:`),
 *    `${VAR}`, `$(cmd -flag)`, or a double quote (`"$1"/"$2"`).
 * 3. Not prose: no Chinese outside `\text{}`, no two plain words in a row.
 * 4. Some sign of maths: a TeX command, one of `^ _ { } = + - * / < > | ( ) [ ] , '`, a Greek letter,
 *    or a short symbol (`x`, `n`, `k2`).
 */
export function looksLikeInlineMath(content: string, before: string, after: string): boolean {
  if (content === '' || /^\s|\s$/.test(content)) return false;
  if (/^\d/.test(after) || /[A-Za-z0-9]/.test(before)) return false;
  if (/^[A-Z]{2,}[A-Z0-9_]*(?:[/:.,;]|$)/.test(content) && !/^[A-Z]{2,}[A-Z0-9_]*$/.test(content)) return false;
  if (/^\{[A-Za-z_][A-Za-z0-9_]*\}/.test(content)) return false;
  if (/^\(.*(?:\s--?[a-z]|\/[a-z])/.test(content)) return false;
  if (content.includes('"')) return false;
  const plain = content
    .replace(/\\(?:text|mathrm|textbf|mbox|operatorname)\{[^}]*\}/g, ' ')
    .replace(/\\[A-Za-z]+/g, ' ');
  if (HAN.test(plain)) return false;
  if (/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(plain)) return false;
  if (/\\[A-Za-z]|[\^_{}=+\-*/<>|()[\],']|[\u0391-\u03C9]/.test(content)) return true;
  return /^[A-Za-z][0-9]?$|^[0-9]$/.test(content);
}

/** Whether `$$…$$` content reads as a display formula: not empty, and not Chinese prose. */
export function looksLikeDisplayMath(content: string): boolean {
  return content.trim() !== '' && !HAN.test(content.replace(/\\text\{[^}]*\}/g, ''));
}

/**
 * Ranges of phrasing content where a dollar is not prose: code spans, inline HTML, images, the URL and
 * title part of links, and autolinks (whose text is their URL). Sorted by start.
 */
export function nonProseRanges(tree: Root, text: string): RangeSet {
  const ranges: Range[] = [];
  visit(tree, (node: Node) => {
    const [start, end] = rangeOf(node);
    switch (node.type) {
      case 'inlineCode':
      case 'html':
      case 'image':
      case 'imageReference':
      case 'definition':
        ranges.push([start, end]);
        return 'skip';
      case 'link':
      case 'linkReference': {
        const children = (node as Parent).children;
        if (text[start] !== '[' || children.length === 0) {
          ranges.push([start, end]);
          return 'skip';
        }
        ranges.push([rangeOf(children.at(-1)!)[1], end]);
        return undefined;
      }
      default:
        return undefined;
    }
  });
  return new RangeSet(ranges.sort((a, b) => a[0] - b[0]));
}

export interface DollarDecision {
  /** Offsets (in the line) of the dollars to escape. */
  escape: number[];
  /** Formulas that look like maths but that `checkMath` rejected. */
  rejected: Array<{ offset: number; tex: string }>;
}

/**
 * Chooses the dollars of one line of prose to escape, so remark-math leaves `$HOME`, `$1` and `$5 and $10`
 * as text. A formula (`$x^2$`, `$$E = mc^2$$`) is kept when `looksLikeInlineMath` says so (for `$$…$$`,
 * written on purpose, any content but Chinese prose) and `checkMath`, if given, renders it. Dollars where
 * `skip(offset)` holds (code, HTML) and ones already escaped (`\$`) are left alone.
 *
 * Only the dollars that are kept stay unescaped, and they pair up in order, the way remark-math pairs
 * them; so what this function keeps is exactly what becomes math.
 */
export function dollarsToEscape(
  line: string,
  skip: (offset: number) => boolean,
  checkMath?: MathCheck,
): DollarDecision {
  const runs: Array<{ start: number; length: number }> = [];
  for (const m of line.matchAll(/\$+/g)) {
    if (skip(m.index)) continue;
    let backslashes = 0;
    for (let i = m.index - 1; i >= 0 && line[i] === '\\'; i--) backslashes++;
    // `\$$` is an escaped dollar followed by a run of one.
    const start = backslashes % 2 === 1 ? m.index + 1 : m.index;
    const length = m[0].length - (start - m.index);
    if (length > 0) runs.push({ start, length });
  }
  const escape: number[] = [];
  const rejected: DollarDecision['rejected'] = [];
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    const close = runs[i + 1];
    if (close && close.length === open.length && open.length <= 2) {
      const content = line.slice(open.start + open.length, close.start);
      const display = open.length === 2;
      let crossesCode = false;
      for (let k = open.start + open.length; k < close.start && !crossesCode; k++) crossesCode = skip(k);
      const shaped = crossesCode
        ? false
        : display
          ? looksLikeDisplayMath(content)
          : looksLikeInlineMath(content, line.slice(0, open.start).slice(-1), line.slice(close.start + close.length));
      if (shaped && (!checkMath || checkMath(content, display))) {
        i++;
        continue;
      }
      if (shaped) rejected.push({ offset: open.start, tex: content });
    }
    for (let k = 0; k < open.length; k++) escape.push(open.start + k);
  }
  return { escape, rejected };
}

/** `line` with a backslash before each offset in `offsets` (sorted). */
export function escapeAt(line: string, offsets: readonly number[]): string {
  let out = '';
  let cursor = 0;
  for (const offset of offsets) {
    out += `${line.slice(cursor, offset)}\\`;
    cursor = offset;
  }
  return out + line.slice(cursor);
}

/**
 * Escapes the dollars of one line of prose that do not delimit a formula (see `dollarsToEscape`); code
 * spans and inline HTML are found by parsing the line.
 */
export function escapeDollars(
  line: string,
  checkMath?: MathCheck,
): { line: string; escaped: number; rejected: string[] } {
  const nonProse = nonProseRanges(parseMarkdown(line), line);
  const { escape, rejected } = dollarsToEscape(line, (offset) => nonProse.has(offset), checkMath);
  return { line: escapeAt(line, escape), escaped: escape.length, rejected: rejected.map((r) => r.tex) };
}
