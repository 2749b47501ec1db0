// Hostile assets (tests/fixtures/hostile-assets): SVGs that run script or load from elsewhere, wherever the site
// would serve them from, and formulas that use the commands KaTeX runs only when trusted. In a copy of the
// project whose notes are a roadmap and an imported post, built once as it is; then each hostile input is put in
// and must stop the build with a message naming the file and line, leaving the last good dist/ as it was.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, copyProject } from './support/project-copy.ts';

const FIXTURES = resolve('tests/fixtures/hostile-assets');
const work = mkdtempSync(join(tmpdir(), 'dln-hostile-assets-'));
const out = join(work, 'dist');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm run build` in the copy, expected to fail: its exit status and log. */
function failingBuild() {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  delete env.NOTES_DIR;
  delete env.ASTRO_OUT_DIR;
  const run = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: work, env, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** Copies fixture paths into the copy for one test, and takes them out (or puts back what they replaced) after. */
function withFixtures(paths: Record<string, string>, test: () => void): void {
  const replaced = new Map<string, Buffer>();
  for (const [from, to] of Object.entries(paths)) {
    const target = join(work, to);
    if (existsSync(target)) replaced.set(target, readFileSync(target));
    cpSync(join(FIXTURES, from), target, { recursive: true });
  }
  try {
    test();
  } finally {
    for (const to of Object.values(paths)) {
      const target = join(work, to);
      const original = replaced.get(target);
      if (original) writeFileSync(target, original);
      else rmSync(target, { recursive: true, force: true });
    }
  }
}

/** What a failed build must leave: the message that says so, the last good site unchanged and no staging folder. */
function expectLastGoodSiteKept(output: string, before: string): void {
  expect(output).toContain(`The last good build in ${out} is unchanged.`);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(before);
  expect(existsSync(`${out}.staging`)).toBe(false);
}

let importOutput = '';
let goodIndex = '';
beforeAll(() => {
  copyProject('.', work);
  // The notes of the copy: the roadmap the home page links, and the post imported below.
  rmSync(join(work, 'content', 'notes'), { recursive: true });
  cpSync(join(FIXTURES, 'site-notes'), join(work, 'content', 'notes'), { recursive: true });
  const imported = spawnSync(
    process.execPath,
    ['scripts/import.ts', join(FIXTURES, 'jekyll', '2020-02-02-links-in-formulas.md'), '--lang', 'en'],
    { cwd: work, encoding: 'utf8' },
  );
  if (imported.status !== 0) throw new Error(`${imported.stdout}\n${imported.stderr}`);
  importOutput = imported.stdout;
  buildProject(work);
  goodIndex = readFileSync(join(out, 'index.html'), 'utf8');
}, 600_000);

describe('an imported post whose formulas use \\href and \\url', () => {
  it('is imported with those formulas as text, and says so', () => {
    expect(importOutput).toMatch(/KaTeX cannot render "\\href\{javascript:alert\(1\)\}\{click\}", kept as text/);
    expect(importOutput).toMatch(/KaTeX cannot render a display formula, kept as a tex code block/);
    const note = readFileSync(join(work, 'content', 'notes', 'en', 'links-in-formulas.md'), 'utf8');
    expect(note).toContain('\\$\\href{javascript:alert(1)}{click}\\$');
    expect(note).toContain('```tex\n\\url{https://example.org} + y\n```');
    expect(note).toContain('$x^2$');
  });

  it('builds, with no KaTeX error text and no link out of a formula on the page', () => {
    const html = readFileSync(join(out, 'en', 'notes', 'links-in-formulas', 'index.html'), 'utf8');
    expect(html).toContain('class="katex"');
    expect(html).not.toMatch(/katex-error|#cc0000|href="javascript:/);
  });
});

describe('hostile SVGs stop the build', () => {
  it('names each SVG and line, in public/ and among the images Astro copies, and keeps the last good dist/', () => {
    withFixtures(
      {
        'public/diagrams/hostile-script.svg': 'public/diagrams/hostile-script.svg',
        'public/images': 'public/images',
        'public/favicon.svg': 'public/favicon.svg',
        'notes/zh/figure.md': 'content/notes/zh/figure.md',
        'notes/zh/figures': 'content/notes/zh/figures',
      },
      () => {
        const { status, output } = failingBuild();
        expect(status).not.toBe(0);
        // The note's image twice: Astro writes it as it is and as its image service passed it on.
        expect(output).toMatch(/✗ 5 problems in SVGs the site would serve:/);
        expect(output).toMatch(/public\/diagrams\/hostile-script\.svg:4 {2}<script> element/);
        expect(output).toMatch(/public\/images\/old-post\/hostile-handler\.svg:1 {2}onload="…" event handler/);
        expect(output).toMatch(/public\/favicon\.svg:2 {2}xlink:href="javascript:alert\(1\)": a script URL/);
        expect(output).toMatch(
          /\/_astro\/tracker\.[\w-]+\.svg:3 {2}href="https:\/\/tracker\.example\/pixel\.png": an external reference.*\(an image a note links, renamed by Astro\)/,
        );
        expectLastGoodSiteKept(output, goodIndex);
      },
    );
  });
});

describe('KaTeX commands that need trust stop the build', () => {
  it('names the file, line and fix of each, and keeps the last good dist/', () => {
    withFixtures({ 'notes/zh/formulas.md': 'content/notes/zh/formulas.md' }, () => {
      const { status, output } = failingBuild();
      expect(status).not.toBe(0);
      const file = /content\/notes\/zh\/formulas\.md/.source;
      const refused = (line: number, command: string, fix: string) =>
        expect(output).toMatch(new RegExp(`${file}:${line} {2}\\\\${command} is not allowed in notes: ${fix}`));
      refused(10, 'href', 'write a Markdown link next to the formula');
      refused(12, 'url', 'write a Markdown link next to the formula');
      refused(14, 'includegraphics', 'put a Markdown image next to the formula');
      for (const [line, command] of [
        [16, 'htmlClass'],
        [18, 'htmlId'],
        [20, 'htmlStyle'],
        [22, 'htmlData'],
      ] as const)
        refused(line, command, 'write the formula without it');
      // A URL whose scheme KaTeX cannot read is refused before KaTeX asks about trust: still named.
      refused(24, 'href', 'write a Markdown link next to the formula');
      expect(output).not.toMatch(/formulas\.md:8 /);
      expectLastGoodSiteKept(output, goodIndex);
    });
  });

  it('stops an MDX note too', () => {
    withFixtures({ 'notes/zh/formula-in-mdx.mdx': 'content/notes/zh/formula-in-mdx.mdx' }, () => {
      const { status, output } = failingBuild();
      expect(status).not.toBe(0);
      expect(output).toMatch(/content\/notes\/zh\/formula-in-mdx\.mdx:8 {2}\\href is not allowed in notes/);
      expectLastGoodSiteKept(output, goodIndex);
    });
  });
});
