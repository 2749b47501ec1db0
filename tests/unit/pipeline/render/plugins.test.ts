import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import rehypeKatexStrict from '../../../../src/katex/rehype-katex-strict.ts';
import rehypeHeadingAnchors from '../../../../src/pipeline/render/rehype-heading-anchors.ts';
import rehypeExternalLinks from '../../../../src/pipeline/render/rehype-external-links.ts';
import rehypeCodeBlocks, { languageName } from '../../../../src/pipeline/render/rehype-code-blocks.ts';
import remarkNoteMeta from '../../../../src/pipeline/render/remark-note-meta.ts';
import rehypeTocNav from '../../../../src/pipeline/render/rehype-toc-nav.ts';
import remarkToc from 'remark-toc';

async function render(markdown: string, plugins: unknown[], path = 'content/notes/zh/x.md') {
  const withRehype = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkNoteMeta).use(remarkRehype);
  for (const plugin of plugins) withRehype.use(plugin as never);
  const file = new VFile({ path, value: markdown });
  const html = String(await withRehype.use(rehypeStringify).process(file));
  return { html, file };
}

describe('rehype-katex-strict', () => {
  it('renders inline and display math with KaTeX and leaves no raw dollars', async () => {
    const { html } = await render('Inline $a^2$ and\n\n$$\n\\sqrt{x}\n$$\n', [rehypeKatexStrict]);
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<annotation encoding="application/x-tex">\\sqrt{x}</annotation>');
    expect(html).not.toContain('$');
  });
  it('fails with the file, the line and the TeX error for a bad formula', async () => {
    await expect(render('Line one\n\nBad $\\frac{1}{$ here\n', [rehypeKatexStrict])).rejects.toThrow(
      /KaTeX cannot render a formula:\n {2}content\/notes\/zh\/x\.md:3 {2}KaTeX parse error/,
    );
  });
  it('fails on an unknown command', async () => {
    await expect(render('$\\notacommand{x}$', [rehypeKatexStrict])).rejects.toThrow(/Undefined control sequence/);
  });
});

describe('rehype-heading-anchors', () => {
  it('gives headings GitHub-style ids and a labelled, empty anchor link', async () => {
    const { html } = await render('## 激活函数\n\n## Activation functions\n\n## Activation functions\n', [
      rehypeHeadingAnchors,
    ]);
    expect(html).toContain(
      '<h2 id="激活函数">激活函数<a class="heading-anchor" href="#激活函数" aria-label="本节链接: 激活函数"></a></h2>',
    );
    expect(html).toContain('id="activation-functions"');
    expect(html).toContain('id="activation-functions-1"');
  });
  it('labels anchors in English for English notes', async () => {
    const { html } = await render('## Loss\n', [rehypeHeadingAnchors], 'content/notes/en/x.md');
    expect(html).toContain('aria-label="Link to this section: Loss"');
  });
});

describe('rehype-external-links', () => {
  it('opens external links safely in a new tab and says so to screen readers', async () => {
    const { html } = await render('[a](https://arxiv.org/abs/1412.6980) [b](/notes/neuron/) [c](#x)', [
      rehypeExternalLinks,
    ]);
    expect(html).toContain(
      '<a href="https://arxiv.org/abs/1412.6980" target="_blank" rel="noopener noreferrer" class="external">a<span class="sr-only">（在新标签页打开）</span></a>',
    );
    expect(html).toContain('<a href="/notes/neuron/">b</a>');
    expect(html).toContain('<a href="#x">c</a>');
  });
});

