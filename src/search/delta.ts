// An incremental search index: the last full Pagefind index (the base) plus a small index of the pages changed
// since (the delta). src/search/indexer.ts decides and writes; src/search/client/pagefind.ts reads.

/** What the build remembers of the last full index. */
export interface SearchBase {
  /** Pagefind's options and version: a base made differently cannot be extended. */
  options: string;
  pagefind: string;
  /** Every built page (`notes/x/index.html`): the digest of its HTML and, if Pagefind indexed it, its fragment id. */
  pages: Record<string, { digest: string; id?: string | undefined }>;
  /** The full index's further shards (src/search/shards.ts); absent in a base of one bundle. */
  shards?: SearchShard[];
}

/** A bundle of the full index besides the main one, for a site too large for one Pagefind run. */
export interface SearchShard {
  /** Its folder relative to the main index (`shard-1/`). */
  index: string;
  /** The Pagefind languages it has an index for. */
  languages: string[];
}

/** `pagefind/delta.json`, read by the search before its first query. */
export interface SearchDelta {
  /** The delta's folder relative to the main index (`delta/`); absent when nothing changed since the base. */
  index?: string;
  /** The Pagefind languages the delta has an index for (`zh-cn`, `en`). */
  languages: string[];
  /** Fragment ids of the base whose page changed or is gone: their results are dropped. */
  superseded: string[];
  /** The full index's further shards, merged into the search before the delta. */
  shards?: SearchShard[];
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

/** The languages whose queries Pagefind cuts into words with `Intl.Segmenter` (its `needsWordSegmentation`). */
const SEGMENTED = new Set(['zh', 'ja', 'th']);

/**
 * The words of a query that Pagefind matches one by one, so that each can be checked on its own: the Latin words,
 * and the words of a run of Chinese as Pagefind cuts them for an index in `language` (`示例笔记` → 示例, 笔记; in
 * an index whose language Pagefind does not segment, the run is one word).
 */
export function separateWords(query: string, language = 'zh-cn'): string[] {
  const segmented = SEGMENTED.has(language.split('-')[0]!.toLowerCase());
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  const words = query.split(/[\s"]+/).flatMap((word) => {
    if (!segmented || !CJK.test(word)) return word.length > 0 ? [word] : [];
    return [...segmenter.segment(word)].filter((part) => part.isWordLike).map((part) => part.segment);
  });
  return [...new Set(words)];
}

/**
 * Pagefind matches a word exactly where its index holds the word, by prefix ("revis" → revision, revisit) where it
 * does not, and leaves out a word that matches neither way. A search of several indexes (the full index's shards,
 * the delta) is a search of each: a word that only some hold is exact there, but elsewhere it adds pages by prefix,
 * or drops out of the query and lets pages through on the other words, which one full index would not. Given, for each
 * word of the query, the ids of the pages that hold it exactly (anywhere), this keeps what one index per language
 * would give: for every word held exactly by a page of a result's language, only results that hold it exactly.
 * (Pagefind keeps an index per language, each searched on its own; an id names its language: `zh-cn_01bbf0b`.)
 */
export function asOneIndex<T extends { id: string }>(
  results: readonly T[],
  exactPagesByWord: ReadonlyArray<ReadonlySet<string>>,
): T[] {
  const languageOf = (id: string) => id.slice(0, id.lastIndexOf('_') + 1);
  const words = exactPagesByWord.map((pages) => ({ pages, languages: new Set([...pages].map(languageOf)) }));
  return results.filter((result) => {
    const language = languageOf(result.id);
    return words.every(({ pages, languages }) => pages.has(result.id) || !languages.has(language));
  });
}
