import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeDigest, codeGraph } from '../../../src/pipeline/code-digest.ts';

let root: string;
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'code-digest-'));
  write('entry.ts', "import { b } from './lib/b.ts';\nexport const a = () => import('./lazy.ts').then(() => b);\n");
  write(
    'lib/b.ts',
    "import data from '../data.json' with { type: 'json' };\nimport { z } from 'zod';\nexport const b = [data, z];\n",
  );
  write(
    'lazy.ts',
    "import 'astro:content';\nimport { readFileSync } from 'node:fs';\nexport const lazy = readFileSync;\n",
  );
  write('data.json', '{ "x": 1 }');
  write('unrelated.ts', 'export const u = 1;\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('codeGraph', () => {
  it('follows static, dynamic and JSON imports, and names packages but not built-ins or virtual modules', () => {
    const graph = codeGraph(['entry.ts'], root);
    expect(graph.files).toEqual(['data.json', 'entry.ts', 'lazy.ts', 'lib/b.ts']);
    expect(graph.packages).toEqual(['zod']); // not installed beside the temp folder: the name alone
  });

  it('gives a package its installed version when it can be found', () => {
    expect(codeGraph(['src/pipeline/code-digest.ts']).packages).toContain('esbuild@0.28.2');
  });
});

describe('codeDigest', () => {
  it('changes when any module in the graph changes, however deep', () => {
    const before = codeDigest(['entry.ts'], root);
    write('data.json', '{ "x": 2 }');
    expect(codeDigest(['entry.ts'], root)).not.toBe(before);
  });

  it('changes when a module gains an import', () => {
    const before = codeDigest(['entry.ts'], root);
    write('lazy.ts', "import { u } from './unrelated.ts';\nexport const lazy = u;\n");
    expect(codeDigest(['entry.ts'], root)).not.toBe(before);
  });

  it('stays when a file outside the graph changes', () => {
    const before = codeDigest(['entry.ts'], root);
    write('unrelated.ts', 'export const u = 2;\n');
    expect(codeDigest(['entry.ts'], root)).toBe(before);
  });
});