describe('rehype-code-blocks', () => {
  it('wraps a code block with its language label and makes it keyboard-scrollable', async () => {
    const { html } = await render('```python\nprint(1)\n```\n', [
      () => (tree: { children: Array<{ type: string; tagName?: string; properties?: Record<string, unknown> }> }) => {
        // Shiki sets data-language on <pre>; emulate that step.
        for (const node of tree.children)
          if (node.tagName === 'pre') node.properties = { ...node.properties, dataLanguage: 'python' };
      },
      rehypeCodeBlocks,
    ]);
    expect(html).toMatch(
      /<div class="code-block" data-language="python"><div class="code-block__bar"><span class="code-block__lang">Python<\/span><\/div><pre data-language="python" tabindex="0">/,
    );
  });
  it('names common languages and passes unknown ids through', () => {
    expect(languageName('sh')).toBe('Shell');
    expect(languageName('SWIFT')).toBe('Swift');
    expect(languageName('cobol')).toBe('cobol');
  });
});

describe('rehype-toc-nav', () => {
  it('wraps the generated table of contents in a labelled nav that search ignores', async () => {
    const processor = unified().use(remarkParse).use(remarkToc, { heading: '目录|contents' });
    const html = String(
      await processor
        .use(remarkRehype)
        .use(rehypeHeadingAnchors)
        .use(rehypeTocNav)
        .use(rehypeStringify)
        .process(new VFile({ path: 'content/notes/zh/x.md', value: 'Intro.\n\n## 目录\n\n## 一\n\n## 二\n' })),
    );
    expect(html).toMatch(
      /^<p>Intro\.<\/p>\n<nav class="note-toc" aria-labelledby="目录" data-pagefind-ignore=""><h2 id="目录">目录.*<\/h2>\n<ul>\n<li><a href="#%E4%B8%80">一<\/a><\/li>/s,
    );
    expect(html).toMatch(/<\/ul><\/nav>\n<h2 id="一">/);
  });
  it('leaves a note without a TOC heading alone', async () => {
    const { html } = await render('## 目录 of things\n\n- a\n', [rehypeTocNav]);
    expect(html).not.toContain('<nav');
  });
});

describe('remark-note-meta', () => {
  it('records reading time and whether the note has math', async () => {
    const withMath = await render(`${'字'.repeat(700)} $x$`, []);
    expect((withMath.file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter).toEqual({
      minutes: 3,
      hasMath: true,
    });
    const plain = await render('Hello world', []);
    expect((plain.file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter).toEqual({
      minutes: 1,
      hasMath: false,
    });
  });
});

describe('rehype-table-scroll', () => {
  it('wraps each table in a focusable scroll container', async () => {
    const { default: rehypeTableScroll } = await import('../../../../src/pipeline/render/rehype-table-scroll.ts');
    const { html } = await render('| a | b |\n| --- | --- |\n| 1 | 2 |\n\n| c |\n| --- |\n| 3 |\n', [
      rehypeTableScroll,
    ]);
    expect(html.match(/<div class="table-scroll" tabindex="0"><table>/g)).toHaveLength(2);
    expect(html).toMatch(/<\/table><\/div>/);
  });
});

describe('rehype-image-size', () => {
  it('reads an SVG size from width/height or the viewBox', async () => {
    const { svgSize } = await import('../../../../src/pipeline/render/rehype-image-size.ts');
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360">')).toEqual({
      width: 640,
      height: 360,
    });
    expect(svgSize('<svg width="300" height="150.4" viewBox="0 0 600 300">')).toEqual({ width: 300, height: 150 });
    expect(svgSize('<svg>')).toBeUndefined();
  });
  it('sizes local SVG diagrams and lets them load lazily', async () => {
    const { default: rehypeImageSize } = await import('../../../../src/pipeline/render/rehype-image-size.ts');
    const { html } = await render('![Neuron](/diagrams/neuron-diagram.svg)\n\n![Remote](https://example.com/x.png)\n', [
      rehypeImageSize,
    ]);
    expect(html).toMatch(
      /<img src="\/diagrams\/neuron-diagram\.svg" alt="Neuron" loading="lazy" decoding="async" width="\d+" height="\d+">/,
    );
    expect(html).toContain('<img src="https://example.com/x.png" alt="Remote" loading="lazy" decoding="async">');
  });
});
