// Hostile notes through the render stage's own steps (RENDER_STEPS, in their order): DOM clobbering by ids and
// names, ids that repeat the layout's, a page taken over by a style, script URLs in Markdown, raw HTML and MDX.
import { describe, expect, it } from 'vitest';
import { unified, type PluggableList } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';
import { VFile } from 'vfile';
import { RENDER_STEPS } from '../../../../src/pipeline/render/processor.ts';
import { noteStyle } from '../../../../src/pipeline/render/inline-style.ts';
import { scriptUrlReason } from '../../../../src/lib/content/script-url.ts';
import type { JsxAttribute, JsxElement } from '../../../../src/pipeline/render/mdx-nodes.ts';
import remarkCitations from '../../../../src/pipeline/render/remark-citations.ts';
import { checkGlossary } from '../../../../scripts/glossary.ts';

const remarkSteps = RENDER_STEPS.flatMap((s) => (s.tree === 'mdast' ? [s.plugin] : [])) as PluggableList;
const rehypeSteps = RENDER_STEPS.flatMap((s) => (s.tree === 'hast' ? [s.plugin] : [])) as PluggableList;
const MDX_NODES = [
  'mdxFlowExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxTextExpression',
  'mdxjsEsm',
] as const;

async function markdown(text: string, path = 'content/notes/zh/x.md'): Promise<string> {
  const file = new VFile({ path, value: text });
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkSteps)
    .use(remarkRehype, { allowDangerousHtml: true, footnoteLabel: '脚注 · Footnotes' })
    .use(rehypeSteps)
    .use(rehypeStringify);
  return String(await processor.process(file));
}

/** An .mdx note through the same steps; the tree, since JSX does not serialize as HTML. */
async function mdx(text: string, path = 'content/notes/en/x.mdx'): Promise<Root> {
  const file = new VFile({ path, value: text });
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkSteps)
    .use(remarkRehype, { passThrough: [...MDX_NODES] })
    .use(rehypeSteps);
  return await processor.run(processor.parse(file), file);
}

function jsxAttributes(tree: Root, name: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  visit(tree, (node) => {
    const element = node as unknown as JsxElement;
    if ((element.type === 'mdxJsxFlowElement' || element.type === 'mdxJsxTextElement') && element.name === name)
      found.push(
        Object.fromEntries(
          element.attributes.map((a) => [(a as JsxAttribute).name, (a as JsxAttribute).value as unknown]),
        ),
      );
  });
  return found;
}

const ids = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);

describe('DOM clobbering: ids and names of raw HTML', () => {
  it('prefixes ids, names and id references, so no note can replace document.getElementById', async () => {
    const html = await markdown(
      '<img name="getElementById" src="/favicon.svg" alt="x">\n\n<span id="main">x</span> <a href="/x/" aria-describedby="main top">y</a>\n',
    );
    expect(html).toContain('name="note-html-getElementById"');
    expect(html).toContain('id="note-html-main"');
    expect(html).toContain('aria-describedby="note-html-main note-html-top"');
    expect(html).not.toMatch(/\s(name|id)="(getElementById|main)"/);
  });

  it('points links to a raw id at the prefixed id, and leaves footnotes and citations alone', async () => {
    const html = await markdown(
      'See [the figure](#fig) and <a href="#fig">again</a>, a note[^1] and a paper [@rumelhart1986learning].\n\n' +
        '<figure id="fig"><img src="/x.png" alt="x"></figure>\n\n[^1]: The footnote.\n',
    );
    for (const part of [
      '<a href="#note-html-fig">the figure</a>',
      '<a href="#note-html-fig">again</a>',
      '<figure id="note-html-fig">',
      'href="#user-content-fn-1"',
      'id="user-content-fn-1"',
      'href="#ref-rumelhart1986learning"',
      'id="ref-rumelhart1986learning"',
      'id="cite-rumelhart1986learning-1"',
    ])
      expect(html).toContain(part);
  });

  it('stops the build when a note gives two elements the same id, naming file and line', async () => {
    await expect(markdown('Text.\n\n<span id="a">1</span>\n\n<b id="a">2</b>\n')).rejects.toThrow(
      /content\/notes\/zh\/x\.md:5 {2}the id "a" is used twice/,
    );
  });

  it('removes classes from raw HTML: a note may not borrow the layout’s positioned boxes', async () => {
    const html = await markdown('<div class="update-toast">Click me</div>\n');
    expect(html).toContain('<div>Click me</div>');
  });
});

