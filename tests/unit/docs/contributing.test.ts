// The frontmatter reference in the contributing guides is generated from the schema; this fails when a
// guide's table and the schema differ (fix: `npm run docs:frontmatter -- --write`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { frontmatterReference, referenceIn, withReference } from '../../../src/lib/content/frontmatter-reference.ts';
import { noteSchema } from '../../../src/lib/content/note-schema.ts';

const GUIDES = ['CONTRIBUTING.md', 'CONTRIBUTING.zh-CN.md'];

describe('the contributing guides', () => {
  it.each(GUIDES)('%s holds the frontmatter table generated from the schema', (file) => {
    const table = referenceIn(readFileSync(file, 'utf8'));
    expect(table, `${file} has no frontmatter-reference markers`).toBeDefined();
    expect(table, `${file} is out of date: run npm run docs:frontmatter -- --write`).toBe(
      frontmatterReference(noteSchema([])),
    );
  });

  it.each(GUIDES)('%s links the other language and documents the tools', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(file === 'CONTRIBUTING.md' ? '(CONTRIBUTING.zh-CN.md)' : '(CONTRIBUTING.md)');
    for (const needle of [
      'npm run new --',
      'npm run import --',
      'content/tags.json',
      'content/sections.json',
      'npm run check',
      'npm test',
      '\\$',
      'role="img"',
      '../../../src/widgets/',
    ]) {
      expect(text, `${file} should mention ${needle}`).toContain(needle);
    }
  });
});

describe('frontmatterReference', () => {
  const schema = z.strictObject({
    name: z.string().describe('A name | with a pipe.'),
    when: z.coerce.date().optional().describe('A date.'),
    list: z.array(z.string()).describe('Some items.'),
    flag: z.boolean().default(true).describe('A flag.'),
  });

  it('has a row per field with its type, whether it is required, and its description', () => {
    expect(frontmatterReference(schema)).toBe(
      [
        '| Field | Type | Required | Meaning |',
        '| --- | --- | --- | --- |',
        '| `name` | text | yes | A name \\| with a pipe. |',
        '| `when` | date | no | A date. |',
        '| `list` | list of text | yes | Some items. |',
        '| `flag` | `true` or `false` | no (default `true`) | A flag. |',
      ].join('\n'),
    );
  });

  it('refuses a field without a description', () => {
    expect(() => frontmatterReference(z.strictObject({ bare: z.string() }))).toThrow(
      /"bare" has no \.describe\(\) text/,
    );
  });

  it('replaces the text between the markers and nothing else', () => {
    const doc = readFileSync('CONTRIBUTING.md', 'utf8');
    const changed = withReference(doc, '| new |');
    expect(referenceIn(changed)).toBe('| new |');
    expect(withReference(changed, frontmatterReference(noteSchema([])))).toBe(doc);
    expect(() => withReference('no markers', 'x')).toThrow(/markers/);
  });
});
