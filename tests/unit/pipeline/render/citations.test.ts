import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import remarkCitations, {
  CitationError,
  loadBibliography,
  type CitationOptions,
} from '../../../../src/pipeline/render/remark-citations.ts';
import rehypeSafeHtml from '../../../../src/pipeline/render/rehype-safe-html.ts';

const BIB = String.raw`
@article{lecun1998gradient,
  author = {LeCun, Y. and Bottou, L. and Bengio, Y. and Haffner, P.},
  title = {Gradient-based learning applied to document recognition},
  journal = {Proceedings of the IEEE}, volume = 86, number = 11, pages = {2278--2324}, year = 1998,
  doi = {10.1109/5.726791}}
@article{hochreiter1997long,
  author = {Hochreiter, S. and Schmidhuber, J.}, title = {Long short-term memory},
  journal = {Neural Computation}, year = 1997}
@misc{vaswani2017attention, author = {Vaswani, A. and others}, title = {Attention Is All You Need},
  year = 2017, eprint = {1706.03762}, archivePrefix = {arXiv}}
`;

async function render(
  markdown: string,
  {
    path = 'content/notes/en/x.md',
    options = { bibtex: BIB },
    value,
  }: { path?: string; options?: CitationOptions; value?: string } = {},
) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkCitations, options)
    .use(remarkRehype)
    // The sanitizer runs on .md notes in the site: what survives it is what readers get.
    .use(rehypeSafeHtml)
    .use(rehypeStringify);
  return String(await processor.process(new VFile({ path, value: value ?? markdown })));
}

