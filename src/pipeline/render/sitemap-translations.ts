// Why: @astrojs/sitemap's `i18n` option links each page of the sitemap to its translations by comparing the page's
// path with every other page's: at 2,000 notes that is millions of comparisons, 40 ms of every build. These are
// the same links, from one pass over the pages: `filter` sees every page before `serialize` sees the first
// (@astrojs/sitemap's build:done), and tests/unit/pipeline/render/sitemap-translations.test.ts holds the two to
// the same output.

/** The part of a sitemap entry this reads and writes (@astrojs/sitemap's SitemapItem). */
export interface SitemapEntry {
  url: string;
  links?: Array<{ url: string; lang: string }>;
}

/** How @astrojs/sitemap orders its pages, and so the translations of each. */
const byUrl = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * `collect` every page (inside the sitemap's `filter`), then `serialize` adds to each page its translations, as the
 * `i18n` option `{ defaultLocale, locales }` would for a site whose pages live under `siteUrl`.
 */
export function sitemapTranslations(siteUrl: string, defaultLocale: string, locales: Readonly<Record<string, string>>) {
  const pagesByPath = new Map<string, string[]>();
  let serializing = false;

  /** A page's path without its locale, and its locale (@astrojs/sitemap's parseI18nUrl). */
  const localized = (url: string): { locale: string; path: string } | undefined => {
    if (!url.startsWith(siteUrl)) return undefined;
    let rest = url.slice(siteUrl.length);
    if (!rest || rest === '/') return { locale: defaultLocale, path: '/' };
    if (!rest.startsWith('/')) rest = `/${rest}`;
    const locale = rest.split('/')[1]!;
    if (Object.hasOwn(locales, locale)) return { locale, path: rest.slice(1 + locale.length) || '/' };
    return { locale: defaultLocale, path: rest };
  };

  return {
    /** Keeps a page the sitemap lists; always true. */
    collect(url: string): true {
      if (serializing) {
        // A new build in the same process: its pages only.
        pagesByPath.clear();
        serializing = false;
      }
      const page = localized(url);
      if (page) pagesByPath.set(page.path, [...(pagesByPath.get(page.path) ?? []), url]);
      return true;
    },
    serialize<Entry extends SitemapEntry>(entry: Entry): Entry {
      serializing = true;
      const path = localized(entry.url)?.path;
      const urls = path === undefined ? [] : (pagesByPath.get(path) ?? []);
      if (urls.length <= 1) return entry;
      const links = [...urls].sort(byUrl).map((url) => ({ url, lang: locales[localized(url)!.locale]! }));
      return { ...entry, links };
    },
  };
}
