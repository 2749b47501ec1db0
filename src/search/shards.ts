// A full search index of a large site, made in shards. Pagefind holds about 5.5 times the HTML it reads while it
// indexes (1.1 GiB for 2,000 notes of 100 KB, whatever its options: Pagefind/pagefind#842), so one run over
// 10,000 notes needs 5 GiB. src/search/indexer.ts instead runs Pagefind once per shard, one after another, and
// the search merges the shards (src/search/client/pagefind.ts) as it merges the index of changed pages.

/** A page Pagefind will index: its site path, its `<html lang>` (lowercased, as Pagefind names its indexes) and size. */
export interface SearchablePage {
  path: string;
  language: string;
  bytes: number;
}

/** The HTML one Pagefind run may read: about 0.9 GiB of Pagefind at 5.5 times. */
export const DEFAULT_SHARD_BYTES = 160 * 1024 * 1024;

/**
 * The pages of each shard: as few shards as keep each one near `maxBytes` of HTML, each language's pages (in path
 * order) dealt round-robin from the first shard. So every shard holds a like share of every language, which keeps
 * Pagefind's word statistics, and so its ranking, alike across shards; and the first shard, the main bundle whose
 * language index Pagefind opens for the reader, holds every language. A site that fits gets one shard.
 */
export function planShards(pages: readonly SearchablePage[], maxBytes = DEFAULT_SHARD_BYTES): string[][] {
  const total = pages.reduce((sum, page) => sum + page.bytes, 0);
  const count = Math.max(1, Math.min(pages.length, Math.ceil(total / maxBytes)));
  const shards: string[][] = Array.from({ length: count }, () => []);
  const byLanguage = new Map<string, string[]>();
  for (const page of pages) {
    const paths = byLanguage.get(page.language);
    if (paths) paths.push(page.path);
    else byLanguage.set(page.language, [page.path]);
  }
  for (const language of [...byLanguage.keys()].sort()) {
    const paths = byLanguage.get(language)!.sort();
    paths.forEach((path, i) => shards[i % count]!.push(path));
  }
  // A language with fewer pages than there are shards leaves the last ones without it; none is left empty.
  return shards.filter((shard) => shard.length > 0).map((shard) => shard.sort());
}

const BODY = Buffer.from('data-pagefind-body');
const LANG = /<html\b[^>]*?\slang="([^"]*)"/i;

/**
 * Which of a site's pages Pagefind indexes, and in what language. As Pagefind decides it: once any page marks its
 * body (`data-pagefind-body`), pages without one are left out. A shard must apply the rule to the whole site, as
 * one run would: a shard of pages without a body would otherwise be indexed whole. `read` gives a page's bytes;
 * one page is held at a time.
 */
export function searchablePages(paths: readonly string[], read: (path: string) => Buffer): SearchablePage[] {
  const seen = paths.map((path) => {
    const html = read(path);
    return {
      path,
      language: (LANG.exec(html.subarray(0, 2048).toString('utf8'))?.[1] ?? 'unknown').toLowerCase(),
      bytes: html.length,
      marked: html.includes(BODY),
    };
  });
  const anyMarked = seen.some((page) => page.marked);
  return seen
    .filter((page) => page.marked || !anyMarked)
    .map(({ path, language, bytes }) => ({ path, language, bytes }));
}
