// Imports the seed document, the $HOME fixture and three real-world posts (a Chinese post with kramdown math,
// Liquid and raw blocks, and the minima and Minimal Mistakes posts it links with {% post_url %} and
// {% link %}) with `npm run import`'s script into a notes folder inside the project (Astro renders no body for
// notes outside its root), builds that folder with the real pipeline (`scripts/build.ts`, whose link check
// fails on a broken internal link) and reads the pages: the seed must build into a note with its table of
// contents, dollar signs that are not math must come out as text, and the kramdown formulas as KaTeX.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FIXTURES = 'tests/fixtures/jekyll';
const REAL = 'tests/fixtures/jekyll-real';
const SLUGS = ['深度学习', 'shell-and-prices', '反向传播', 'welcome-to-jekyll', 'markup-syntax-highlighting'];
mkdirSync(join('tests', '.tmp'), { recursive: true });
const notes = mkdtempSync(join('tests', '.tmp', 'import-notes-'));
const work = mkdtempSync(join(tmpdir(), 'dln-import-build-'));
const out = join(work, 'dist');
const tagsFile = join(work, 'tags.json');
const page = (path: string) => readFileSync(join(out, path), 'utf8');

afterAll(() => {
  rmSync(notes, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

let importOutput = '';
beforeAll(() => {
  copyFileSync('content/tags.json', tagsFile);
  const imported = spawnSync(
    process.execPath,
    [
      'scripts/import-jekyll.ts',
      join(FIXTURES, '2017-09-22-深度学习.md'),
      join(FIXTURES, '2020-01-05-shell-and-prices.md'),
      join(REAL, '2020-03-15-反向传播.md'),
      join(REAL, '2019-08-08-welcome-to-jekyll.markdown'),
      join(REAL, '2018-01-03-markup-syntax-highlighting.md'),
      '--notes-dir',
      notes,
      '--public-dir',
      join(work, 'public'),
      '--tags-file',
      tagsFile,
    ],
    { encoding: 'utf8' },
  );
  importOutput = imported.stdout;
  if (imported.status !== 0) throw new Error(`${imported.stdout}\n${imported.stderr}`);

  // The build reads the real registry (content/tags.json), which a test must not change. The import added
  // the posts' new tags ("other", "shell", …) to its copy (asserted below); swap them for registered ids here.
  for (const slug of SLUGS) {
    const file = join(notes, 'zh', `${slug}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^tags: \[.*\]$/m, 'tags: [deep-learning, tools]'));
  }
  // The home page links the roadmap note, so a site needs one.
  writeFileSync(
    join(notes, 'zh', 'roadmap.md'),
    '---\ntitle: 路线\ndescription: 路线。\ndate: 2026-01-01\ntags: [roadmap]\n---\n\n路线。\n',
  );

  const built = spawnSync(process.execPath, ['scripts/build.ts'], {
    env: { ...process.env, NOTES_DIR: notes, ASTRO_OUT_DIR: out, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`the imported notes do not build:\n${built.stdout}\n${built.stderr}`);
});

describe('importing the seed document', () => {
  it('reports the new tag and the missing image, and adds the tag to the registry copy', () => {
    expect(importOutput).toMatch(
      /created .*深度学习\.md ← .*2017-09-22-深度学习\.md \(description from the section headings; new tag added to .*: other; image not found: \.\.\/img\/apple_coreml\.png/,
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
