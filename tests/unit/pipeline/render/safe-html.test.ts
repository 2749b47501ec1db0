import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import rehypeSafeHtml from '../../../../src/pipeline/render/rehype-safe-html.ts';
import rehypeKatexStrict from '../../../../src/katex/rehype-katex-strict.ts';

async function render(markdown: string, path = 'content/notes/zh/x.md') {
  const file = new VFile({ path, value: markdown });
  return String(
    await unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkMath)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeSafeHtml)
      .use(rehypeKatexStrict, { trust: false, maxExpand: 1000 })
      .use(rehypeStringify)
      .process(file),
  );
}

describe('rehype-safe-html', () => {
  it('removes scripts, event handlers and URLs it does not know', async () => {
    const html = await render(
      'Text <script>alert(1)</script> and <a href="irc2://x" onclick="alert(2)">link</a>\n\n<img src="/diagrams/x.svg" alt="x" onerror="alert(3)">\n',
    );
    expect(html).not.toMatch(/<script|alert|onclick|onerror|irc2:/);
    expect(html).toContain('<a>link</a>');
    expect(html).toContain('<img src="/diagrams/x.svg" alt="x">');
  });

  it('stops the build on a javascript: URL instead of dropping it silently', async () => {
    await expect(render('Text <a href="javascript:alert(1)">link</a>\n')).rejects.toThrow(
      /x\.md:1 {2}<a> href "javascript:alert\(1\)" is a javascript: URL/,
    );
  });

  it('keeps the allowed tags and attributes authors use', async () => {
    const html = await render(
      '<details><summary>More</summary>\n\nHidden <kbd>Ctrl</kbd> <mark>hi</mark>\n\n</details>\n\n- [x] done\n',
    );
    expect(html).toContain('<details><summary>More</summary>');
    expect(html).toContain('<kbd>Ctrl</kbd>');
    expect(html).toContain('<mark>hi</mark>');
    expect(html).toContain('<input type="checkbox" checked disabled>');
  });

  it('keeps iframes only from allowed hosts', async () => {
    const html = await render(
      '<iframe src="https://www.youtube-nocookie.com/embed/x" title="video"></iframe>\n\n<iframe src="https://evil.example.com/"></iframe>\n',
    );
    expect(html).toContain('src="https://www.youtube-nocookie.com/embed/x"');
    expect(html).not.toContain('evil.example.com');
  });

  it('keeps math for KaTeX and footnotes working', async () => {
    const html = await render('Math $x^2$ and a note[^1].\n\n[^1]: Footnote.\n');
    expect(html).toContain('class="katex"');
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
  });

  it('checks MDX notes too (hostile-html.test.ts parses real MDX)', async () => {
    await expect(render('[x](javascript:alert(1))', 'content/notes/zh/x.mdx')).rejects.toThrow(/a javascript: URL/);
  });
});

describe('KaTeX limits', () => {
  it('stops the build on \\href instead of shipping it as red text (trust stays off)', async () => {
    await expect(render('$\\href{javascript:alert(1)}{x}$')).rejects.toThrow(/\\href is not allowed in notes/);
  });
  it('stops runaway macro expansion with a build error instead of hanging', async () => {
    await expect(render('$\\def\\a{\\a\\a}\\a$')).rejects.toThrow(/KaTeX cannot render/);
  });
});