describe('heading ids', () => {
  it('step around the layout’s ids, and the note’s table of contents follows', async () => {
    const html = await markdown(
      '## Contents\n\n## main\n\n## top\n\n## toc-heading\n\n## search-dialog-input\n\n## main\n\nSee [main](#main).\n',
      'content/notes/en/x.md',
    );
    expect(ids(html)).toEqual(['contents', 'main-1', 'top-1', 'toc-heading-1', 'search-dialog-input-1', 'main-2']);
    expect(html).toContain('<a href="#main-1">main</a>');
    expect(html).toContain('<a href="#top-1">top</a>');
    expect(html).toContain('<a href="#main-2">main</a>');
    // The note's own link meant its heading: it follows too.
    expect(html).toContain('See <a href="#main-1">main</a>');
    expect(html).toContain('<a class="heading-anchor" href="#main-1"');
  });

  it('step around a footnote’s or a citation’s id, which keep their links', async () => {
    const html = await markdown(
      '## ref-rumelhart1986learning\n\n## Footnote label\n\nCited [@rumelhart1986learning], noted[^1].\n\n[^1]: N.\n',
    );
    expect(html).toContain('<h2 id="ref-rumelhart1986learning-1">');
    expect(html).toContain('<h2 id="footnote-label-1">');
    expect(html).toContain('<li id="ref-rumelhart1986learning">');
    expect(html).toContain('href="#ref-rumelhart1986learning"');
    expect(new Set(ids(html)).size).toBe(ids(html).length);
  });

  it('are as before for headings that collide with nothing', async () => {
    const html = await markdown('## 目录\n\n## 公式\n\n## 公式\n');
    expect(html).toContain('<a href="#%E5%85%AC%E5%BC%8F">公式</a>');
    expect(html).toContain('<a href="#%E5%85%AC%E5%BC%8F-1">公式</a>');
    expect(ids(html)).toEqual(['目录', '公式', '公式-1']);
  });
});

