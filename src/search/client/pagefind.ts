// Loads Pagefind's browser API on first use. Nothing of it (script, WebAssembly, index chunks) is fetched
// before the reader opens search. A failed load is forgotten so the next attempt can retry.
import { siteUrl } from '../../client/site-url.ts';
import { asOneIndex, currentResults, separateWords, type SearchDelta } from '../delta.ts';

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
  weighted_locations?: Array<{ balanced_score: number }>;
}
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters?: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}
export interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (
    term: string,
    options?: { filters?: Record<string, unknown> },
  ) => Promise<{ results: PagefindResult[] } | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  mergeIndex: (url: string, options?: Record<string, unknown>) => Promise<void>;
}

/** Where the index lives; the offline bundle overrides it with `<html data-pagefind-base>`. */
export function pagefindBase(): string {
  return document.documentElement.dataset.pagefindBase ?? siteUrl('/pagefind/');
}

let loading: Promise<Pagefind> | undefined;
/** The full index's other shards and the index of pages changed since it (see src/search/delta.ts), once loaded. */
let delta: SearchDelta = { languages: [], superseded: [] };

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    // On the web the list is fetched beside Pagefind; from file:// only Pagefind's stand-in fetch can read it.
    const deltaRead = location.protocol === 'file:' ? undefined : readDelta();
    let pagefind: Pagefind;
    if (location.protocol === 'file:') {
      const { loadPagefindOffline } = await import('./pagefind-offline.ts');
      pagefind = await loadPagefindOffline(new URL(pagefindBase(), location.href).href);
    } else {
      const url = `${pagefindBase()}pagefind.js`;
      pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
      // baseUrl '/': result URLs stay site paths (`/notes/x/`), as the delta lists them; pageHref() places them.
      await pagefind.options({ baseUrl: '/', excerptLength: 28 });
      await pagefind.init();
    }
    delta = await (deltaRead ?? readDelta());
    await mergeRest(pagefind, document.documentElement.lang.toLowerCase());
    const superseded = new Set(delta.superseded);
    return {
      ...pagefind,
      search: async (term, options) => {
        const found = await pagefind.search(term, options);
        if (!found) return found;
        const results = currentResults(found.results, superseded);
        // One bundle answers as one index; several must be made to (see asOneIndex). A phrase is matched
        // exactly in every bundle already.
        if ((delta.index === undefined && !delta.shards?.length) || PHRASE.test(term)) return { ...found, results };
        return { ...found, results: asOneIndex(results, await exactPages(pagefind, term, options)) };
      },
    };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** A query Pagefind runs as an exact phrase (its own test). */
const PHRASE = /^\s*".+"\s*$/;

/**
 * Pages that hold a word exactly, per word and filters. A glossary term is searched with its synonyms, each as
 * words and as a phrase: at 10,000 notes a common word's check returns thousands of pages, and the same words
 * recur across those queries and the keystrokes of one query. Emptied when another language is merged.
 */
const exactCache = new Map<string, Promise<Set<string>>>();

/** For each separate word of `term`, the pages of every bundle that hold it exactly (a quoted search). */
function exactPages(pagefind: Pagefind, term: string, options: Parameters<Pagefind['search']>[1]) {
  if (exactCache.size > 200) exactCache.clear();
  const words = separateWords(term, document.documentElement.lang);
  return Promise.all(
    words.map((word) => {
      const key = JSON.stringify([word, options?.filters ?? {}]);
      let pages = exactCache.get(key);
      if (!pages) {
        pages = pagefind.search(`"${word}"`, options).then((exact) => new Set(exact?.results.map((r) => r.id) ?? []));
        exactCache.set(key, pages);
        pages.catch(() => exactCache.delete(key)); // a failed search is tried again next time
      }
      return pages;
    }),
  );
}

/** `pagefind/delta.json`; a site without one (or one that cannot be read) searches its main index alone. */
async function readDelta(): Promise<SearchDelta> {
  try {
    const response = await fetch(new URL('delta.json', new URL(pagefindBase(), location.href)));
    if (response.ok) return (await response.json()) as SearchDelta;
  } catch {
    // Searching the main index alone still finds every page but the few edited since it was made.
  }
  return { languages: [], superseded: [] };
}

/**
 * A merged index's options. Its result URLs must stay site paths, as the main index's are (`baseUrl: '/'`): left
 * to itself, a bundle merged from file:// prefixes them with its own folder on disk.
 */
const merging = (language: string) => ({ language, baseUrl: '/' });

/** The rest of a language's index after the main bundle: the full index's other shards, then the delta. */
async function mergeRest(pagefind: Pagefind, language: string): Promise<void> {
  const changed = delta.index === undefined ? [] : [{ index: delta.index, languages: delta.languages }];
  const bundles = [...(delta.shards ?? []), ...changed].filter((bundle) => bundle.languages.includes(language));
  const base = new URL(pagefindBase(), location.href);
  await Promise.all(bundles.map((bundle) => pagefind.mergeIndex(new URL(bundle.index, base).href, merging(language))));
}

const merged = new Set<string>();

/** Adds the other language's index to the search (Pagefind keeps one index per page language). */
export async function mergeLanguage(pagefind: Pagefind, language: 'zh-cn' | 'en'): Promise<void> {
  if (merged.has(language)) return;
  // An absolute URL: Pagefind skips a merge whose path looks like its primary index.
  await pagefind.mergeIndex(new URL(pagefindBase(), location.href).href, merging(language));
  await mergeRest(pagefind, language);
  merged.add(language);
  exactCache.clear();
}

/**
 * The link to a result. On the web Pagefind's `/notes/x/#y`, under the site's base path if it has one; in the offline bundle
 * (`<html data-root="../../">`) it becomes a relative link to the page's index.html.
 */
export function pageHref(url: string): string {
  const root = document.documentElement.dataset.root;
  if (root === undefined) return url.startsWith('/') ? siteUrl(url) : url;
  const match = /^\/?([^?#]*)(.*)$/.exec(url)!;
  const path = match[1]!.endsWith('/') || match[1] === '' ? `${match[1]}index.html` : match[1]!;
  return `${root}${path}${match[2]}`;
}
