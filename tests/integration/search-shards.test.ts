// A site too large for one Pagefind run is indexed in shards (src/search/shards.ts), merged by the search in the
// browser. The fixtures are sharded here by a tiny size limit (SEARCH_SHARD_MIB): the search must find what the
// same site indexed in one run finds, on both language sites, and a rebuild's delta must sit on top of the shards.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFolder, inTurn } from './support/checkout-build.ts';
import type { SearchDelta } from '../../src/search/delta.ts';
import { openBrowser, watchProblems, type Session } from '../e2e/support/browser.ts';
import { searchResults, searchSite } from './support/site-search.ts';

// Notes must live inside the project to render (see src/pipeline/content/strict-glob.ts).
mkdirSync(join('tests', '.tmp'), { recursive: true });
const fixtures = mkdtempSync(join('tests', '.tmp', 'search-shards-'));
const notes = join(fixtures, 'notes');
const work = buildFolder('dln-search-shards');
const whole = join(work, 'whole');
const sharded = join(work, 'sharded');

function build(out: string, env: Record<string, string> = {}): string {
  const run = inTurn(() =>
    spawnSync(process.execPath, ['scripts/build.ts'], {
      env: { ...process.env, ...env, NOTES_DIR: notes, ASTRO_OUT_DIR: out, FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
    }),
  );
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(output);
  return output;
}
// 100 bytes: every note page over the limit, so each language's 4 notes go one to a shard.
const buildSharded = () => build(sharded, { SEARCH_SHARD_MIB: String(100 / 1024 / 1024) });
const searchList = (out: string) =>
  JSON.parse(readFileSync(join(out, 'pagefind', 'delta.json'), 'utf8')) as SearchDelta;

const QUERIES = {
  zh: ['示例笔记', '只有中文', '笔记', 'ReLU', '不存在的词quokka'],
  en: ['English only', 'note', 'sample', 'ReLU'],
};

let session: Session;
beforeAll(async () => {
  cpSync('tests/fixtures/notes', notes, { recursive: true });
  cpSync('tests/fixtures/components', join(fixtures, 'components'), { recursive: true });
  session = await openBrowser({ serviceWorkers: 'block' });
});
afterAll(async () => {
  await session?.close();
  rmSync(fixtures, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('a full search index in shards', () => {
  it('is written as one main bundle and further shards, each with both languages', () => {
    expect(build(whole)).not.toMatch(/in \d+ shards/);
    expect(searchList(whole).shards).toBeUndefined();

    expect(buildSharded()).toMatch(/✓ search index: 4 en, 4 zh-cn pages, in 4 shards/);
    const { shards } = searchList(sharded);
    expect(shards).toEqual(
      [1, 2, 3].map((n) => ({ index: `shard-${n}/`, languages: expect.arrayContaining(['en', 'zh-cn']) as string[] })),
    );
    for (const shard of shards!) {
      const bundle = join(sharded, 'pagefind', shard.index);
      expect(existsSync(join(bundle, 'pagefind-entry.json'))).toBe(true);
      // Merged into the main bundle's search: its own scripts would never load.
      expect(existsSync(join(bundle, 'pagefind.js'))).toBe(false);
    }
  }, 240_000);

  it('finds on the Chinese site what one index finds', async () => {
    const [fromShards, fromWhole] = [
      await searchSite(sharded, QUERIES.zh, { session }),
      await searchSite(whole, QUERIES.zh, { session }),
    ];
    expect(fromShards.map((paths) => [...paths].sort())).toEqual(fromWhole.map((paths) => [...paths].sort()));
    // Notes from several shards, not just the main one.
    expect(fromShards[2]!.length).toBeGreaterThanOrEqual(3);
    expect(fromShards[0]![0]).toBe('/notes/sample/');
    expect(fromShards[1]).toEqual(['/notes/only-zh/']);
  }, 120_000);

  it('finds on the English site, and both languages together, what one index finds', async () => {
    const [fromShards, fromWhole] = [
      await searchSite(sharded, QUERIES.en, { session, from: '/en/' }),
      await searchSite(whole, QUERIES.en, { session, from: '/en/' }),
    ];
    expect(fromShards.map((paths) => [...paths].sort())).toEqual(fromWhole.map((paths) => [...paths].sort()));
    expect(fromShards[0]).toContain('/en/notes/only-en/');
    expect(fromShards.flat().every((path) => path.startsWith('/en/'))).toBe(true);

    const both = ['ReLU', 'English only'];
    const [bothShards, bothWhole] = [
      await searchSite(sharded, both, { session, both: true }),
      await searchSite(whole, both, { session, both: true }),
    ];
    expect(bothShards.map((paths) => [...paths].sort())).toEqual(bothWhole.map((paths) => [...paths].sort()));
    expect(bothShards[0]).toEqual(expect.arrayContaining(['/notes/sample/', '/en/notes/sample/']));
  }, 120_000);

  it('after an edit, keeps the shards and searches the changed page from the delta', async () => {
    // The Chinese sample is in the last shard (the fourth of the Chinese notes in path order).
    appendFileSync(join(notes, 'zh', 'sample.md'), '\n分片之后的新句子：试金石 zorblatt。\n');
    expect(buildSharded()).toMatch(/✓ search index: the last full index, plus 1 zh-cn pages changed since/);
    const list = searchList(sharded);
    expect(list.index).toBe('delta/');
    expect(list.shards).toHaveLength(3);
    expect(list.superseded).toHaveLength(1);

    const [added, sample] = await searchSite(sharded, ['zorblatt', '示例笔记'], { session });
    expect(added).toEqual(['/notes/sample/']);
    expect(sample!.filter((path) => path === '/notes/sample/')).toHaveLength(1);
  }, 240_000);

  it('searches the shards and the delta from the offline bundle, on file://', async () => {
    const bundle = join(work, 'bundle');
    const run = spawnSync(process.execPath, ['scripts/bundle.ts', '--from', sharded], {
      env: { ...process.env, BUNDLE_DIR: bundle },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const root = join(
      bundle,
      readdirSync(bundle).find((name) => name.startsWith('deep-learning-notes-') && !name.endsWith('.zip'))!,
    );
    const page = await session.context.newPage();
    const problems = watchProblems(page);
    const found: string[][] = [];
    const queries = ['只有中文', 'zorblatt', '示例笔记', 'English only'];
    for (const [i, query] of queries.entries()) {
      await page.goto(pathToFileURL(join(root, 'index.html')).href);
      // The last one searches the English notes too: the other language's main index and shards, merged.
      const paths = await searchResults(page, query, { both: i === queries.length - 1 });
      // `/…/deep-learning-notes-0.1.0/notes/x/index.html` → `/notes/x/`, as on the web.
      found.push(
        paths.map((path) =>
          decodeURIComponent(path)
            .slice(root.length)
            .replace(/index\.html$/, ''),
        ),
      );
    }
    const [onTheWeb] = await searchSite(sharded, ['示例笔记'], { session });
    expect(found.slice(0, 3)).toEqual([['/notes/only-zh/'], ['/notes/sample/'], onTheWeb]);
    expect(found[3]).toContain('/en/notes/only-en/');
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await page.close();
  }, 120_000);
});
