import { describe, expect, it } from 'vitest';
import { planShards, searchablePages, type SearchablePage } from '../../../src/search/shards.ts';

const page = (path: string, language: string, bytes = 100): SearchablePage => ({ path, language, bytes });

describe('planShards', () => {
  it('keeps a site that fits in one shard', () => {
    const pages = [page('notes/a/index.html', 'zh-cn'), page('en/notes/a/index.html', 'en')];
    expect(planShards(pages, 1_000)).toEqual([['en/notes/a/index.html', 'notes/a/index.html']]);
  });

  it('makes as few shards as keep each near the limit, every page in exactly one', () => {
    const pages = Array.from({ length: 25 }, (_, i) =>
      page(`notes/n${String(i).padStart(2, '0')}/index.html`, 'zh-cn'),
    );
    const shards = planShards(pages, 1_000); // 2,500 bytes → 3 shards
    expect(shards).toHaveLength(3);
    expect(shards.flat().sort()).toEqual(pages.map((p) => p.path).sort());
    expect(shards.map((shard) => shard.length)).toEqual([9, 8, 8]);
  });

  it('deals every language across the shards from the first, so the first holds every language', () => {
    const pages = [
      ...Array.from({ length: 9 }, (_, i) => page(`notes/z${i}/index.html`, 'zh-cn')),
      ...Array.from({ length: 9 }, (_, i) => page(`en/notes/e${i}/index.html`, 'en')),
      page('fr/notes/only/index.html', 'fr'),
    ];
    const shards = planShards(pages, 700); // 1,900 bytes → 3 shards
    expect(shards).toHaveLength(3);
    const languages = (shard: string[]) => new Set(shard.map((path) => pages.find((p) => p.path === path)!.language));
    expect(languages(shards[0]!)).toEqual(new Set(['zh-cn', 'en', 'fr']));
    for (const shard of shards.slice(1)) expect(languages(shard)).toEqual(new Set(['zh-cn', 'en']));
    for (const shard of shards) expect(shard.filter((path) => path.startsWith('en/'))).toHaveLength(3);
  });

  it('never makes more shards than pages, whatever the limit', () => {
    expect(planShards([page('a.html', 'en', 5_000), page('b.html', 'en', 5_000)], 10)).toEqual([
      ['a.html'],
      ['b.html'],
    ]);
    expect(planShards([], 10)).toEqual([]);
    // Four shards by size, but the one language has only two pages: no empty shard.
    const two = [page('a.html', 'en', 200), page('b.html', 'en', 200)];
    expect(planShards([...two, page('c.html', 'fr', 10), page('d.html', 'fr', 10)], 100)).toEqual([
      ['a.html', 'c.html'],
      ['b.html', 'd.html'],
    ]);
  });
});

describe('searchablePages', () => {
  const site: Record<string, string> = {
    'index.html': '<!doctype html><html lang="zh-CN"><body><main>首页</main></body></html>',
    'notes/a/index.html':
      '<!doctype html><html lang="zh-CN" dir="ltr"><body><article data-pagefind-body>笔记</article></body></html>',
    'en/notes/a/index.html':
      '<!DOCTYPE html>\n<html class="x" lang="en"><body><article data-pagefind-body="">Note</article></body></html>',
    'tags/x/index.html': '<html><body>tag</body></html>',
  };
  const read = (path: string) => Buffer.from(site[path]!);

  it('leaves out the pages without a marked body once any page marks one, as Pagefind does', () => {
    expect(searchablePages(Object.keys(site), read)).toEqual([
      { path: 'notes/a/index.html', language: 'zh-cn', bytes: Buffer.byteLength(site['notes/a/index.html']!) },
      { path: 'en/notes/a/index.html', language: 'en', bytes: Buffer.byteLength(site['en/notes/a/index.html']!) },
    ]);
  });

  it('keeps every page when none marks its body, and names a page without lang as Pagefind does', () => {
    const unmarked = ['index.html', 'tags/x/index.html'];
    expect(searchablePages(unmarked, read).map((p) => [p.path, p.language])).toEqual([
      ['index.html', 'zh-cn'],
      ['tags/x/index.html', 'unknown'],
    ]);
  });
});
