import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { noteSource } from '../../../../src/pipeline/content/note-source.ts';

const dir = mkdtempSync(join(tmpdir(), 'dln-note-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('noteSource', () => {
  it('is the Markdown after the frontmatter, trimmed, as the glob loader’s body', () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, '---\ntitle: 标题\ntags: [a]\n---\n\n正文 [链接](/notes/b/)。\n\n');
    expect(noteSource({ id: 'zh/a', filePath: file, digest: '1' })).toBe('正文 [链接](/notes/b/)。');
  });

  it('reads the file again when its digest changes, not before', () => {
    const file = join(dir, 'b.md');
    writeFileSync(file, '---\ntitle: x\n---\nfirst\n');
    expect(noteSource({ id: 'zh/b', filePath: file, digest: '1' })).toBe('first');
    writeFileSync(file, '---\ntitle: x\n---\nsecond\n');
    expect(noteSource({ id: 'zh/b', filePath: file, digest: '1' })).toBe('first');
    expect(noteSource({ id: 'zh/b', filePath: file, digest: '2' })).toBe('second');
  });

  it('prefers a source the store kept, and names an entry with neither', () => {
    expect(noteSource({ id: 'zh/c', body: 'kept' })).toBe('kept');
    expect(() => noteSource({ id: 'zh/d' })).toThrow(/zh\/d/);
  });
});