const work = mkdtempSync(join(tmpdir(), 'dln-cite-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('remark-citations', () => {
  it('turns [@key] into a numbered link to the reference, with the reference as its title', async () => {
    const html = await render('LeNet-5 [@lecun1998gradient] came later.');
    expect(html).toContain(
      '<p>LeNet-5 <sup class="citation"><a href="#ref-lecun1998gradient" title="Y. LeCun et al. Gradient-based learning applied to document recognition. Proceedings of the IEEE 86(11), 2278–2324, 1998." id="cite-lecun1998gradient-1">[1]</a></sup> came later.</p>',
    );
  });

  it('keeps [@…] as text where the author escaped the bracket (XPath), and still cites the rest', async () => {
    const html = await render(
      "XPath //a\\[@lang='eng'] and &#91;@*] and \\[@zzz], then [@lecun1998gradient] and `[@code]`.",
    );
    expect(html).toContain('<p>XPath //a[@lang=\'eng\'] and [@*] and [@zzz], then <sup class="citation">');
    expect(html).toContain('<code>[@code]</code>');
    await expect(render("//a[@lang='eng']")).rejects.toThrow(/or \\\[@ to keep it as text/);
  });

  it('numbers by first use, reuses the number for a repeated key and gives each use its own id', async () => {
    const html = await render('A [@hochreiter1997long], B [@lecun1998gradient], C [@hochreiter1997long].');
    expect(
      [...html.matchAll(/<a href="#ref-([a-z0-9]+)"[^>]*id="([^"]+)">\[(\d)\]<\/a>/g)].map((m) => [m[1], m[2], m[3]]),
    ).toEqual([
      ['hochreiter1997long', 'cite-hochreiter1997long-1', '1'],
      ['lecun1998gradient', 'cite-lecun1998gradient-1', '2'],
      ['hochreiter1997long', 'cite-hochreiter1997long-2', '1'],
    ]);
  });

  it('renders [@a; @b] as one group in number order, and ignores a key repeated in the group', async () => {
    const html = await render(
      'First [@vaswani2017attention]. Then [@lecun1998gradient;@vaswani2017attention ; @lecun1998gradient].',
    );
    expect(html).toMatch(
      /Then <sup class="citation"><a href="#ref-vaswani2017attention"[^>]*>\[1\]<\/a><a href="#ref-lecun1998gradient"[^>]*>\[2\]<\/a><\/sup>\./,
    );
  });

  it('appends a References heading and an ordered list with ids, linked titles, venues and back-links', async () => {
    const html = await render(
      'X [@vaswani2017attention] and [@hochreiter1997long], again [@vaswani2017attention].\n\n## Summary\n\nEnd.',
    );
    expect(html.match(/<h2>References<\/h2>/g)).toHaveLength(1);
    const list = html.slice(html.indexOf('<h2>References</h2>'));
    // The list comes after everything else in the note.
    expect(html.indexOf('<h2>References</h2>')).toBeGreaterThan(html.indexOf('End.'));
    expect(list).toContain('<div class="references">');
    expect(list).toContain(
      '<li id="ref-vaswani2017attention">A. Vaswani et al. <a href="https://arxiv.org/abs/1706.03762">Attention Is All You Need</a>. arXiv:1706.03762, 2017. ' +
        '<a href="#cite-vaswani2017attention-1" aria-label="Back to citation 1">↩1</a> <a href="#cite-vaswani2017attention-2" aria-label="Back to citation 2">↩2</a></li>',
    );
    expect(list).toContain(
      '<li id="ref-hochreiter1997long">S. Hochreiter and J. Schmidhuber. Long short-term memory. <em>Neural Computation</em>, 1997. <a href="#cite-hochreiter1997long-1" aria-label="Back to the citation">↩</a></li>',
    );
    expect(list.indexOf('ref-vaswani2017attention')).toBeLessThan(list.indexOf('ref-hochreiter1997long'));
    expect(list).toMatch(/<ol>\n<li id="ref-vaswani/);
  });

  it('names the list 参考文献 in a Chinese note', async () => {
    const html = await render('见 [@lecun1998gradient]。', { path: 'content/notes/zh/x.md' });
    expect(html).toContain('<h2>参考文献</h2>');
    expect(html).toContain('aria-label="返回正文中的引用"');
  });

  it('leaves a note without citations alone, and code, inline code and link text untouched', async () => {
    const source =
      'Mail a@b.org, `[@lecun1998gradient]` and [[@x]](https://example.org/).\n\n```\n[@lecun1998gradient]\n```\n';
    const html = await render(source);
    expect(html).not.toContain('References');
    expect(html).not.toContain('citation');
    expect(html).toContain('<code>[@lecun1998gradient]</code>');
  });

  it('fails on an unknown key with the file, the line and the nearest known key', async () => {
    await expect(render('Line one\n\nLine three cites [@lecun1998gradent] here.')).rejects.toThrow(
      /A citation cannot be resolved:\n {2}content\/notes\/en\/x\.md:3 {2}unknown citation key "lecun1998gradent": did you mean "lecun1998gradient"\?/,
    );
    await expect(render('[@zzz]')).rejects.toThrow(CitationError);
    await expect(render('[@zzz]')).rejects.toThrow(/unknown citation key "zzz"\n/);
  });

  it('reports every bad citation at once, on the line it sits on inside a multi-line paragraph', async () => {
    const error = await render(
      'ok [@lecun1998gradient]\nsecond line [@nope1]\nthird [@hochreiter1997long, p. 3]',
    ).catch((e: Error) => e);
    expect(error).toBeInstanceOf(CitationError);
    expect((error as Error).message).toMatch(/^2 citations cannot be resolved:/);
    expect((error as Error).message).toContain('content/notes/en/x.md:2  unknown citation key "nope1"');
    expect((error as Error).message).toContain(
      'content/notes/en/x.md:3  "[@hochreiter1997long, p. 3]" is not a citation: write [@key] or [@key1; @key2], or \\[@ to keep it as text',
    );
  });

  it('counts lines in the file a contributor edits: the frontmatter lines are added to the body line', async () => {
    const file = join(work, 'note.md');
    const body = 'Intro.\n\nCites [@missing2020].\n';
    writeFileSync(file, `---\ntitle: T\ndescription: D\ndate: 2026-01-01\ntags: [math]\n---\n\n${body}`);
    // Astro hands the processor the body without its frontmatter, as here.
    await expect(render(body, { path: file })).rejects.toThrow(`${file}:10  unknown citation key "missing2020"`);
  });

  it('loads the .bib file once and again only after it changes', () => {
    const bib = join(work, 'refs.bib');
    writeFileSync(bib, '@misc{a, title = {A}}');
    const first = loadBibliography(bib);
    expect(loadBibliography(bib)).toBe(first);
    writeFileSync(bib, '@misc{b, title = {B}}');
    utimesSync(bib, new Date(), new Date(Date.now() + 5000));
    expect([...loadBibliography(bib).keys()]).toEqual(['b']);
  });

  it('reads the bibliography from a file and fails with its file:line when the file is malformed', async () => {
    const bib = join(work, 'bad.bib');
    writeFileSync(bib, '@misc{a, title = {A}}\n@misc{b,\n  title {B}}\n');
    await expect(render('[@a]', { options: { bibliography: bib } })).rejects.toThrow(
      `${bib}:3  expected "=" after the field "title"`,
    );
    const good = join(work, 'good.bib');
    writeFileSync(good, '@misc{a, author = {Doe, Jane}, title = {A study}, year = 2020}');
    expect(await render('[@a]', { options: { bibliography: good } })).toContain(
      '<li id="ref-a">J. Doe. A study. 2020.',
    );
  });
});
