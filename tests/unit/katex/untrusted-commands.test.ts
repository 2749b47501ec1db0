import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import rehypeKatexStrict from '../../../src/katex/rehype-katex-strict.ts';
import { UNTRUSTED_COMMANDS, untrustedCommands } from '../../../src/katex/untrusted-commands.ts';

const SITE_OPTIONS = { strict: 'error', trust: false, maxExpand: 1000, maxSize: 50 } as const;

async function render(markdown: string) {
  const file = new VFile({ path: 'content/notes/en/x.md', value: markdown });
  return String(
    await unified()
      .use(remarkParse)
      .use(remarkMath)
      .use(remarkRehype)
      .use(rehypeKatexStrict, SITE_OPTIONS)
      .use(rehypeStringify)
      .process(file),
  );
}

describe('untrustedCommands', () => {
  it.each([
    ['\\href{javascript:alert(1)}{x}', ['\\href']],
    // KaTeX refuses a URL whose scheme it cannot read before it asks `trust`: still found.
    ['\\href{javascript&colon;alert(1)}{x}', ['\\href']],
    ['\\url{https://example.org}', ['\\url']],
    ['\\includegraphics[height=1em]{https://example.org/x.png}', ['\\includegraphics']],
    ['\\htmlClass{a}{x}', ['\\htmlClass']],
    ['\\htmlId{a}{x}', ['\\htmlId']],
    ['\\htmlStyle{color: red}{x}', ['\\htmlStyle']],
    ['\\htmlData{a=b}{x}', ['\\htmlData']],
    ['x + \\text{see \\url{a}} + \\href{b}{y}', ['\\url', '\\href']],
    ['\\def\\link{\\href{a}{b}}\\link', ['\\href']],
  ])('finds the commands in %s', (tex, commands) => {
    expect(untrustedCommands(tex, SITE_OPTIONS)).toEqual(commands);
  });

  it.each([
    ['x^2 + \\frac{1}{2}'],
    // A line break followed by letters, a command that merely starts alike, and \href as verbatim text.
    ['a \\\\href'],
    ['\\verb|\\href|'],
    ['\\textcolor{#cc0000}{\\text{\\\\url}}'],
    // KaTeX cannot parse it: rehype-katex reports that.
    ['\\href{'],
  ])('finds none in %s', (tex) => {
    expect(untrustedCommands(tex, SITE_OPTIONS)).toEqual([]);
  });

  it('finds a command a macro of the options names', () => {
    expect(untrustedCommands('\\site', { macros: { '\\site': '\\url{https://example.org}' } })).toEqual(['\\url']);
  });

  it('covers every command KaTeX gates behind trust', () => {
    expect(UNTRUSTED_COMMANDS).toEqual([
      '\\href',
      '\\url',
      '\\includegraphics',
      '\\htmlClass',
      '\\htmlId',
      '\\htmlStyle',
      '\\htmlData',
    ]);
  });
});

describe('rehype-katex-strict refuses commands KaTeX gates behind trust', () => {
  it('stops with the file, the line and the fix, for each command', async () => {
    const markdown = [
      'Intro.',
      '',
      'A link $\\href{javascript:alert(1)}{x}$ here.',
      '',
      '$$',
      '\\htmlStyle{color:red}{y} + \\includegraphics{https://example.org/p.png}',
      '$$',
      '',
    ].join('\n');
    const error = await render(markdown).then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    );
    expect(error?.message).toBe(
      "KaTeX commands that notes may not use (KaTeX's trust option is off):\n" +
        '  content/notes/en/x.md:3  \\href is not allowed in notes: write a Markdown link next to the formula\n' +
        '  content/notes/en/x.md:5  \\htmlStyle is not allowed in notes: write the formula without it ' +
        '(a formula cannot carry HTML styles)\n' +
        '  content/notes/en/x.md:5  \\includegraphics is not allowed in notes: put a Markdown image next to the formula',
    );
  });

  it('reports a formula it cannot parse beside a refused one on the same line', async () => {
    await expect(render('$\\url{a}$ and $\\frac{1}{$\n')).rejects.toThrow(
      /KaTeX cannot render a formula:\n {2}content\/notes\/en\/x\.md:1 {2}KaTeX parse error[\s\S]*\n {2}content\/notes\/en\/x\.md:1 {2}\\url is not allowed/,
    );
  });

  it('keeps trust off whatever it is given', async () => {
    const options = { trust: true } as unknown as Parameters<typeof rehypeKatexStrict>[0];
    const file = new VFile({ path: 'x.md', value: '$\\href{https://example.org}{x}$' });
    const processor = unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeKatexStrict, options);
    await expect(processor.use(rehypeStringify).process(file)).rejects.toThrow(/\\href is not allowed/);
  });

  it('renders a formula without them, with no error colour', async () => {
    const html = await render('$x^2$ and $\\textcolor{blue}{y}$\n');
    expect(html).toContain('class="katex"');
    expect(html).not.toMatch(/katex-error|#cc0000/);
  });
});
