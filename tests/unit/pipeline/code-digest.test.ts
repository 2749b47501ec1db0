import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
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

describe('codeDigest with the graph remembered', () => {
  /** Every file and folder of the temp project last changed a minute ago, as a checkout's files are. */
  const age = () => {
    const minuteAgo = new Date(Date.now() - 60_000);
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules') continue;
        if (entry.isDirectory()) visit(join(dir, entry.name));
        utimesSync(join(dir, entry.name), minuteAgo, minuteAgo);
      }
    };
    visit(root);
  };
  const rememberedDir = () => join(root, 'node_modules/.cache/deep-learning-notes/code-graph');
  /**
   * Marks the remembered graph (it names one more file): while the graph is reused, codeGraph shows the mark;
   * once it is read again, the mark is gone. No module is mocked (the unit tests share their modules).
   */
  const mark = () => {
    const [name] = readdirSync(rememberedDir());
    const file = join(rememberedDir(), name!);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { files: string[] };
    writeFileSync(file, JSON.stringify({ ...stored, files: [...stored.files, 'marked.ts'] }));
  };
  const reused = () => codeGraph(['entry.ts'], root).files.includes('marked.ts');

  it('does not read the graph again while none of its files or folders changed', () => {
    age();
    codeDigest(['entry.ts'], root);
    mark();
    expect(reused()).toBe(true);
    write('unrelated.ts', 'export const u = 2;\n');
    expect(reused()).toBe(true);
  });

  it('reads it again when a module gains an import, and the digest follows', () => {
    age();
    const before = codeDigest(['entry.ts'], root);
    mark();
    write('lazy.ts', "import { u } from './unrelated.ts';\nexport const lazy = u;\n");
    expect(reused()).toBe(false);
    expect(codeDigest(['entry.ts'], root)).not.toBe(before);
    expect(codeGraph(['entry.ts'], root).files).toContain('unrelated.ts');
  });

  it('reads it again when a file added beside a module changes what an import resolves to', () => {
    write('entry.ts', "import { b } from './lib/b';\nexport const a = b;\n");
    age();
    const before = codeDigest(['entry.ts'], root);
    mark();
    write('lib/b.tsx', 'export const b = 2;\n'); // esbuild tries .tsx before .ts
    expect(reused()).toBe(false);
    expect(codeDigest(['entry.ts'], root)).not.toBe(before);
    expect(codeGraph(['entry.ts'], root).files).toContain('lib/b.tsx');
  });

  it('does not remember a graph whose files changed in the last moments', () => {
    codeDigest(['entry.ts'], root); // written by beforeEach just now
    expect(existsSync(rememberedDir())).toBe(false);
  });
});