describe('inline styles', () => {
  it('keeps colours and text styles, and drops what can lift a box over the page', () => {
    expect(noteStyle('color: red; font-weight: bold; background-color: rgb(255 0 0 / 50%)').kept).toBe(
      'color:red;font-weight:bold;background-color:rgb(255 0 0/50%)',
    );
    const { kept, dropped } = noteStyle(
      'position:fixed;inset:0;z-index:99999;background:#fff;transform:scale(9);margin-top:-999px;top:0',
    );
    expect(kept).toBe('background:#fff');
    expect(dropped).toEqual([
      'position:fixed',
      'inset:0',
      'z-index:99999',
      'transform:scale(9)',
      'margin-top:-999px',
      'top:0',
    ]);
  });

  it('drops url(), var() and what css-tree cannot read, however it is written', () => {
    expect(noteStyle('background: url(https://evil.example/x.png)').kept).toBe('');
    expect(noteStyle('background:URL( "x" )').kept).toBe('');
    expect(noteStyle('color: var(--accent)').kept).toBe('');
    expect(noteStyle('posit\\ion: fixed; /* */ color: blue').kept).toBe('color:blue');
    expect(noteStyle('color: red; } body { display: none').kept).toBe('color:red');
    expect(noteStyle('--x: fixed').kept).toBe('');
  });

  it('removes the full-page overlay from a raw span, and leaves Shiki’s and KaTeX’s styles alone', async () => {
    const html = await markdown(
      '<span style="position:fixed;inset:0;z-index:99999;background:#fff"><a href="https://evil.example/">Log in</a></span>\n\n' +
        '<span style="position:absolute">gone</span> $x^2$\n',
    );
    expect(html).toContain('<span style="background:#fff"><a href="https://evil.example/"');
    expect(html).toContain('<span>gone</span>');
    expect(html).not.toMatch(/position:\s*(fixed|absolute)|z-index/);
    // KaTeX runs after the sanitizer: its positioning styles stay.
    expect(html).toMatch(/<span class="vlist" style="height:/);
  });
});

describe('script URLs stop the build, naming where they are', () => {
  it('reads URLs as a browser does', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:x',
      'java\tscript:x',
      'java\nscript:x',
      '\u0001javascript:x',
    ])
      expect(scriptUrlReason(url), url).toBe('a javascript: URL');
    expect(scriptUrlReason('vbscript:msgbox')).toBe('a vbscript: URL');
    expect(scriptUrlReason('data:text/html,<script>alert(1)</script>')).toBe('a data: URL of type text/html');
    expect(scriptUrlReason('data:image/png;base64,AAAA')).toBeUndefined();
    for (const url of ['https://example.com/', '/notes/x/', '#top', 'mailto:a@b.c', 'javascript', './javascript:x'])
      expect(scriptUrlReason(url), url).toBeUndefined();
  });

  it('in a Markdown link, an image and raw HTML', async () => {
    const error = markdown(
      'Intro.\n\n[click](javascript:alert(1))\n\n![x](data:text/html;base64,PHNjcmlwdD4=)\n\n<a href="java&#9;script:alert(2)">y</a>\n',
    );
    await expect(error).rejects.toThrow(/x\.md:3 {2}<a> href "javascript:alert\(1\)" is a javascript: URL/);
    await expect(error).rejects.toThrow(/x\.md:5 {2}<img> src "data:text\/html;base64,PHNjcmlwdD4=" is a data: URL/);
    await expect(error).rejects.toThrow(/x\.md:7 {2}<a> href "java script:alert\(2\)" is a javascript: URL/);
  });

  it('in an MDX link, a JSX attribute, a component’s prop and an expression', async () => {
    const error = mdx(
      [
        '[md](javascript:alert(1))',
        '',
        '<a href="javascript:alert(2)">jsx</a>',
        '',
        '<Widget link={"vbscript:x"} />',
        '',
        "{<a href={'javascript:alert(3)'}>in an expression</a>}",
      ].join('\n'),
    );
    await expect(error).rejects.toThrow(/x\.mdx:1 {2}<a> href "javascript:alert\(1\)"/);
    await expect(error).rejects.toThrow(/x\.mdx:3 {2}<a> href "javascript:alert\(2\)"/);
    await expect(error).rejects.toThrow(/x\.mdx:5 {2}<Widget> link "vbscript:x" is a vbscript: URL/);
    await expect(error).rejects.toThrow(/x\.mdx:7 {2}a string in \{…\} or export "javascript:alert\(3\)"/);
    // Once, with its reason: not again as an attribute the schema would drop.
    const message: string = await error.then(
      () => '',
      (e: unknown) => String(e),
    );
    expect(message.match(/x\.mdx:3 /g)).toHaveLength(1);
  });
});

