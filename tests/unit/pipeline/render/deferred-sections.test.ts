import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeSafeHtml from '../../../../src/pipeline/render/rehype-safe-html.ts';
import rehypeStringify from 'rehype-stringify';
import rehypeKatexStrict from '../../../../src/katex/rehype-katex-strict.ts';
import rehypeDeferredSections from '../../../../src/pipeline/render/rehype-deferred-sections.ts';

async function render(markdown: string): Promise<string> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeSafeHtml)
    .use(rehypeKatexStrict)
    .use(rehypeDeferredSections)
    .use(rehypeStringify);
  return String(await processor.process(markdown));
}

/** Each section's estimated height on the desktop column (--text-scale: 1). */
const heights = (html: string) =>
  [
    ...html.matchAll(
      /class="section-body" style="contain-intrinsic-size:auto calc\((\d+)px \+ (\d+)px \* var\(--text-scale, 1\)\)"/g,
    ),
  ].map((m) => Number(m[1]) + Number(m[2]));

describe('deferred sections', () => {
  it('wraps what follows each ## heading, leaving the headings, the text before the first and deeper headings in place', async () => {
    const html = await render('Intro.\n\n## One\n\nFirst.\n\n### Deeper\n\nMore.\n\n## Two\n\nSecond.\n');
    expect(html).toMatch(/^<p>Intro\.<\/p>\n<h2>One<\/h2><div class="section-body"[^>]*>/);
    expect(html).toMatch(/<h3>Deeper<\/h3>\n<p>More\.<\/p>\n<\/div><h2>Two<\/h2><div class="section-body"/);
    expect(html.match(/class="section-body"/g)).toHaveLength(2);
    expect(html).not.toMatch(/<div class="section-body"[^>]*>\s*<h2/);
  });

  it('adds no empty section after a heading with nothing under it', async () => {
    const html = await render('## Empty\n\n## Full\n\nText.\n');
    expect(html.match(/class="section-body"/g)).toHaveLength(1);
    expect(html).toMatch(/<h2>Empty<\/h2>\n?<h2>Full<\/h2><div class="section-body"/);
  });

  it('estimates a taller section for more text, code, formulas and rows', async () => {
    const [short, long] = heights(await render(`## A\n\nA line.\n\n## B\n\n${'A long paragraph. '.repeat(80)}\n`));
    expect(long).toBeGreaterThan(short! * 4);
    const [plain, withCode] = heights(
      await render('## A\n\nText.\n\n## B\n\nText.\n\n```js\n' + 'x();\n'.repeat(30) + '```\n'),
    );
    expect(withCode).toBeGreaterThan(plain! + 30 * 20);
    const [oneFormula, threeFormulas] = heights(
      await render('## A\n\n$$\nx\n$$\n\n## B\n\n$$\nx\n$$\n\n$$\ny\n$$\n\n$$\nz\n$$\n'),
    );
    expect(threeFormulas).toBeGreaterThan(oneFormula! * 2);
    const [table] = heights(await render(`## T\n\n| a | b |\n| - | - |\n${'| 1 | 2 |\n'.repeat(20)}`));
    expect(table).toBeGreaterThan(20 * 40);
  });

  it('counts a closed <details> by its summary, an open one by all it shows', async () => {
    const hidden = 'Hidden text. '.repeat(100);
    const [closed, open] = heights(
      await render(
        `## A\n\n<details><summary>Answer</summary>\n\n${hidden}\n\n</details>\n\n` +
          `## B\n\n<details open><summary>Answer</summary>\n\n${hidden}\n\n</details>\n`,
      ),
    );
    expect(closed).toBeLessThan(100);
    expect(open).toBeGreaterThan(closed! * 5);
  });

  it('counts a formula in a paragraph by what it draws, not its MathML copy too', async () => {
    const [withMath, withText] = heights(
      await render(`## A\n\n${'$x^2$ '.repeat(60)}\n\n## B\n\n${'x2 '.repeat(60)}\n`),
    );
    expect(withMath).toBeLessThanOrEqual(withText! * 1.5);
  });

  it('scales an image wider than the column to the column', async () => {
    const [wide, narrow] = heights(
      await render(
        '## A\n\n<img src="a.svg" width="1472" height="800" alt="">\n\n## B\n\n<img src="b.svg" width="300" height="800" alt="">\n',
      ),
    );
    expect(narrow! - wide!).toBe(400);
  });
});
