import { describe, expect, it } from 'vitest';
import { checkFrontmatter, formatProblems, rawDateProblem } from '../../../../src/lib/content/frontmatter-check.ts';
import { renderFrontmatter } from '../../../../src/lib/content/note-template.ts';

const TAGS = ['neural-networks', 'math', 'optimization'];
const note = (frontmatter: string) => `---\n${frontmatter}\n---\n\nBody.\n`;
const GOOD = 'title: 神经元\ndescription: 一个神经元做什么。\ndate: 2026-11-29\ntags: [neural-networks]';

describe('checkFrontmatter', () => {
  it('accepts a valid note', () => {
    expect(checkFrontmatter(note(GOOD), 'zh/neuron.md', TAGS)).toEqual([]);
    expect(checkFrontmatter(note(`${GOOD}\nupdated: 2026-12-01\ndraft: true`), 'x.md', TAGS)).toEqual([]);
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(checkFrontmatter(`\uFEFF${note(GOOD)}`, 'x.md', TAGS)).toEqual([]);
  });

  it('refuses an alias bomb, deep nesting and an oversized block in milliseconds, naming the line', () => {
    const bomb = [
      GOOD,
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(checkFrontmatter(note(bomb), 'x.md', TAGS)).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringMatching(/^the frontmatter cannot be read: .*alias/) }),
    ]);
    expect(checkFrontmatter(note(`${GOOD}\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}`), 'x.md', TAGS)).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringMatching(/is 20 KB: keep it under 16 KB/) }),
    ]);
    expect(checkFrontmatter(note(`${GOOD}\nx: ${'['.repeat(30)}${']'.repeat(30)}`), 'x.md', TAGS)).toEqual([
      expect.objectContaining({ line: 6, message: 'the frontmatter nests deeper than 20 levels: no field needs that' }),
    ]);
  });

  it('asks for quotes where Astro would read a title or description as a date or a boolean', () => {
    const problems = checkFrontmatter(note(GOOD.replace('title: 神经元', 'title: 2024-01-01').replace('description: 一个神经元做什么。', 'description: yes')), 'x.md', TAGS);
    expect(problems).toEqual([
      { file: 'x.md', line: 2, field: 'title', message: 'title: Astro reads this unquoted value as a date: put it in double quotes' },
      { file: 'x.md', line: 3, field: 'description', message: 'description: Astro reads this unquoted value as a boolean: put it in double quotes' },
    ]);
    expect(checkFrontmatter(note(GOOD.replace('title: 神经元', 'title: "2024-01-01"')), 'x.md', TAGS)).toEqual([]);
  });

  it('writes such titles quoted in a new or imported note', () => {
    const text = renderFrontmatter({ title: '2024-01-01', description: 'yes', date: '2026-01-01', tags: ['math'] });
    expect(text).toContain('title: "2024-01-01"\ndescription: "yes"\n');
    expect(checkFrontmatter(`${text}\nBody.\n`, 'x.md', TAGS)).toEqual([]);
  });

  it('names the line and suggests the field for a typo such as titel', () => {
    const problems = checkFrontmatter(note(GOOD.replace('title:', 'titel:')), 'zh/neuron.md', TAGS);
    expect(problems).toContainEqual(
      expect.objectContaining({
        field: 'titel',
        line: 2,
        message: expect.stringMatching(/unknown field "titel": did you mean "title"\?/),
      }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ message: 'missing required field "title"' }));
  });

  it('rejects an unknown tag and suggests the nearest registry id', () => {
    const [problem] = checkFrontmatter(note(GOOD.replace('[neural-networks]', '[neural-network]')), 'x.md', TAGS);
    expect(problem).toMatchObject({ field: 'tags', line: 5 });
    expect(problem!.message).toMatch(/unknown tag "neural-network": did you mean "neural-networks"\?/);
    expect(problem!.message).toMatch(/content\/tags\.json/);
  });

  it('requires at least one tag, a non-empty title and a short description', () => {
    const problems = checkFrontmatter(
      note(`title: ""\ndescription: ${'长'.repeat(201)}\ndate: 2026-11-29\ntags: []`),
      'x.md',
      TAGS,
    );
    const messages = problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/title must not be empty/);
    expect(messages).toMatch(/at most 200 characters/);
    expect(messages).toMatch(/at least one tag/);
  });

  it('catches dates that YAML would silently roll over', () => {
    const [problem] = checkFrontmatter(note(GOOD.replace('2026-11-29', '2024-02-30')), 'x.md', TAGS);
    expect(problem).toMatchObject({ field: 'date', line: 4 });
    expect(problem!.message).toMatch(/not a real calendar date/);
  });

  it('rejects an updated date before the publication date', () => {
    const [problem] = checkFrontmatter(note(`${GOOD}\nupdated: 2020-01-01`), 'x.md', TAGS);
    expect(problem).toMatchObject({ field: 'updated', line: 6 });
  });

  it('reports broken YAML with its line', () => {
    const [problem] = checkFrontmatter(note('title: a\ndescription: [unclosed\ndate: 2026-11-29'), 'x.md', TAGS);
    expect(problem!.message).toMatch(/not valid YAML/);
    expect(problem!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a missing frontmatter block', () => {
    expect(checkFrontmatter('# Just a heading\n', 'x.md', TAGS)[0]!.message).toMatch(/no frontmatter/);
  });

  it('formats problems as file:line lines', () => {
    expect(
      formatProblems([
        { file: 'a.md', line: 3, message: 'bad' },
        { file: 'b.md', message: 'worse' },
      ]),
    ).toBe('a.md:3  bad\nb.md  worse');
  });
});

describe('rawDateProblem', () => {
  it.each(['2024-02-29', '2026-11-29', '2017-09-22 12:15:00', '2026-11-29T08:00:00Z'])('accepts %s', (d) => {
    expect(rawDateProblem(d)).toBeUndefined();
  });
  it.each(['2023-02-29', '2024-13-45', '2024-04-31'])('rejects the impossible date %s', (d) => {
    expect(rawDateProblem(d)).toMatch(/not a real calendar date/);
  });
  it.each(['yesterday', '29/11/2026', '2026-1-5'])('rejects the non-date %s', (d) => {
    expect(rawDateProblem(d)).toMatch(/YYYY-MM-DD/);
  });
});
