import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkNotesFolder, lonelyTranslationHints, type RememberedChecks } from '../../../../src/pipeline/content/guard.ts';

const root = mkdtempSync(join(tmpdir(), 'dln-guard-'));
const notes = join(root, 'notes');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const note = (title: string, extra = '') =>
  `---\ntitle: ${title}\ndescription: A note for the test.\ndate: 2026-11-30\ntags: [neural-networks]\n${extra}---\n\nText.\n`;
const write = (path: string, text: string) => {
  mkdirSync(join(notes, path, '..'), { recursive: true });
  writeFileSync(join(notes, path), text);
};
const check = (remembered: RememberedChecks) =>
  checkNotesFolder(notes, ['neural-networks'], root, remembered).map((p) => `${p.file}: ${p.message}`);

describe('checkNotesFolder with remembered checks', () => {
  const remembered: RememberedChecks = new Map();

  it('checks every note the first time and remembers each by its digest', () => {
    write('zh/a.md', note('A'));
    write('zh/b.md', note('B', 'prerequisites: [a]\n'));
    expect(check(remembered)).toEqual([]);
    expect([...remembered.keys()].sort()).toEqual(['notes/zh/a.md', 'notes/zh/b.md']);
  });

  it('reuses the check of an unchanged note and checks a changed one again', () => {
    // A planted problem under a's digest shows the remembered check is used, not re-run.
    const a = remembered.get('notes/zh/a.md')!;
    remembered.set('notes/zh/a.md', { ...a, check: { problems: [{ file: 'notes/zh/a.md', message: 'remembered' }] } });
    write('zh/b.md', note('B', 'prerequisites: [a]\nauthr: x\n'));
    const problems = check(remembered);
    expect(problems[0]).toBe('notes/zh/a.md: remembered');
    expect(problems.some((p) => p.startsWith('notes/zh/b.md: unknown field "authr"'))).toBe(true);
  });

  it('does not read a note that is the same file as last time, and reads it once it changes', () => {
    remembered.clear();
    // Written a while ago (whole seconds, which utimes sets exactly): a file changed in the last moments is
    // always read (src/pipeline/file-identity.ts).
    const minuteAgo = Math.floor(Date.now() / 1000) - 60;
    write('zh/b.md', note('B', 'prerequisites: [a]\n'));
    utimesSync(join(notes, 'zh/b.md'), minuteAgo, minuteAgo);
    expect(check(remembered)).toEqual([]);
    // Proof that it goes unread: a problem written behind the file system's back (same size, the old
    // modification time put back) is not seen.
    write('zh/b.md', note('B', 'prerequisites: [z]\n'));
    utimesSync(join(notes, 'zh/b.md'), minuteAgo, minuteAgo);
    expect(check(remembered)).toEqual([]);
    // Saved as an editor saves it (a new modification time): read and checked again.
    utimesSync(join(notes, 'zh/b.md'), minuteAgo + 1, minuteAgo + 1);
    expect(check(remembered)).toEqual([expect.stringContaining('prerequisite "z" is not a note')]);
    write('zh/b.md', note('B', 'prerequisites: [a]\n'));
  });

  it('checks across notes every time, from what each note remembered', () => {
    remembered.clear();
    write('zh/b.md', note('B', 'prerequisites: [a]\n'));
    expect(check(remembered)).toEqual([]);
    rmSync(join(notes, 'zh', 'a.md'));
    expect(check(remembered)).toEqual([
      'notes/zh/b.md: prerequisite "a" is not a note: did you mean "b"? Use the slug (file name) of an existing note.',
    ]);
    // A note that is gone is forgotten.
    expect([...remembered.keys()]).toEqual(['notes/zh/b.md']);
  });
});

