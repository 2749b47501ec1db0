// Builds the hostile notes of tests/fixtures/hostile-html with the real pipeline: notes that try to clobber the
// page's globals, repeat the layout's ids or cover the page must build into pages whose ids are unique and whose
// links all land; URLs that run script, from Markdown, raw HTML, MDX or a BibTeX entry, must stop the build with
// file:line and leave the last good build in place.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { selectAll } from 'css-select';
import type { Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFolder, inTurn } from './support/checkout-build.ts';
import { LAYOUT_IDS } from '../../src/pipeline/render/layout-ids.ts';

const FIXTURES = 'tests/fixtures/hostile-html';

function build(notesDir: string, outDir: string, env: Record<string, string> = {}) {
  const run = inTurn(() =>
    spawnSync(process.execPath, ['scripts/build.ts'], {
      env: { ...process.env, NOTES_DIR: notesDir, ASTRO_OUT_DIR: outDir, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      encoding: 'utf8',
    }),
  );
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

const work = buildFolder('dln-hostile');
const out = join(work, 'dist');
const page = (path: string) => readFileSync(join(out, path), 'utf8');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const NOTE_PAGES = ['notes/clobber/index.html', 'en/notes/clobber/index.html', 'en/notes/jsx/index.html'];

function sitePages(): string[] {
  const xml = readFileSync(join(out, 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => `${new URL(m[1]!).pathname.slice(1)}index.html`);
}

describe('hostile notes that build', () => {
  beforeAll(() => {
    const result = build(`${FIXTURES}/site`, out);
    if (result.status !== 0) throw new Error(result.output);
  });

  it('give no element a name or id that replaces a global of the page', () => {
    for (const path of NOTE_PAGES) {
      const html = page(path);
      expect(html, path).toContain('name="note-html-getElementById"');
      expect(html, path).not.toMatch(/\s(name|id)="(getElementById|querySelectorAll|addEventListener)"/);
    }
    expect(page('notes/clobber/index.html')).toContain('id="note-html-addEventListener"');
  });

  it('repeat no id on any page (html-validate no-dup-id)', async () => {
    const validator = new HtmlValidate(new StaticConfigLoader({ rules: { 'no-dup-id': 'error' } }));
    const pages = sitePages();
    expect(pages).toEqual(expect.arrayContaining(NOTE_PAGES));
    const problems: string[] = [];
    for (const path of pages) {
      const report = await validator.validateString(page(path), path);
      for (const result of report.results)
        for (const m of result.messages) problems.push(`${path}:${m.line} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('give headings that collide with the layout the next free id, in both tables of contents', () => {
    const html = page('en/notes/clobber/index.html');
    for (const id of ['main-1', 'top-1', 'toc-heading-1', 'search-dialog-input-1', 'link-preview-1', 'main-2']) {
      expect(html).toContain(`<h2 id="${id}">`);
      expect(html).toContain(`data-toc-link="${id}"`);
    }
    // The in-text table of contents (remark-toc) and the note's own link follow the headings.
    expect(html).toContain('<li><a href="#main-1">main</a></li>');
    expect(html).toContain('<li><a href="#main-2">main</a></li>');
    expect(html).toContain('Back to <a href="#main-1">main</a>');
    // The layout keeps its own: the skip link's target and the "overview" entry.
    expect(html).toContain('<main id="main"');
    expect(html).toContain('data-toc-link="top"');
  });

  it('keep footnotes, citations and links to the note’s own ids and anchors working', () => {
    const html = page('en/notes/clobber/index.html');
    for (const part of [
      'href="#user-content-fn-1" id="user-content-fnref-1"',
      '<li id="user-content-fn-1">',
      'href="#ref-rumelhart1986learning"',
      '<li id="ref-rumelhart1986learning">',
      '<a href="#note-html-fig">the figure</a>',
      '<figure id="note-html-fig">',
      '<a href="#note-html-old-anchor">an old-style anchor</a>',
      '<a id="note-html-old-anchor"></a>',
    ])
      expect(html).toContain(part);
  });

  it('cannot cover the page: the fixed box keeps only its colours, the borrowed class is gone', () => {
    const html = page('notes/clobber/index.html');
    expect(html).toContain('<span style="background:#fff;color:#000"><a href="https://evil.example/"');
    expect(html).toContain('<div>借用布局的类</div>');
    expect(html).not.toMatch(/z-index:\s*99999|position:\s*fixed;\s*inset/);
  });

  it('hold HTML written as JSX in MDX to the same rules, and still render components', () => {
    const html = page('en/notes/jsx/index.html');
    expect(html).toContain('<span id="note-html-fig" style="color: #b00000">A red figure</span>');
    expect(html).toContain('<a href="#note-html-fig">a link to it</a>');
    expect(html).toContain('data-testid="fixture-badge">component rendered</span>');
    expect(html).toContain('<h2 id="main-1">');
  });

  it('keep every id of the layout in LAYOUT_IDS, so headings can step around it', () => {
    for (const path of NOTE_PAGES) {
      const document = parseDocument(page(path));
      const outsideNote = selectAll('[id]', document).filter(
        (element) => selectAll('.prose [id]', document).indexOf(element) < 0,
      ) as unknown as Element[];
      const layoutIds = outsideNote.map((element) => element.attribs.id!);
      expect(layoutIds.length, path).toBeGreaterThan(5);
      expect(
        layoutIds.filter((id) => !LAYOUT_IDS.has(id)),
        path,
      ).toEqual([]);
    }
  });
});

describe('hostile notes that stop the build', () => {
  const goodIndex = () => readFileSync(join(out, 'index.html'), 'utf8');
  function refused(notesDir: string, env: Record<string, string> = {}) {
    const before = goodIndex();
    const { status, output } = build(notesDir, out, env);
    expect(status, output).not.toBe(0);
    // The last good build is still there, whole.
    expect(goodIndex()).toBe(before);
    expect(existsSync(join(out, 'notes/clobber/index.html'))).toBe(true);
    expect(existsSync(`${out}.staging`)).toBe(false);
    return output;
  }

  it('a script URL in a Markdown link, an image or raw HTML, and an id used twice', () => {
    const output = refused(`${FIXTURES}/bad-markdown`);
    expect(output).toMatch(/zh\/links\.md:8 {2}<a> href "javascript:alert\(document\.cookie\)" is a javascript: URL/);
    expect(output).toMatch(
      /zh\/links\.md:10 {2}<img> src "data:text\/html;base64,[^"]*" is a data: URL of type text\/html/,
    );
    expect(output).toMatch(/zh\/links\.md:12 {2}<a> href "java script:alert\(1\)" is a javascript: URL/);
    expect(output).toMatch(/zh\/dup-id\.md:10 {2}the id "note" is used twice/);
    expect(output).toMatch(/en\/vbscript\.md:10 {2}<img> src "VBScript:msgbox\(1\)" is a vbscript: URL/);
  });

  it('a script URL or a covering style in an MDX note, written as JSX', () => {
    const output = refused(`${FIXTURES}/bad-mdx`);
    expect(output).toMatch(/en\/jsx\.mdx:8 {2}<a> href "javascript:alert\(1\)" is a javascript: URL/);
    expect(output).toMatch(/en\/jsx\.mdx:10 {2}<span> style: position:fixed; inset:0; z-index:99999 is not allowed/);
    expect(output).toMatch(/en\/jsx\.mdx:12 {2}a string in \{…\} or export "vbscript:msgbox\(1\)"/);
  });

  it('an id twice or a script URL that only the built page shows (a widget and a heading, a component)', () => {
    const output = refused(`${FIXTURES}/bad-page`);
    expect(output).toMatch(
      /bad-page\/en\/assembled\.mdx \(page \/en\/notes\/assembled\/\) uses the id "neuron-en-message" 2 times/,
    );
    expect(output).toMatch(
      /bad-page\/en\/assembled\.mdx \(page \/en\/notes\/assembled\/\) has <a href> "javascript:alert\(document\.domain\)" is a javascript: URL, which runs script/,
    );
  });

  it('a BibTeX url that runs script, cited from an MDX note', () => {
    const output = refused(`${FIXTURES}/bad-bibtex`, { BIBLIOGRAPHY: `${FIXTURES}/bad-bibtex.bib` });
    expect(output).toMatch(
      /bad-bibtex\.bib:9 {2}the url of "evil" \("javascript:alert\(document\.domain\)"\) is a javascript: URL, which runs script \(cited at .*en\/cites\.mdx:8\)/,
    );
  });
});
