// Loads Pagefind's browser API on first use. Nothing of it (script, WebAssembly, index chunks) is fetched
// before the reader opens search. A failed load is forgotten so the next attempt can retry.

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
  return document.documentElement.dataset.pagefindBase ?? '/pagefind/';
}

let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    if (location.protocol === 'file:') {
      const { loadPagefindOffline } = await import('./pagefind-offline.ts');
      return loadPagefindOffline(new URL(pagefindBase(), location.href).href);
    }
    const url = `${pagefindBase()}pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ excerptLength: 28 });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

const merged = new Set<string>();

/** Adds the other language's index to the search (Pagefind keeps one index per page language). */
export async function mergeLanguage(pagefind: Pagefind, language: 'zh-cn' | 'en'): Promise<void> {
  if (merged.has(language)) return;
  // An absolute URL: Pagefind skips a merge whose path looks like its primary index.
  await pagefind.mergeIndex(new URL(pagefindBase(), location.href).href, { language });
  merged.add(language);
}

/**
 * The link to a result. On the web Pagefind's `/notes/x/#y` works as is; in the offline bundle
 * (`<html data-root="../../">`) it becomes a relative link to the page's index.html.
 */
export function pageHref(url: string): string {
  const root = document.documentElement.dataset.root;
  if (root === undefined) return url;
  const match = /^\/?([^?#]*)(.*)$/.exec(url)!;
  const path = match[1]!.endsWith('/') || match[1] === '' ? `${match[1]}index.html` : match[1]!;
  return `${root}${path}${match[2]}`;
}