describe('checkNotesFolder on notes Astro would stop on without naming the line', () => {
  const fixture = (name: string) => join('tests', 'fixtures', 'content-errors', name);
  const problems = (name: string) =>
    checkNotesFolder(fixture(name), ['neural-networks'], process.cwd()).map(
      (p) => `${p.file}:${p.line ?? ''}: ${p.message}`,
    );

  it('names the file and line of a relative image that is missing, and not of one in a code block', () => {
    expect(problems('missing-image')).toEqual([
      'tests/fixtures/content-errors/missing-image/zh/figures.md:14: image "./img/activation.png" not found (looked for tests/fixtures/content-errors/missing-image/zh/img/activation.png): add the file or fix the path',
    ]);
  });

  it('names the file and line of an MDX expression that is not JavaScript', () => {
    const [problem, ...rest] = problems('mdx-expression');
    expect(rest).toEqual([]);
    expect(problem).toMatch(
      /^tests\/fixtures\/content-errors\/mdx-expression\/zh\/sets\.mdx:10: MDX cannot read this: Could not parse expression with acorn\. In \.mdx, `\{` starts a JavaScript expression/,
    );
  });

  it('checks again whether an image exists, although the note is remembered', () => {
    const remembered: RememberedChecks = new Map();
    rmSync(join(notes, 'zh'), { recursive: true, force: true });
    write('zh/pic.md', note('Pic').replace('Text.', '![x](./pic.png)'));
    expect(check(remembered)).toEqual([expect.stringContaining('image "./pic.png" not found')]);
    writeFileSync(join(notes, 'zh', 'pic.png'), 'png');
    expect(check(remembered)).toEqual([]);
  });
});

describe('checkNotesFolder on exercises and self-checks', () => {
  it('names the file and line of each mistake before anything is rendered', () => {
    const dir = join(root, 'study');
    mkdirSync(join(dir, 'zh'), { recursive: true });
    const body = '> [!exercise] Alone\n> Task.\n\n> [!quiz] Which?\n> - [x] A\n>\n>   Yes.\n> - [x] B\n>\n>   Also yes.\n';
    writeFileSync(join(dir, 'zh', 'study.md'), note('Study').replace('Text.\n', body));
    expect(checkNotesFolder(dir, ['neural-networks'], root).map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'study/zh/study.md:8: exercise "Alone" has no "> > [!solution]" inside it',
      'study/zh/study.md:11: quiz "Which?" marks 2 options [x]: mark exactly one',
    ]);
  });
});

describe('lonelyTranslationHints', () => {
  const entry = (lang: string, slug: string) => ({ file: `content/notes/${lang}/${slug}.md`, lang, slug });

  it('names the likely translation of a note whose slug is a near miss in the other language', () => {
    const hints = lonelyTranslationHints([entry('zh', 'activation-function'), entry('en', 'activation-functions')]);
    expect(hints).toEqual([
      'content/notes/zh/activation-function.md: no note of this slug in the other language; is it the translation of "activation-functions"? Rename it if so.',
      'content/notes/en/activation-functions.md: no note of this slug in the other language; is it the translation of "activation-function"? Rename it if so.',
    ]);
  });

  it('says nothing of translated notes, nor of a note without a near miss', () => {
    const files = [entry('zh', 'neuron'), entry('en', 'neuron'), entry('zh', 'core-ml'), entry('en', 'transformers')];
    expect(lonelyTranslationHints(files)).toEqual([]);
  });

  it('does not offer a note that has its own translation as the translation of another', () => {
    // neurons (en) is near neuron, but neuron is translated already: the lonely zh note is a note of its own.
    expect(lonelyTranslationHints([entry('zh', 'neuron'), entry('en', 'neuron'), entry('en', 'neurons')])).toEqual([]);
  });

  it('names only the closest of many notes as the translation, in a vault imported in one language', () => {
    const files = Array.from({ length: 2_000 }, (_, i) => entry('en', `imported-note-${i}`));
    files.push(entry('zh', 'imported-note-7x'));
    const hints = lonelyTranslationHints(files);
    expect(hints).toHaveLength(2);
    expect(hints[0]).toMatch(/^content\/notes\/en\/imported-note-7\.md: .*"imported-note-7x"/);
    expect(hints[1]).toMatch(/^content\/notes\/zh\/imported-note-7x\.md: .*"imported-note-7"/);
  });
});
