// Runs `scripts/import.ts` (what `npm run import` runs) on the Jekyll fixtures, writing into a
// temporary notes folder, public folder and copy of the tag registry: never into content/ or public/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFrontmatter } from '../../../src/lib/content/frontmatter-check.ts';
import { tagRegistry } from '../../../src/lib/content/tags.ts';

const FIXTURES = 'tests/fixtures/jekyll';
const work = mkdtempSync(join(tmpdir(), 'dln-import-'));
const notes = join(work, 'notes');
const pub = join(work, 'public');
const tagsFile = join(work, 'tags.json');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runIn(dirs: { notes: string; pub: string; tagsFile: string }, ...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['scripts/import.ts', ...args, '--notes-dir', dirs.notes, '--public-dir', dirs.pub, '--tags-file', dirs.tagsFile],
    { encoding: 'utf8' },
  );
  // A post's record is its line and the indented lines under it.
  return { status: result.status, lines: result.stdout.trim().split(/\n(?! )/), err: result.stderr };
}
const run = (...args: string[]) => runIn({ notes, pub, tagsFile }, ...args);
const note = (slug: string) => readFileSync(join(notes, 'zh', `${slug}.md`), 'utf8');

// Each test starts the script (and Shiki) once or twice: give it time on a busy machine.
describe('npm run import on the fixture folder', { timeout: 60_000 }, () => {
  let first: ReturnType<typeof run>;
  beforeAll(() => {
    copyFileSync('content/tags.json', tagsFile);
    first = run(FIXTURES);
  });

  it('prints one line per post and a summary, and succeeds', () => {
    expect(first.status).toBe(0);
    expect(first.lines).toHaveLength(6);
    expect(first.lines.slice(0, 5).every((l) => l.startsWith('created '))).toBe(true);
    expect(first.lines[5]).toBe(
      `5 created, 0 skipped, 0 failed; give the new tags real labels in ${tagsFile}: other, shell, python`,
    );
  });

  it('imports the seed with its slug, TOC and a report of the missing image and new tag', () => {
    const line = first.lines.find((l) => l.includes('深度学习.md'))!;
    expect(line).toMatch(/^created .*zh\/深度学习\.md ← tests\/fixtures\/jekyll\/2017-09-22-深度学习\.md\n {4}\S/);
    expect(line).toContain('new tag added to');
    expect(line).toContain('image not found (alt text kept): ../img/apple_coreml.png');
    expect(note('深度学习')).toContain('\n## 目录\n');
  });

  it('writes notes the frontmatter check accepts with the updated registry', () => {
    const ids = Object.keys(tagRegistry(JSON.parse(readFileSync(tagsFile, 'utf8')) as Record<string, unknown>));
    for (const slug of ['深度学习', 'shell-and-prices', 'images-and-figures', 'code-fences', 'no-subtitle']) {
      expect(checkFrontmatter(note(slug), `${slug}.md`, ids)).toEqual([]);
    }
  });

  it('appends new tags to the registry with the id as both labels, leaving the rest as it was', () => {
    const before = readFileSync('content/tags.json', 'utf8');
    const after = readFileSync(tagsFile, 'utf8');
    expect(after.startsWith(before.slice(0, before.lastIndexOf('"reference"')))).toBe(true);
    expect(after).toContain(
      '  "other": { "zh": "other", "en": "other" },\n  "shell": { "zh": "shell", "en": "shell" },\n  "python": { "zh": "python", "en": "python" }\n}',
    );
  });

  it('copies the image it finds and rewrites the link; reports the one it does not', () => {
    const line = first.lines.find((l) => l.includes('Images & Figures'))!;
    expect(line).toContain('1 image copied to');
    expect(line).toContain('image not found (alt text kept): img/missing.png');
    expect(readFileSync(join(pub, 'images', 'images-and-figures', 'diagram.svg'), 'utf8')).toBe(
      readFileSync(join(FIXTURES, 'img', 'diagram.svg'), 'utf8'),
    );
    const text = note('images-and-figures');
    expect(text).toContain('![A small diagram](/images/images-and-figures/diagram.svg)');
    expect(text).toContain('And one that was lost:\n\nLost picture\n');
    expect(text).toContain('![Remote](https://example.com/remote.png)');
  });

  it('normalizes code languages with Shiki’s list, unknown ones to text', () => {
    const text = note('code-fences');
    for (const fence of ['```c\n', '```json\n', '```js\n', '```sql\n', '```text\n', '```ruby\n'])
      expect(text).toContain(fence);
    expect(first.lines.find((l) => l.includes('code-fences'))).toContain(
      'unknown code language "unknownlang", shown as plain text',
    );
  });

  it('skips existing notes without --force and overwrites them with it', () => {
    writeFileSync(join(notes, 'zh', 'code-fences.md'), 'edited by hand');
    const again = run(join(FIXTURES, '2018-06-01-code-fences.md'));
    expect(again.status).toBe(0);
    expect(again.lines[0]).toMatch(
      /^skipped tests\/fixtures\/jekyll\/2018-06-01-code-fences\.md: .*code-fences\.md exists \(pass --force to overwrite it\)$/,
    );
    expect(note('code-fences')).toBe('edited by hand');
    const forced = run(join(FIXTURES, '2018-06-01-code-fences.md'), '--force');
    expect(forced.lines[0]).toMatch(/^created .*code-fences\.md \(overwritten\)/);
    expect(note('code-fences')).toContain('```c\n');
  });

  it('reports failures one line each, keeps going, and exits 1', () => {
    const bad = join(work, 'bad.md');
    writeFileSync(bad, '---\ntitle: No date\ntags: [math]\n---\nText.\n');
    const result = run(bad, join(work, 'nothing-here.md'), join(FIXTURES, 'no-subtitle.md'), '--slug', 'x');
    expect(result.status).toBe(2);
    expect(result.err).toMatch(/--slug names one Jekyll post, but 2 inputs were given/);
    const mixed = run(bad, join(work, 'nothing-here.md'), join(FIXTURES, 'no-subtitle.md'));
    expect(mixed.status).toBe(1);
    expect(mixed.lines).toEqual([
      `failed  ${join(work, 'nothing-here.md')}: no such file or folder`,
      `failed  ${bad}: no date: add "date: YYYY-MM-DD" to the front matter or start the file name with it`,
      expect.stringMatching(/^skipped tests\/fixtures\/jekyll\/no-subtitle\.md: .*no-subtitle\.md exists/),
      '0 created, 1 skipped, 2 failed',
    ]);
  });

  it('takes --slug, --lang and --tags', () => {
    const result = run(
      join(FIXTURES, 'no-subtitle.md'),
      '--slug',
      'ml-intro',
      '--lang',
      'en',
      '--tags',
      'Optimization',
    );
    expect(result.status).toBe(0);
    const text = readFileSync(join(notes, 'en', 'ml-intro.md'), 'utf8');
    expect(text).toContain('tags: [machine-learning, deep-learning, python, optimization]');
    expect(existsSync(join(notes, 'zh', 'ml-intro.md'))).toBe(false);
  });
});