describe('HTML written as JSX in an MDX note', () => {
  it('gets the same prefixes as raw HTML, and links follow', async () => {
    const tree = await mdx(
      '<img name="getElementById" src="/favicon.svg" alt="x" />\n\n<span id={"fig"}>f</span>\n\n<a href="#fig">to fig</a>\n',
    );
    expect(jsxAttributes(tree, 'img')[0]).toMatchObject({ name: 'note-html-getElementById' });
    expect(jsxAttributes(tree, 'span')[0]).toMatchObject({ id: 'note-html-fig' });
    expect(jsxAttributes(tree, 'a')[0]).toMatchObject({ href: '#note-html-fig' });
  });

  it('stops the build for what the sanitizer would remove from raw HTML', async () => {
    const error = mdx(
      [
        '<span style="position:fixed;inset:0">cover</span>',
        '',
        '<b onClick="x()">b</b>',
        '',
        '<div className="update-toast">toast</div>',
        '',
        '<script>{"alert(1)"}</script>',
        '',
        '<iframe src="https://evil.example/" />',
        '',
        '<a href={url}>computed</a>',
        '',
        '<span {...props}>spread</span>',
      ].join('\n'),
    );
    await expect(error).rejects.toThrow(/x\.mdx:1 {2}<span> style: position:fixed; inset:0 is not allowed/);
    await expect(error).rejects.toThrow(/x\.mdx:3 {2}<b> onClick="x\(\)" is not allowed/);
    await expect(error).rejects.toThrow(/x\.mdx:5 {2}<div> className: a note may not use the site's classes/);
    await expect(error).rejects.toThrow(/x\.mdx:7 {2}<script> is not allowed in a note/);
    await expect(error).rejects.toThrow(/x\.mdx:9 {2}<iframe> with these attributes is not allowed/);
    await expect(error).rejects.toThrow(/x\.mdx:11 {2}<a> href=\{…\}: write a literal value/);
    await expect(error).rejects.toThrow(/x\.mdx:13 {2}<span> \{\.\.\.\}: spread attributes cannot be checked/);
  });

  it('leaves components and allowed HTML as they are', async () => {
    const tree = await mdx('<Playground lang="en" />\n\n<kbd>Ctrl</kbd> <span style="color: red">red</span>\n');
    expect(jsxAttributes(tree, 'Playground')[0]).toEqual({ lang: 'en' });
    expect(jsxAttributes(tree, 'span')[0]).toEqual({ style: 'color: red' });
  });
});

describe('script URLs from the bibliography and the glossary', () => {
  const bibtex = [
    '@misc{good, title = {Good}, url = {https://example.com/}, year = {2020}}',
    '',
    '@misc{evil,',
    '  title = {Evil},',
    '  url = {javascript:alert(document.domain)},',
    '  year = {2020}',
    '}',
  ].join('\n');
  const cite = (text: string) =>
    unified()
      .use(remarkParse)
      .use(remarkCitations, { bibtex })
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(new VFile({ path: 'content/notes/en/x.md', value: text }));

  it('a BibTeX url stops the build, naming the entry’s line and where it is cited', async () => {
    await expect(cite('Fine [@good].\n\nBad [@evil].\n')).rejects.toThrow(
      /the bibliography:3 {2}the url of "evil" \("javascript:alert\(document\.domain\)"\) is a javascript: URL, which runs script \(cited at content\/notes\/en\/x\.md:3\)/,
    );
    expect(String(await cite('Fine [@good].\n'))).toContain('<a href="https://example.com/">Good</a>');
  });

  it('a glossary term stops `npm run glossary`, naming content/glossary.json and the term’s line', () => {
    const term = (name: string, definition: string, note = 'neuron') => ({
      term: name,
      zh: name,
      en: name,
      aliases: [],
      definition: { zh: definition, en: definition },
      note,
    });
    const glossary = {
      groups: [
        {
          zh: '组',
          en: 'Group',
          terms: [
            term('Fine', 'A **fine** term, see [here](https://example.com/)'),
            term('Evil', 'Click [me](javascript:alert(1)) or <a href="vbscript:x">me</a>'),
            term('Escape', 'x', 'neuron/) [y](javascript:alert(1)'),
          ],
        },
      ],
    };
    const source = JSON.stringify(glossary, null, 2);
    expect(() => checkGlossary(source, glossary)).toThrow(
      /content\/glossary\.json:\d+ {2}term "Evil": <a> href "javascript:alert\(1\)" is a javascript: URL/,
    );
    expect(() => checkGlossary(source, glossary)).toThrow(/term "Evil": <a> href "vbscript:x" is a vbscript: URL/);
    expect(() => checkGlossary(source, glossary)).toThrow(
      /term "Escape": note "neuron\/\) \[y\].*" is not a note's slug/,
    );
    const evilLine = source.slice(0, source.indexOf('"term": "Evil"')).split('\n').length;
    expect(() => checkGlossary(source, glossary)).toThrow(`content/glossary.json:${evilLine}  term "Evil"`);
  });
});
