// Runs `scripts/new-note.ts` (what `npm run new` runs) into a temporary notes folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFrontmatter } from '../../../src/lib/content/frontmatter-check.ts';
import { isoDate } from '../../../src/lib/content/note-template.ts';
import { tagRegistry } from '../../../src/lib/content/tags.ts';

const work = mkdtempSync(join(tmpdir(), 'dln-new-'));
const notes = join(work, 'notes');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const TAG_IDS = Object.keys(
  tagRegistry(JSON.parse(readFileSync('content/tags.json', 'utf8')) as Record<string, unknown>),
);

function run(...args: string[]) {
  const before = isoDate(new Date());
  const result = spawnSync(process.execPath, ['scripts/new-note.ts', ...args, '--notes-dir', notes], {
    encoding: 'utf8',
  });
  return { status: result.status, out: result.stdout, err: result.stderr, dates: [before, isoDate(new Date())] };
}

describe('npm run new', () => {
  it('creates a Chinese note with valid frontmatter, today’s date and the TOC heading', () => {
    const { status, out, dates } = run('梯度下降', '--title', '梯度下降法', '--tags', 'optimization,数学');
    expect(status).toBe(0);
    const file = join(notes, 'zh', '梯度下降.md');
    expect(out).toContain(`created ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(checkFrontmatter(text, file, TAG_IDS)).toEqual([]);
    expect(text).toMatch(
      /^---\ntitle: 梯度下降法\ndescription: TODO：.+\ndate: (\d{4}-\d{2}-\d{2})\ntags: \[optimization, math\]\n---\n/,
    );
    expect(dates).toContain(/date: (\S+)/.exec(text)![1]);
    expect(text).toContain('\n## 目录\n');
  });

  it('creates the English translation of an existing slug, with its tags, and a default title', () => {
    const { status, out } = run('梯度下降', '--lang', 'en');
    expect(status).toBe(0);
    expect(out).toContain('English translation of');
    const text = readFileSync(join(notes, 'en', '梯度下降.md'), 'utf8');
    expect(text).toContain('tags: [optimization, math]');
    expect(text).toContain('\n## Contents\n');
    expect(checkFrontmatter(text, 'en/x.md', TAG_IDS)).toEqual([]);
  });

  it('makes an English title from the slug and a draft when asked', () => {
    expect(run('batch-normalization', '--lang', 'en', '--draft').status).toBe(0);
    const text = readFileSync(join(notes, 'en', 'batch-normalization.md'), 'utf8');
    expect(text).toContain('title: Batch normalization\n');
    expect(text).toContain('tags: [deep-learning]\n');
    expect(text).toContain('draft: true\n');
  });

  it('refuses a slug that is taken, in .md or .mdx, and leaves the note alone', () => {
    const file = join(notes, 'zh', '梯度下降.md');
    const before = readFileSync(file, 'utf8');
    const taken = run('梯度下降', '--title', 'Other');
    expect(taken.status).toBe(1);
    expect(taken.err).toMatch(/梯度下降\.md already exists: choose another slug/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    mkdirSync(join(notes, 'zh'), { recursive: true });
    writeFileSync(join(notes, 'zh', 'widget.mdx'), 'x');
    expect(run('widget').err).toMatch(/widget\.mdx already exists/);
  });

  it.each([
    [['Tips & Tricks'], /invalid slug "Tips & Tricks": use lowercase letters.*Try: npm run new -- tips-and-tricks/s],
    [['gradient_descent'], /invalid slug "gradient_descent": use hyphens.*Try: npm run new -- gradient-descent/s],
    [['x-'], /invalid slug "x-": use only a-z, 0-9, Chinese characters and single hyphens/],
    [['a', '--lang', 'fr'], /--lang must be zh or en, not "fr"/],
    [['a', '--tags', 'maths'], /unknown tag "maths": did you mean "math"\?/],
    [['a', 'b'], /give exactly one slug \(got 2\)/],
    [[], /give exactly one slug \(got 0\)/],
    [['a', '--colour'], /Unknown option '--colour'/],
  ])('refuses %j with a clear message', (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(1);
    expect(result.err).toMatch(message);
    expect(existsSync(join(notes, 'zh', 'a.md'))).toBe(false);
  });
});
