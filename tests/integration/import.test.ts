// Imports the seed document, the $HOME fixture, three real-world posts (a Chinese post with kramdown math,
// Liquid and raw blocks, and the minima and Minimal Mistakes posts it links with {% post_url %} and {% link %})
// and a whole Jekyll site (tests/fixtures/jekyll-site: XPath text, post links in every form, root-absolute and
// missing images, hostile SVGs and paths, scheme-less links, # headings, two posts with one slug) with
// `npm run import`'s script, into a copy of the project, and builds the copy with no edit in between (the build's
// link check fails on a broken internal link, its page check on a second h1). Then it reads the pages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, copyProject } from './support/project-copy.ts';

const FIXTURES = resolve('tests/fixtures/jekyll');
const REAL = resolve('tests/fixtures/jekyll-real');
const SITE = resolve('tests/fixtures/jekyll-site');
const VAULT = resolve('tests/fixtures/obsidian-vault');
const TYPORA = resolve('tests/fixtures/typora-notes');
// A copy of the project whose notes are only what the import writes (and the roadmap note the home page links):
// the import runs there as a contributor runs it, into content/ and public/, and the copy is built as it is.
const work = mkdtempSync(join(tmpdir(), 'dln-import-build-'));
const out = join(work, 'dist');
const tagsFile = join(work, 'content', 'tags.json');
const page = (path: string) => readFileSync(join(out, path), 'utf8');

afterAll(() => rmSync(work, { recursive: true, force: true }));

