// A rebuild re-indexes only the pages that changed (src/search/indexer.ts): the search must then find the
// new text, no longer return a page for text it lost or a page that is gone, and list each page once.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFolder, inTurn } from './support/checkout-build.ts';
import type { SearchDelta } from '../../src/search/delta.ts';
import { searchSite as searchSiteIn } from './support/site-search.ts';

// Notes must live inside the project to render (see src/pipeline/content/strict-glob.ts); the fixtures' MDX imports
// components by a relative path, so the copy keeps their layout.
mkdirSync(join('tests', '.tmp'), { recursive: true });
const fixtures = mkdtempSync(join('tests', '.tmp', 'search-delta-'));
const notes = join(fixtures, 'notes');
const work = buildFolder('dln-search-delta');
const out = join(work, 'dist');

function build(): string {
  const run = inTurn(() =>
    spawnSync(process.execPath, ['scripts/build.ts'], {
      env: { ...process.env, NOTES_DIR: notes, ASTRO_OUT_DIR: out, FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
    }),
  );
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(output);
  return output;
}

const delta = () => JSON.parse(readFileSync(join(out, 'pagefind', 'delta.json'), 'utf8')) as SearchDelta;

/** The site as built now, searched from its Chinese home page. */
const searchSite = (queries: string[]) => searchSiteIn(out, queries);

afterAll(() => {
  rmSync(fixtures, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('the search index after an edit', () => {
  beforeAll(() => {
    cpSync('tests/fixtures/notes', notes, { recursive: true });
    cpSync('tests/fixtures/components', join(fixtures, 'components'), { recursive: true });
  });

  it('a first build indexes every page and has no delta', async () => {
    expect(build()).toMatch(/✓ search index: \d+ en, \d+ zh-cn pages/);
    expect(delta()).toEqual({ superseded: [], languages: [] });
    const [sample, lost] = await searchSite(['示例笔记', 'quokkaflux']);
    expect(sample).toContain('/notes/sample/');
    expect(lost).toEqual([]);
  }, 120_000);

  it('a rebuild indexes only the changed pages beside it, and search sees the change', async () => {
    appendFileSync(join(notes, 'zh', 'sample.md'), '\n新加的一句：增量索引试金石 quokkaflux。\n');
    rmSync(join(notes, 'zh', 'only-zh.md'));
    const log = build();
    expect(log).toMatch(/✓ search index: the last full index, plus .*zh-cn pages changed since/);
    const current = delta();
    expect(current.index).toBe('delta/');
    expect(current.languages).toContain('zh-cn');
    // The sample's old text and the removed note are dropped from the full index.
    expect(current.superseded.length).toBeGreaterThanOrEqual(2);

    // The site the rebuild replaced goes in the background, and goes entirely.
    await expect.poll(() => readdirSync(work), { timeout: 30_000 }).toEqual(['dist']);

    const [added, sample, removed] = await searchSite(['quokkaflux', '示例笔记', '只有中文']);
    expect(added).toEqual(['/notes/sample/']);
    // Found in the full index and in the delta, listed once.
    expect(sample!.filter((path) => path === '/notes/sample/')).toHaveLength(1);
    expect(removed).toEqual([]);
  }, 120_000);
});
