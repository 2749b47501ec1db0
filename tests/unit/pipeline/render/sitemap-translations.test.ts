import { describe, expect, it } from 'vitest';
import { sitemapTranslations, type SitemapEntry } from '../../../../src/pipeline/render/sitemap-translations.ts';
// Not a public export of @astrojs/sitemap: the function its `i18n` option runs, to hold the two to the same links.
import { generateSitemap } from '../../../../node_modules/@astrojs/sitemap/dist/generate-sitemap.js';

const SITE = 'https://deep-learning-notes.pages.dev/';
const I18N = { defaultLocale: 'zh', locales: { zh: 'zh-CN', en: 'en' } };
type Generate = (pages: string[], site: string, options: object) => SitemapEntry[];

/** Pages as this site has them: most in both languages, some in one, and paths that sort either way round. */
const PAGES = [
  '',
  'en/',
  'about/',
  'en/about/',
  'notes/neuron/',
  'en/notes/neuron/',
  'notes/only-chinese/',
  'en/notes/only-english/',
  'notes/note-2/',
  'notes/note-10/',
  'en/notes/note-10/',
  'en/notes/note-2/',
  'tags/cnn/',
  'en/tags/cnn/',
  'graph/',
  'english/',
  'en/english/',
  'enx/',
].map((path) => `${SITE}${path}`);

function withTranslations(pages: string[]): SitemapEntry[] {
  const translations = sitemapTranslations(SITE, I18N.defaultLocale, I18N.locales);
  const kept = pages.filter((page) => translations.collect(page));
  return (generateSitemap as Generate)(kept, SITE, {}).map((entry) => translations.serialize(entry));
}

describe('sitemapTranslations', () => {
  it("gives every page the same translation links as @astrojs/sitemap's i18n option", () => {
    const expected = (generateSitemap as Generate)(PAGES, SITE, { i18n: I18N });
    expect(expected.filter((entry) => entry.links).length).toBeGreaterThan(10);
    expect(withTranslations(PAGES)).toEqual(expected);
  });

  it('links a page to its translations in the order of their URLs, and a page in one language to nothing', () => {
    const entries = new Map(withTranslations(PAGES).map((entry) => [entry.url.slice(SITE.length), entry.links]));
    expect(entries.get('about/')).toEqual([
      { url: `${SITE}about/`, lang: 'zh-CN' },
      { url: `${SITE}en/about/`, lang: 'en' },
    ]);
    expect(entries.get('en/notes/neuron/')?.map((link) => link.lang)).toEqual(['en', 'zh-CN']);
    expect(entries.get('notes/only-chinese/')).toBeUndefined();
    expect(entries.get('enx/')).toBeUndefined();
  });

  it('starts afresh for a second build in the same process', () => {
    const translations = sitemapTranslations(SITE, I18N.defaultLocale, I18N.locales);
    for (const page of PAGES) translations.collect(page);
    translations.serialize({ url: `${SITE}about/` });
    translations.collect(`${SITE}about/`);
    expect(translations.serialize<SitemapEntry>({ url: `${SITE}about/` }).links).toBeUndefined();
  });
});
