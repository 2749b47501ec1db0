import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified, type Plugin } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import remarkPandocMath from '../../../../src/pipeline/render/remark-pandoc-math.ts';

type Piece = { type: string; value: string };

/** The math, text and code of `markdown` in document order, as the given math plugin parses it. */
function parse(markdown: string, mathPlugin: Plugin<[], Root> = remarkPandocMath, mdx = false): Piece[] {
  const processor = unified().use(remarkParse).use(remarkGfm).use(mathPlugin);
  if (mdx) processor.use(remarkMdx);
  const pieces: Piece[] = [];
  visit(processor.parse(markdown), (node) => {
    if (node.type === 'math' || node.type === 'inlineMath' || node.type === 'text' || node.type === 'inlineCode') {
      pieces.push({ type: node.type, value: node.value });
    }
  });
  return pieces;
}

const mathOf = (pieces: Piece[]) => pieces.filter((p) => p.type === 'math' || p.type === 'inlineMath');
const text = (value: string): Piece => ({ type: 'text', value });
const inline = (value: string): Piece => ({ type: 'inlineMath', value });

describe("remark-pandoc-math: Pandoc's rule for single dollars", () => {
  it('leaves prices and shell variables as text', () => {
    expect(parse('价格 $5 到 $10')).toEqual([text('价格 $5 到 $10')]);
    expect(parse('$HOME 和 $1')).toEqual([text('$HOME 和 $1')]);
  });

  it('reads $x$ as math, unless a digit follows the closing dollar', () => {
    expect(parse('$x$')).toEqual([inline('x')]);
    expect(parse('$x$.')).toEqual([inline('x'), text('.')]);
    expect(parse('$x$1')).toEqual([text('$x$1')]);
  });

  it('needs a non-space just inside each dollar', () => {
    expect(parse('$ x$')).toEqual([text('$ x$')]);
    expect(parse('$x $')).toEqual([text('$x $')]);
    expect(parse('$x\n$ y')).toEqual([text('$x\n$ y')]);
  });

  it('gives up a failed opening dollar and finds the formula after it', () => {
    expect(parse('$5 and $x$')).toEqual([text('$5 and '), inline('x')]);
  });

  it('keeps an escaped dollar as text', () => {
    expect(parse('\\$x$')).toEqual([text('$x$')]);
    expect(parse('costs \\$5')).toEqual([text('costs $5')]);
  });

  it('leaves $$…$$ as before, in a paragraph and as a block', () => {
    expect(parse('a $$ x $$ b')).toEqual([text('a '), inline('x'), text(' b')]);
    expect(parse('$$x$$')).toEqual([inline('x')]);
    expect(parse('$$\n\\sum_i x_i\n$$')).toEqual([{ type: 'math', value: '\\sum_i x_i' }]);
  });

  it('finds math inside links and emphasis, and none in code spans', () => {
    expect(mathOf(parse('[$x$](/a) *$y$* **$z$**'))).toEqual([inline('x'), inline('y'), inline('z')]);
    expect(parse('`$x$` and `$5 $`')).toEqual([
      { type: 'inlineCode', value: '$x$' },
      text(' and '),
      { type: 'inlineCode', value: '$5 $' },
    ]);
  });
});

describe('remark-pandoc-math on the notes', () => {
  const notes = ['zh', 'en'].flatMap((lang) =>
    readdirSync(join('content/notes', lang)).map((name) => join('content/notes', lang, name)),
  );

  it.each(notes)('%s has the same formulas as with remark-math', (path) => {
    const body = readFileSync(path, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    const mdx = path.endsWith('.mdx');
    const before = mathOf(parse(body, remarkMath, mdx));
    expect(mathOf(parse(body, remarkPandocMath, mdx))).toEqual(before);
  });

  it('covers every note, with their formulas', () => {
    // Every note of the reading order, in both languages (a count would go stale with each new note).
    const sections = JSON.parse(readFileSync('content/sections.json', 'utf8')) as { sections: { notes: string[] }[] };
    const slugs = sections.sections.flatMap((section) => section.notes);
    const files = new Set(notes.map((path) => path.replace(/\\/g, '/').replace(/\.mdx?$/, '')));
    for (const lang of ['zh', 'en']) {
      expect(
        slugs.filter((slug) => !files.has(`content/notes/${lang}/${slug}`)),
        lang,
      ).toEqual([]);
    }
    const formulas = notes.flatMap((path) => mathOf(parse(readFileSync(path, 'utf8'), remarkMath)));
    expect(formulas.length).toBeGreaterThan(1000);
  });
});
