// Builds the fixture notes in tests/fixtures/notes with the real pipeline (`scripts/build.ts`) and asserts
// on the HTML it writes; then feeds it bad notes and asserts the build stops with a message that helps.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFolder, inTurn } from './support/checkout-build.ts';

const FIXTURES = 'tests/fixtures/notes';

function build(notesDir: string, outDir: string) {
  const run = inTurn(() =>
    spawnSync(process.execPath, ['scripts/build.ts'], {
      env: { ...process.env, NOTES_DIR: notesDir, ASTRO_OUT_DIR: outDir, FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
    }),
  );
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

mkdirSync(join('tests', '.tmp'), { recursive: true });
const work = buildFolder('dln-build');
const out = join(work, 'dist');
const page = (path: string) => readFileSync(join(out, path), 'utf8');

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a good build of the fixture notes', () => {
  beforeAll(() => {
    const result = build(FIXTURES, out);
    if (result.status !== 0) throw new Error(result.output);
  });

  it('renders math with KaTeX and leaves no raw $$ in the page', () => {
    const html = page('notes/sample/index.html');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<annotation encoding="application/x-tex">\\sigma(z) = \\frac{1}{1 + e^{-z}}');
    expect(html).not.toContain('$$');
    // KaTeX's CSS is inlined; its fonts come from the site's own copy.
    const font = /<style>[^<]*url\(\/vendor\/(katex-[\d.]+\/fonts\/KaTeX_Main-Regular\.woff2)\)/.exec(html);
    expect(font).not.toBeNull();
    expect(existsSync(join(out, 'vendor', font![1]!))).toBe(true);
    expect(html).not.toContain('<link rel="stylesheet"');
  });

  it('includes KaTeX CSS only on pages with math', () => {
    expect(page('notes/only-zh/index.html')).not.toContain('KaTeX_Main');
    expect(page('index.html')).not.toContain('KaTeX_Main');
  });

  it('highlights code with Shiki in a light and a dark theme, labelled with its language', () => {
    const html = page('notes/sample/index.html');
    expect(html).toMatch(
      /<pre\b[^>]*\sclass="astro-code astro-code-themes github-light-high-contrast github-dark-high-contrast"/,
    );
    expect(html).toMatch(/<span style="--shiki-light:#[0-9A-Fa-f]{6};--shiki-dark:#[0-9A-Fa-f]{6}">import<\/span>/);
    expect(html).toContain('<span class="code-block__lang">Python</span>');
  });

  it('fills the 目录 / Contents heading with a table of contents', () => {
    const zh = page('notes/sample/index.html');
    expect(zh).toMatch(/<h2 id="目录">目录.*?<\/h2>\s*<ul>\s*<li><a href="#%E5%85%AC%E5%BC%8F">公式<\/a><\/li>/s);
    expect(page('en/notes/sample/index.html')).toMatch(
      /<h2 id="contents">Contents.*?<\/h2>\s*<ul>\s*<li><a href="#formulas">Formulas<\/a><\/li>/s,
    );
  });

  it('links each page to its translation with hreflang alternates and a language switch', () => {
    const zh = page('notes/sample/index.html');
    expect(zh).toContain('<html lang="zh-CN"');
    expect(zh).toMatch(/<link rel="alternate" hreflang="en" href="https:\/\/[^"]+\/en\/notes\/sample\/">/);
    expect(zh).toMatch(/<link rel="alternate" hreflang="zh-CN" href="https:\/\/[^"]+\/notes\/sample\/">/);
    expect(zh).toMatch(/<a class="lang-switch" href="\/en\/notes\/sample\/"/);
    expect(page('en/notes/sample/index.html')).toContain('<html lang="en"');
  });

  it('reads a note saved with a byte-order mark (only-zh.md starts with one)', () => {
    expect(readFileSync('tests/fixtures/notes/zh/only-zh.md', 'utf8').startsWith('\uFEFF')).toBe(true);
    expect(page('notes/only-zh/index.html')).toContain('<title>只有中文 · ');
  });

  it('says so when a translation is missing, and gives it no hreflang', () => {
    const zhOnly = page('notes/only-zh/index.html');
    expect(zhOnly).not.toContain('hreflang="en" href="https');
    expect(zhOnly).toContain('（尚无英文版）');
    const placeholder = page('en/notes/only-zh/index.html');
    expect(placeholder).toContain('data-testid="missing-translation"');
    expect(placeholder).toContain('This note has not been translated yet');
    expect(placeholder).toContain('<meta name="robots" content="noindex">');
    expect(placeholder).toContain('href="/notes/only-zh/"');
  });

  it('builds a note that exists in English only, with a Chinese page that says it is not translated yet', () => {
    const enOnly = page('en/notes/only-en/index.html');
    expect(enOnly).toContain('Contributed in English first');
    expect(enOnly).not.toContain('hreflang="zh-CN" href="https');
    const placeholder = page('notes/only-en/index.html');
    expect(placeholder).toContain('data-testid="missing-translation"');
    expect(placeholder).toContain('此笔记尚无中文版');
    expect(placeholder).toContain('<meta name="robots" content="noindex">');
    expect(placeholder).toContain('href="/en/notes/only-en/"');
  });

  it('renders MDX notes with embedded components through the same pipeline', () => {
    const html = page('en/notes/roadmap/index.html');
    expect(html).toContain('data-testid="fixture-badge">component rendered</span>');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<span class="code-block__lang">Shell</span>');
  });

  it('marks external links and renders GFM tables, task lists and footnotes', () => {
    const html = page('notes/sample/index.html');
    expect(html).toContain('rel="noopener noreferrer" class="external"');
    expect(html).toContain('<table>');
    expect(html).toContain('<input type="checkbox" checked disabled>');
    expect(html).toContain('data-footnotes');
  });

  it('renders callouts as labelled asides, in the language of the note, folding with details', () => {
    const zh = page('notes/callouts/index.html');
    const titleOf = (html: string, id: number, tag: string) =>
      new RegExp(
        `aria-labelledby="callout-${id}-title" role="note">(?:<details(?: open)?>)?<${tag} class="callout__title" id="callout-${id}-title"><span class="callout__icon" aria-hidden="true"></span>([^<]*)</${tag}>`,
      ).exec(html)?.[1];
    expect(zh).toContain('<blockquote>\n<p>这只是一段引用。</p>\n</blockquote>');
    expect([...zh.matchAll(/<aside class="callout" data-callout="([a-z]+)"/g)].map((m) => m[1])).toEqual([
      'note',
      'tip',
      'question',
      'warning',
    ]);
    expect(titleOf(zh, 1, 'div')).toBe('备注');
    expect(titleOf(zh, 2, 'div')).toBe('自定义标题');
    expect(titleOf(zh, 3, 'summary')).toBe('折叠的问题');
    expect(zh).toContain('data-callout="question" aria-labelledby="callout-3-title" role="note"><details><summary');
    expect(zh).toContain('data-callout="warning" aria-labelledby="callout-4-title" role="note"><details open><summary');
    expect(titleOf(zh, 4, 'summary')).toBe('警告');
    // Dollars by Pandoc's rule: the prices are text, the formula is KaTeX.
    expect(zh).toContain('价格 $5 到 $10 不等，公式 <span class="katex">');
    expect(zh).toContain('<annotation encoding="application/x-tex">x^2</annotation>');
    // The callout styles come with the page, for both themes.
    expect(zh).toMatch(/\.callout\[data-callout=["']?tip["']?\]/);
    expect(zh).toMatch(/\[data-theme=["']?dark["']?\] \.callout\{/);

    const en = page('en/notes/callouts/index.html');
    expect(en).toContain('<blockquote>\n<p>Just a quote.</p>\n</blockquote>');
    expect(titleOf(en, 1, 'div')).toBe('Important');
    expect(en).toContain('a run costs $5 to $10 of GPU time');
    expect(en).toContain('<annotation encoding="application/x-tex">\\eta</annotation>');
    expect(en).toContain('data-callout="example" aria-labelledby="callout-2-title" role="note"><details><summary');
    expect(titleOf(en, 2, 'summary')).toBe('A worked example');
  });

  it('writes feeds, sitemap, robots.txt, 404 and the search index', () => {
    expect(page('rss.xml')).toContain('<title>示例笔记</title>');
    expect(page('en/rss.xml')).toContain('<title>Sample note</title>');
    expect(page('sitemap-0.xml')).toContain('/en/notes/sample/');
    expect(page('robots.txt')).toMatch(/Sitemap: https:\/\/.+\/sitemap-index\.xml/);
    expect(page('404.html')).toContain('Page not found');
    const entry = JSON.parse(page('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages['zh-cn']!.page_count).toBe(4);
    expect(entry.languages.en!.page_count).toBe(4);
  });
});

describe('bad input stops the build with a useful message', () => {
  // Inside the project: Astro renders no body for notes read from outside its root.
  const badDir = mkdtempSync(join('tests', '.tmp', 'bad-notes-'));
  afterAll(() => rmSync(badDir, { recursive: true, force: true }));
  const goodIndex = () => readFileSync(join(out, 'index.html'), 'utf8');

  function notes(files: Record<string, string | Buffer>) {
    rmSync(badDir, { recursive: true, force: true });
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(badDir, name.split('/')[0]!), { recursive: true });
      writeFileSync(join(badDir, name), text);
    }
  }
  const fm = (lines: string) => `---\n${lines}\n---\n\nText.\n`;
  const OK = 'title: 好\ndescription: 好的。\ndate: 2026-11-29\ntags: [math]';

  it('names file, line, field and fix for frontmatter errors, and keeps the last good dist/', () => {
    const before = goodIndex();
    notes({
      'zh/ok.md': fm(OK),
      'zh/typo.md': fm(OK.replace('title:', 'titel:')),
      'zh/tag.md': fm(OK.replace('[math]', '[maths]')),
      'en/date.md': fm(OK.replace('2026-11-29', '2026-02-30')),
      'zh/Bad_Name.md': fm(OK),
      'zh/dup.md': fm(OK),
      'zh/dup.mdx': fm(OK),
      'zh/picture.md': `${fm(OK)}\n![A figure](./figures/gone.png)\n`,
      'zh/fence.md': `${fm(OK)}\nIntro.\n\n\`\`\`python\nx = 1\n`,
      'zh/gbk.md': Buffer.concat([Buffer.from(fm(OK)), Buffer.from([0xc9, 0xf1, 0xbe, 0xad, 0x0a])]),
    });
    const { status, output } = build(badDir, out);
    expect(status).not.toBe(0);
    expect(output).toMatch(/zh\/typo\.md:2 {2}unknown field "titel": did you mean "title"\?/);
    expect(output).toMatch(/zh\/tag\.md:5 {2}tags: unknown tag "maths": did you mean "math"\?/);
    expect(output).toMatch(/en\/date\.md:4 {2}"2026-02-30" is not a real calendar date/);
    expect(output).toMatch(/Bad_Name\.md {2}the file name is not a valid slug/);
    expect(output).toMatch(
      /zh\/dup\.mdx {2}the slug "dup" is already used by .*zh\/dup\.md: keep one of \.md and \.mdx/,
    );
    expect(output).toMatch(/zh\/picture\.md:10 {2}image "\.\/figures\/gone\.png" not found/);
    expect(output).toMatch(/zh\/fence\.md:12 {2}this code fence is never closed/);
    expect(output).toMatch(/zh\/gbk\.md {2}the file is not UTF-8/);
    expect(output).toContain('The last good build');
    expect(goodIndex()).toBe(before);
    expect(existsSync(`${out}.staging`)).toBe(false);
  });

  it('refuses hostile front matter and nesting in a moment, naming file and line (tests/fixtures/hostile-frontmatter)', () => {
    const before = goodIndex();
    const { status, output } = build('tests/fixtures/hostile-frontmatter', out);
    expect(status).not.toBe(0);
    expect(output).toMatch(/zh\/alias-bomb\.md:2 {2}the frontmatter cannot be read: .*alias/);
    expect(output).toMatch(/zh\/deep-yaml\.md:6 {2}the frontmatter nests deeper than 20 levels/);
    expect(output).toMatch(/zh\/deep-list\.md:10 {2}lists or quotes nest deeper than 100 levels/);
    expect(output).toMatch(/zh\/deep-quote\.md:\d+ {2}lists or quotes nest deeper than 100 levels/);
    expect(goodIndex()).toBe(before);
  });

  it('names the file, line and formula for a formula KaTeX cannot render', () => {
    notes({ 'zh/ok.md': fm(OK), 'zh/math.md': `${fm(OK)}\nGood $x$.\n\nBad $\\frac{1}{$ formula.\n` });
    const { status, output } = build(badDir, out);
    expect(status).not.toBe(0);
    expect(output).toMatch(/zh\/math\.md:12 {2}KaTeX parse error/);
    expect(output).toContain('escape it as "\\$"');
  });

  it('names the file and line of a broken MDX note', () => {
    notes({ 'zh/ok.md': fm(OK), 'zh/broken.mdx': `${fm(OK)}\n<div>\n\nunclosed {\n` });
    const { status, output } = build(badDir, out);
    expect(status).not.toBe(0);
    expect(output).toMatch(/zh\/broken\.mdx:\d+ {2}MDX cannot read this: /);
  });

  it('names the source line of a broken internal link', () => {
    notes({
      'zh/ok.md': `${fm(OK)}\nSee [the neuron](/notes/nueron/).\n\n![A diagram](/diagrams/missing.svg)\n`,
      'zh/roadmap.md': fm(OK),
    });
    const { status, output } = build(badDir, out);
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /zh\/ok\.md:10 \(page \/notes\/ok\/\) {2}link "\/notes\/nueron\/": no page at \/notes\/nueron\//,
    );
  });
});
