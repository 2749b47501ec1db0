// An incremental search index: the last full Pagefind index (the base) plus a small index of the pages changed
// since (the delta). src/search/indexer.ts decides and writes; src/search/client/pagefind.ts reads.

/** What the build remembers of the last full index. */
export interface SearchBase {
  /** Pagefind's options and version: a base made differently cannot be extended. */
  options: string;
  pagefind: string;
  /** Every built page (`notes/x/index.html`): the digest of its HTML and, if Pagefind indexed it, its fragment id. */
  pages: Record<string, { digest: string; id?: string | undefined }>;
}

/** `pagefind/delta.json`, read by the search before its first query. */
export interface SearchDelta {
  /** The delta's folder relative to the main index (`delta/`); absent when nothing changed since the base. */
  index?: string;
  /** The Pagefind languages the delta has an index for (`zh-cn`, `en`). */
  languages: string[];
  /** Fragment ids of the base whose page changed or is gone: their results are dropped. */
  superseded: string[];
}

export type SearchUpdate =
  | { kind: 'full' }
  | {
      kind: 'delta';
      /** Pages to index into the delta: new, or changed since the base. */
      changed: string[];
      /** Base fragment ids to drop. */
      superseded: string[];
    };

/**
 * How to bring the index up to date with the pages just built (path → digest of the HTML): a delta of the pages
 * that differ from the base, or, once those are more than `maxShare` of the site (and more than `minLimit`), a
 * full index again. A delta is searched beside the base, so past that point it costs more than it saves, and
 * the base's word statistics drift from the site.
 */
export function planSearchUpdate(
  base: SearchBase,
  pages: ReadonlyMap<string, string>,
  { maxShare = 0.02, minLimit = 20 }: { maxShare?: number; minLimit?: number } = {},
): SearchUpdate {
  const changed = [...pages].filter(([path, digest]) => base.pages[path]?.digest !== digest).map(([path]) => path);
  const gone = Object.keys(base.pages).filter((path) => !pages.has(path));
  if (changed.length + gone.length > Math.max(minLimit, pages.size * maxShare)) return { kind: 'full' };
  const superseded = [...changed, ...gone].flatMap((path) => {
    const id = base.pages[path]?.id;
    return id === undefined ? [] : [id];
  });
  return { kind: 'delta', changed: changed.sort(), superseded: superseded.sort() };
}

/**
 * A query's results from the base and the delta together: without the base's results for pages the delta
 * replaces or that are gone, and each page once (a page whose text did not change has the same id in both).
 */
export function currentResults<T extends { id: string }>(results: readonly T[], superseded: ReadonlySet<string>): T[] {
  const seen = new Set<string>();
  return results.filter((result) => {
    if (superseded.has(result.id) || seen.has(result.id)) return false;
    seen.add(result.id);
    return true;
  });
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The words of a query that Pagefind matches one by one and that can be checked on their own: Latin words. A run of
 * Chinese is segmented into words by Pagefind itself, so it is left as Pagefind matched it.
 */
export function separateWords(query: string): string[] {
  return [...new Set(query.split(/[\s"]+/).filter((word) => word.length > 0 && !CJK.test(word)))];
}

/**
 * Pagefind matches a word exactly where its index holds the word, and by prefix ("revis" → revision, revisit)
 * only where it does not. Base and delta are two indexes: a word that only an edited page holds is exact in the
 * delta but missing from the base, which then adds pages by prefix that one full index would not. Given, for each
 * word of the query, the ids of the pages that hold it exactly (anywhere), this keeps what one index would give:
 * for every word held exactly somewhere, only pages that hold it exactly.
 */
export function asOneIndex<T extends { id: string }>(
  results: readonly T[],
  exactPagesByWord: ReadonlyArray<ReadonlySet<string>>,
): T[] {
  const held = exactPagesByWord.filter((pages) => pages.size > 0);
  return results.filter((result) => held.every((pages) => pages.has(result.id)));
}
