import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zip } from '../../../../src/pipeline/postbuild/zip.ts';

const work = mkdtempSync(join(tmpdir(), 'dln-zip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('zip', () => {
  it('writes an archive that a standard unzipper reads back byte for byte', () => {
    const entries = [
      { name: 'site/index.html', data: Buffer.from('<h1>深度学习笔记</h1>'.repeat(50)) },
      { name: 'site/学习 笔记/a.bin', data: Buffer.from([0, 1, 2, 255]) },
      { name: 'site/empty.txt', data: Buffer.alloc(0) },
    ];
    const file = join(work, 'test.zip');
    writeFileSync(file, zip(entries));
    // Python's zipfile ships with python3, which every machine here has.
    const out = join(work, 'out');
    const result = spawnSync(
      'python3',
      [
        '-c',
        'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2]); print("\\n".join(z.namelist()))',
        file,
        out,
      ],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toEqual(entries.map((e) => e.name));
    for (const entry of entries) expect(readFileSync(join(out, entry.name)).equals(entry.data)).toBe(true);
  });
});