describe('npm run import on real-world posts', { timeout: 60_000 }, () => {
  const REAL = 'tests/fixtures/jekyll-real';
  const dirs = {
    notes: join(work, 'real-notes'),
    pub: join(work, 'real-public'),
    tagsFile: join(work, 'real-tags.json'),
  };

  it('names the file and line of each warning and failure, and copies the images it finds', () => {
    copyFileSync('content/tags.json', dirs.tagsFile);
    const result = runIn(dirs, REAL);
    expect(result.status).toBe(1);
    expect(result.lines).toHaveLength(10);
    expect(result.lines).toContain(
      `failed  ${REAL}/hostile/2021-06-02-unclosed-front-matter.md:1: the front matter has no closing "---" line: add one after its last key`,
    );
    const line = (name: string) => result.lines.find((l) => l.includes(name)) ?? '';
    expect(line('windows-notes')).toContain(
      `${REAL}/2021-05-20-windows-notes.md:22: Liquid tag {% include disqus.html %} left as text`,
    );
    expect(line('markup-syntax-highlighting')).toContain(
      `${REAL}/2018-01-03-markup-syntax-highlighting.md:100: Liquid tag {% gist mmistakes/6589546 %} left as text`,
    );
    expect(line('unclosed-highlight')).toContain(
      `${REAL}/hostile/2021-06-01-unclosed-highlight.md:9: {% highlight %} without {% endhighlight %}, left as text`,
    );
    expect(line('text-and-typography')).toContain('1 image copied to');
    expect(readFileSync(join(dirs.pub, 'images', 'text-and-typography', 'mockup.png'))).toEqual(
      readFileSync(join(REAL, 'assets/img/posts/20190808/mockup.png')),
    );
    expect(readFileSync(join(dirs.notes, 'zh', 'text-and-typography.md'), 'utf8')).toContain(
      '![Desktop View](/images/text-and-typography/mockup.png)',
    );
    expect(existsSync(join(dirs.pub, 'images', 'images', '9.jpg'))).toBe(true);
    expect(result.lines.at(-1)).toMatch(/^8 created, 0 skipped, 1 failed; give the new tags real labels in /);
  });
});