function importInCopy(...inputs: string[]): string {
  const run = spawnSync(process.execPath, ['scripts/import.ts', ...inputs], { cwd: work, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

let importOutput = '';
let siteOutput = '';
let vaultOutput = '';
let typoraOutput = '';
beforeAll(() => {
  copyProject('.', work);
  for (const lang of ['zh', 'en']) {
    const dir = join(work, 'content', 'notes', lang);
    for (const file of readdirSync(dir)) rmSync(join(dir, file));
  }
  writeFileSync(
    join(work, 'content', 'notes', 'zh', 'roadmap.md'),
    '---\ntitle: 路线\ndescription: 路线。\ndate: 2026-01-01\ntags: [roadmap]\n---\n\n路线。\n',
  );
  importOutput = importInCopy(
    join(FIXTURES, '2017-09-22-深度学习.md'),
    join(FIXTURES, '2020-01-05-shell-and-prices.md'),
    join(REAL, '2020-03-15-反向传播.md'),
    join(REAL, '2019-08-08-welcome-to-jekyll.markdown'),
    join(REAL, '2018-01-03-markup-syntax-highlighting.md'),
  );
  siteOutput = importInCopy(SITE);
  vaultOutput = importInCopy(VAULT);
  typoraOutput = importInCopy(TYPORA, '--tags', 'deep-learning');
  buildProject(work);
}, 600_000);

describe('importing the seed document', () => {
  it('reports the new tag and the missing image, and adds the tag to the registry copy', () => {
    expect(importOutput).toMatch(
      /created .*深度学习\.md ← .*2017-09-22-深度学习\.md\n {4}description from the section headings\n {4}1 non-math dollar sign escaped as \\\$\n {4}new tag added to .*: other\n {4}image not found \(alt text kept\): \.\.\/img\/apple_coreml\.png/,
    );
    expect(JSON.parse(readFileSync(tagsFile, 'utf8'))).toMatchObject({ other: { zh: 'other', en: 'other' } });
  });

  it('builds a page at its Chinese slug with the title and the generated table of contents', () => {
    expect(existsSync(join(out, 'notes', '深度学习', 'index.html'))).toBe(true);
    const html = page('notes/深度学习/index.html');
    expect(html).toContain('<title>深度学习 · ');
    // Its subtitle only repeats the title, so the description lists the sections.
    expect(html).toContain('<meta name="description" content="深度学习：路线图、人工智能分类、机器学习过程、');
    expect(html).toMatch(
      /<h2 id="目录">目录.*?<\/h2>\s*<ul>\s*<li><a href="#%E8%B7%AF%E7%BA%BF%E5%9B%BE">路线图<\/a><\/li>/s,
    );
    for (const section of ['人工智能分类', '神经元', '激活函数', '开源']) {
      expect(html).toContain(`<a href="#${encodeURIComponent(section)}">${section}</a>`);
    }
    expect(html).not.toMatch(/\{:toc\}|\* content/);
  });

  it('keeps the seed’s content: lists, links, and the shell command with its dollar as text', () => {
    const html = page('notes/深度学习/index.html');
    expect(html).toContain('|| $(xcode-select -p)/usr/bin/coremlc');
    expect(html).toContain('href="https://github.com/apple/coremltools"');
    expect(html).toContain('<li>基础->数据科学家->机器学习->深度学习</li>');
    expect(html).not.toContain('class="katex'); // no formula: the dollar stayed text
  });

  it('links the page from the Chinese slug in the sitemap', () => {
    expect(page('sitemap-0.xml')).toMatch(/\/notes\/(?:深度学习|%E6%B7%B1%E5%BA%A6%E5%AD%A6%E4%B9%A0)\//);
  });
});

describe('importing a post with $HOME and prices', () => {
  it('shows the dollar signs literally and renders only the real formulas', () => {
    const html = page('notes/shell-and-prices/index.html');
    expect(html).toContain(
      'Your home folder is $HOME and the search path is $PATH; in a script, $1 is the first argument',
    );
    expect(html).toContain('"$1"/"$2" are the first two');
    expect(html).toContain('The book costs $5 and the course $10, or between $5-$10 on sale. US$20 buys both.');
    expect(html).toContain('Already escaped: $100.');
    const formulas = [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map(
      (m) => m[1],
    );
    expect(formulas).toEqual([
      'L = (y - \\hat y)^2',
      '2(\\hat y - y)',
      'n',
      'L = \\frac{1}{n}\\sum_{i=1}^{n} (y_i - \\hat y_i)^2',
      'E = mc^2',
    ]);
    expect(html.match(/class="katex-display"/g)).toHaveLength(2);
    expect(html).toContain('<title>Shell variables: $HOME and friends · ');
  });
});

describe('importing a Chinese post with kramdown math, Liquid and raw blocks', () => {
  it('renders its kramdown $$ blocks and inline formulas with KaTeX', () => {
    const html = page('notes/反向传播/index.html');
    const formulas = [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map(
      (m) => m[1]!,
    );
    const aligned = formulas.find((tex) => tex.startsWith('\\begin{aligned}'));
    expect(aligned).toMatch(/^\\begin\{aligned\}\nz\^\{\[l\]\} .*\n.*\\sigma\(z\^\{\[l\]\}\)\n\\end\{aligned\}$/);
    expect(formulas).toContain('W^{[l]}');
    expect(html.match(/class="katex-display"/g)).toHaveLength(2);
  });

  it('shows the Liquid of its raw block and code as code, and links the posts it names', () => {
    const html = page('notes/反向传播/index.html');
    expect(html).toContain('{{ lr }}');
    expect(html).toContain('{{ .Values.image.repository }}');
    expect(html).not.toContain('{% raw %}');
    expect(html).not.toContain('post_url');
    expect(html).toContain('href="/notes/welcome-to-jekyll/"');
    expect(html).toContain('href="/notes/markup-syntax-highlighting/"');
  });

  it('builds the posts it links, with their highlight blocks as labelled code', () => {
    const welcome = page('notes/welcome-to-jekyll/index.html');
    expect(welcome).toContain('<title>Welcome to Jekyll! · ');
    expect(welcome).toMatch(/data-language="ruby"|language-ruby/);
    expect(page('notes/markup-syntax-highlighting/index.html')).toMatch(
      /data-language="javascript"|language-javascript/,
    );
  });
});

describe('importing a whole Jekyll site (no edit between import and build)', () => {
  const imported = ['regular', 'xpath', 'git-and-github-笔记', 'notes', 'notes-2019-01-01'];

  it('imports the posts of _posts/ only, and says what it changed in each', () => {
    expect(siteOutput).toMatch(/^5 created, 0 skipped, 0 failed/m);
    expect(siteOutput).not.toMatch(/← .*(?:_drafts|_site|README)/);
    expect(siteOutput).toContain(
      'slug "notes" is taken by another post of this import: imported as "notes-2019-01-01"',
    );
    expect(siteOutput).toContain(`"[@lang='eng']" is not a citation of content/references.bib: escaped as text`);
    expect(siteOutput).toContain('link "www.w3school.com.cn/xpath/index.asp" has no scheme');
    expect(siteOutput).toContain('link "/2014/05/01/old-post/": not imported: linked to the original site');
    expect(siteOutput).toContain('link "2020-01-01-draft.md" leads nowhere on this site');
    expect(siteOutput).toContain('image not found (alt text kept): /img/gone.png');
    expect(siteOutput).toContain('Liquid tag {% include comments.html %} left as text');
  });

  it('never copies an unsafe SVG, a file outside the site, or a symbolic link', () => {
    expect(siteOutput).toMatch(/image \/img\/bad\.svg: unsafe SVG, not copied: img\/bad\.svg:1 <script> element/);
    expect(siteOutput).toContain('image /../jekyll/img/diagram.svg: outside the site folder: not copied');
    expect(siteOutput).toContain('image /img/outside.png: a symbolic link: not copied');
    expect(readdirSync(join(work, 'public', 'images', 'git-and-github-笔记')).sort()).toEqual([
      'branch.png',
      'github.png',
    ]);
  });

  it('builds every post into a page whose title is its only h1', () => {
    for (const slug of imported) {
      const html = page(`notes/${slug}/index.html`);
      expect(html.match(/<h1[\s>]/g), slug).toHaveLength(1);
    }
  });

  it('links the posts to each other, whatever form the link had', () => {
    const xpath = page('notes/xpath/index.html');
    expect(xpath).toMatch(/href="\/notes\/regular\/"[^>]*>正则表达式<\/a>/);
    expect(xpath).toMatch(/href="\/notes\/regular\/"[^>]*>同一篇的链接<\/a>/);
    expect(page('notes/regular/index.html')).toContain('href="/notes/xpath/"');
    const notes2019 = page('notes/notes-2019-01-01/index.html');
    expect(notes2019).toContain('href="/notes/notes/"');
    expect(notes2019).toContain('href="/notes/notes-2019-01-01/"');
    expect(page('notes/git-and-github-笔记/index.html')).toContain('href="/notes/regular/"');
    expect(xpath).toContain('href="https://xiaoming.example.org/2014/05/01/old-post/"');
  });

  it('shows XPath, prices and shell variables as text, and keeps the real citation', () => {
    const xpath = page('notes/xpath/index.html');
    expect(xpath).toContain("//title[@lang='eng']");
    expect(xpath).toContain('//title[@*]');
    expect(xpath).toContain('<sup class="citation">');
    const git = page('notes/git-and-github-笔记/index.html');
    expect(git).toContain('比如 $1 是第一个参数，价格 $5 到 $10 不等');
    expect(git).toMatch(
      /<img[^>]+src="\/images\/git-and-github-%E7%AC%94%E8%AE%B0\/github\.png"|<img[^>]+src="\/images\/git-and-github-笔记\/github\.png"/,
    );
    expect(git).not.toMatch(/<img[^>]+(?:gone|bad|diagram|outside)/);
    expect(git).not.toContain('{: .img-responsive}');
  });
});

describe('importing an Obsidian vault and a Typora folder', () => {
  it('says what it did with each note', () => {
    expect(vaultOutput).toMatch(/^3 created, 0 skipped, 0 failed/m);
    // The Jekyll post imported above has the slug 反向传播 already.
    expect(vaultOutput).toContain('the slug "反向传播" is taken: imported as "反向传播-2"');
    expect(vaultOutput).toContain('front matter keys the site does not use, dropped: aliases, cssclasses');
    expect(vaultOutput).toContain("inline tags became the note's tags: 深度学习, math");
    expect(vaultOutput).toContain('[[感知机]] is not a note of this import or of the site: kept as text');
    expect(vaultOutput).toContain('![[反向传播]] embeds a note: made it a link to it');
    expect(vaultOutput).toContain('attachment "丢失的图.png" not found: kept its name as text');
    expect(typoraOutput).toMatch(/^2 created, 0 skipped, 0 failed/m);
    expect(typoraOutput).toContain('image not found (alt text kept): assets/feature-map.png');
  });

  it('turns wikilinks, embeds, highlights, comments and callouts into the site’s own', () => {
    const backprop = page('notes/反向传播-2/index.html');
    expect(backprop).toContain('<mark>链式法则</mark>');
    expect(backprop).toMatch(/href="\/notes\/(?:梯度下降|%E6%A2%AF%E5%BA%A6%E4%B8%8B%E9%99%8D)\/#/);
    expect(backprop).toMatch(
      /<img[^>]+src="\/images\/(?:反向传播-2|%E5%8F%8D%E5%90%91%E4%BC%A0%E6%92%AD-2)\/计算图\.png"|<img[^>]+src="[^"]*%E8%AE%A1%E7%AE%97%E5%9B%BE\.png"/,
    );
    expect(backprop).toContain('data-callout="note"');
    expect(backprop).not.toMatch(/\[\[感知机|TODO: 补一个数值例子|#深度学习/);
    expect(backprop).toContain('[[不是链接]]'); // in code, as written
    const descent = page('notes/梯度下降/index.html');
    expect(descent).not.toContain('多行注释');
    expect(descent.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(existsSync(join(out, 'notes', '2024-01-01', 'index.html'))).toBe(true);
  });

  it('resolves Typora’s relative images and links between its notes', () => {
    const cnn = page('notes/卷积神经网络/index.html');
    expect(cnn).toMatch(/<img[^>]+src="[^"]*kernel\.png"/);
    expect(cnn).toContain('特征图'); // the missing image's alt text
    expect(page('notes/池化/index.html')).toMatch(/href="\/notes\/[^"]+\/#[^"]+"/);
  });
});
