import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkNotesFolder, type RememberedChecks } from '../../../../src/pipeline/content/guard.ts';

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
