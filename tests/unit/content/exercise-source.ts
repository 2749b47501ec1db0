// Reads an exercise out of a note's Markdown source, so a test can check the answer a note states against the
// project's own maths in src/lib. Parsed with remark (not line regexes) so nesting, math and lists read as the
// site reads them.
import { existsSync, readFileSync } from 'node:fs';
import type { Blockquote } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export type NoteLang = 'zh' | 'en';

const MARKER = /^\[!exercise\][+-]?\s*/i;

function noteSource(lang: NoteLang, slug: string): string {
  for (const extension of ['.md', '.mdx']) {
    const path = `content/notes/${lang}/${slug}${extension}`;
    if (existsSync(path)) return readFileSync(path, 'utf8');
  }
  throw new Error(`no note content/notes/${lang}/${slug}.md(x)`);
}

/** Every `> [!exercise] Title` block of a note, by title, as plain text (math kept as its TeX source). */
export function exercises(lang: NoteLang, slug: string): Map<string, string> {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkMath).parse(noteSource(lang, slug));
  const found = new Map<string, string>();
  visit(tree, 'blockquote', (quote: Blockquote) => {
    const first = quote.children[0];
    if (first?.type !== 'paragraph') return;
    const head = toString(first);
    if (!MARKER.test(head)) return;
    const title = head.replace(MARKER, '').split('\n')[0]!.trim();
    found.set(title, quote.children.map((child) => toString(child)).join('\n'));
  });
  return found;
}

/** The text of one exercise, its solution included; throws naming the titles there are when it is missing. */
export function exercise(lang: NoteLang, slug: string, title: string): string {
  const all = exercises(lang, slug);
  const text = all.get(title);
  if (text === undefined) {
    throw new Error(`${lang}/${slug}: no exercise titled "${title}" (there are: ${[...all.keys()].join(' | ')})`);
  }
  return text;
}

/** The numbers written in a text (`0.731`, `-2`, `1.5e-3`), for comparing with a computed answer. */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(/-?\d+(?:\.\d+)?(?:e-?\d+)?/gi)].map((match) => Number(match[0]));
}

/** Whether a text states `expected` to `digits` decimals (rounded as a note would write it). */
export function states(text: string, expected: number, digits: number): boolean {
  const tolerance = 0.5 * 10 ** -digits + 1e-12;
  return numbersIn(text).some((value) => Math.abs(value - expected) <= tolerance);
}
