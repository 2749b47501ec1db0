// Builds a small notes folder with the real pipeline and asserts what citations, "cite this note" and the
// translation-drift notice put in the pages, for Markdown and MDX alike; then a bad key must stop the build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFolder, inTurn } from './support/checkout-build.ts';
import { contentHash } from '../../src/lib/content/translation.ts';

function build(notesDir: string, outDir: string) {
  const run = inTurn(() =>
    spawnSync(process.execPath, ['scripts/build.ts'], {
      env: { ...process.env, NOTES_DIR: notesDir, ASTRO_OUT_DIR: outDir, FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
    }),
  );
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

// Inside the project: Astro renders no body for notes read from outside its root.
mkdirSync(join('tests', '.tmp'), { recursive: true });
const notesDir = mkdtempSync(join('tests', '.tmp', 'citation-notes-'));
const work = buildFolder('dln-citations');
const out = join(work, 'dist');
const page = (path: string) => readFileSync(join(out, path), 'utf8');
afterAll(() => {
  rmSync(notesDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const front = (title: string, extra = '') =>
  `---\ntitle: ${title}\ndescription: D.\ndate: 2026-11-29\ntags: [math]\n${extra}---\n`;
const ZH_CITED = '\nLeNet-5 见 [@lecun1998gradient]。LSTM 与 LeNet [@hochreiter1997long; @lecun1998gradient]。\n';
const ZH_MDX = '\nexport const n = 1;\n\nMDX 里也能引用 [@vaswani2017attention]。\n';

function writeNotes(files: Record<string, string>) {
  rmSync(notesDir, { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(notesDir, name.split('/')[0]!), { recursive: true });
    writeFileSync(join(notesDir, name), text);
  }
}

describe('citations and translation stamps in a built site', () => {
  beforeAll(() => {
    writeNotes({
      'zh/cited.md': front('引用') + ZH_CITED,
      // Stamped against an older Chinese text: stale.
      'en/cited.md':
        front('Cited', `translationOf: ${contentHash('旧的原文。')}\n`) + '\nLeNet-5, see [@lecun1998gradient].\n',
      'zh/widget.mdx': front('组件') + ZH_MDX,
      // Stamped against the current Chinese text: up to date.
      'en/widget.mdx':
        front('Widget', `translationOf: ${contentHash(ZH_MDX)}\n`) +
        '\nexport const n = 1;\n\nCited from MDX [@vaswani2017attention].\n',
    });
    const result = build(notesDir, out);
    if (result.status !== 0) throw new Error(result.output);
  });

  it('numbers citations in a Markdown note and appends the reference list', () => {
    const html = page('notes/cited/index.html');
    expect(html).toMatch(
      /<sup class="citation"><a href="#ref-lecun1998gradient" title="Y\. LeCun et al\. Gradient-based learning[^"]*" id="cite-lecun1998gradient-1">\[1\]<\/a><\/sup>/,
    );
    expect(html).toMatch(
      /<sup class="citation"><a href="#ref-lecun1998gradient"[^>]*id="cite-lecun1998gradient-2">\[1\]<\/a><a href="#ref-hochreiter1997long"[^>]*>\[2\]<\/a><\/sup>/,
    );
    expect(html).toMatch(/<h2 id="参考文献">参考文献/);
    expect(html).toMatch(
      /<li id="ref-lecun1998gradient">Y\. LeCun et al\. <a href="https:\/\/doi\.org\/10\.1109\/5\.726791"[^>]*>Gradient-based learning applied to document recognition/,
    );
    expect(html).toContain('<a href="#cite-lecun1998gradient-2" aria-label="返回正文中第 2 处引用">↩2</a>');
  });

  it('does the same in an MDX note', () => {
    const html = page('en/notes/widget/index.html');
    expect(html).toMatch(
      /<sup class="citation"><a href="#ref-vaswani2017attention" title="A\. Vaswani et al\. Attention Is All You Need\. [^"]+, 2017\." id="cite-vaswani2017attention-1">\[1\]<\/a><\/sup>/,
    );
    expect(html).toMatch(/<h2 id="references">References/);
    expect(html).toContain('<li id="ref-vaswani2017attention">');
  });

  it('offers "cite this note" in BibTeX and plain text', () => {
    const html = page('en/notes/cited/index.html');
    expect(html).toMatch(/<details class="cite-note"[^>]*><summary[^>]*>Cite this note<\/summary>/);
    expect(html).toMatch(
      /@misc\{dln-cited,\n {2}author {7}= \{\{Deep Learning Notes contributors\}\},\n {2}title {8}= \{\{Cited\}\},/,
    );
    expect(html).toMatch(/url {10}= \{https:\/\/[^}]+\/en\/notes\/cited\/\}/);
    expect(html).toMatch(
      /Deep Learning Notes contributors\. “Cited\.” Deep Learning Notes, 2026\. https:\/\/\S+\/en\/notes\/cited\//,
    );
    expect(page('notes/cited/index.html')).toMatch(
      /Deep Learning Notes contributors\. 引用\[EB\/OL\]\. 深度学习笔记, 2026\./,
    );
  });

  it('tells the reader of a stale translation, with a link to the original, and only then', () => {
    const stale = page('en/notes/cited/index.html');
    expect(stale).toMatch(
      /<p class="translation-notice" role="note"[^>]*>.*The Chinese original has changed since this translation\..*<a href="\/notes\/cited\/" hreflang="zh-CN">Read the Chinese original<\/a>/s,
    );
    expect(page('en/notes/widget/index.html')).not.toContain('class="translation-notice');
    expect(page('notes/cited/index.html')).not.toContain('class="translation-notice');
  });

  it('stops the build on an unknown key, naming the file, the line and the nearest key', () => {
    writeNotes({ 'zh/bad.md': `${front('坏')}\n第一行。\n\n引用 [@lecun1998gradent]。\n` });
    const { status, output } = build(notesDir, join(work, 'bad'));
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /zh\/bad\.md:10 {2}unknown citation key "lecun1998gradent": did you mean "lecun1998gradient"\?/,
    );
  });
});
