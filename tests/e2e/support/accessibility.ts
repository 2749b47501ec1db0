// Every built page, in light and dark theme: it loads with no console error and no failed request, and axe-core finds
// nothing against WCAG 2.2 A and AA. Shared by one spec file per language (accessibility-zh, accessibility-en), so
// that the two halves run side by side on the two e2e workers; each page is loaded once for both checks.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tabUntilWideFormulasReachable } from './wide-formulas.ts';
import { openBrowser, watchProblems, type PageProblems, type Session } from './browser.ts';

const dist = process.env.E2E_DIST ?? 'dist';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Every page of the sitemap, the 404 page and the offline page. */
export function sitePaths(): string[] {
  const xml = readFileSync(`${dist}/sitemap-0.xml`, 'utf8');
  return [...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname), '/404.html', '/offline/'];
}

export const fileOf = (path: string) => `${dist}${path.endsWith('/') ? `${path}index.html` : path}`;

/** The notes checked in the dark theme: together they hold every component (widgets, callouts, exercises,
 * quizzes, tables, code and math). */
export const DARK_NOTES = [
  'activation-functions',
  'network-architectures',
  'learning-methods',
  'neuron',
  'glossary',
  'attention-and-transformers',
  'ai-taxonomy',
  'diffusion-models',
];

// axe takes seconds on a long note (thousands of KaTeX elements), most of it in color-contrast, so each theme checks
// what can differ rather than every copy of a template. Light: every rule on every page, but for the tag pages (one
// template filled with a list of notes: the index and the first tag page of each language stand for them) and for
// color-contrast on English notes (the same components in the same colours as the Chinese ones). Dark, where only
// colours change: color-contrast on each page kind and on the notes in DARK_NOTES.
export function pagesToCheck(paths = sitePaths()): Record<'light' | 'dark', string[]> {
  const firstTagPages = ['/tags/', '/en/tags/'].map((index) => paths.find((p) => p.startsWith(index) && p !== index)!);
  const isTagPage = (path: string) => /^\/(en\/)?tags\/[^/]+\/$/.test(path);
  return {
    light: paths.filter((path) => !isTagPage(path) || firstTagPages.includes(path)),
    dark: paths.filter((path) =>
      !path.includes('/notes/')
        ? !isTagPage(path) || path === firstTagPages[0]
        : DARK_NOTES.some((slug) => path === `/notes/${slug}/`),
    ),
  };
}

/** The violations axe finds, each with up to three of its elements. */
export async function violations(axe: AxeBuilder): Promise<string[]> {
  const results = await axe.analyze();
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}

/** Whether a page path belongs to `language`'s half of the site. */
const inLanguage = (language: 'zh' | 'en') => (path: string) => path.startsWith('/en/') === (language === 'en');

function rulesFor(theme: 'light' | 'dark', path: string, axe: AxeBuilder): AxeBuilder {
  if (theme === 'dark') return axe.withRules(['color-contrast']);
  return path.startsWith('/en/notes/')
    ? axe.withTags(WCAG_TAGS).disableRules(['color-contrast'])
    : axe.withTags(WCAG_TAGS);
}

/** A page load: the status, the document's language, and no console error or failed request on the way. */
async function expectLoads(page: Page, problems: PageProblems, url: string, status = 200): Promise<void> {
  problems.consoleErrors.length = 0;
  problems.failedRequests.length = 0;
  const response = await page.goto(url);
  expect(response?.status()).toBe(status);
  expect(await page.locator('html').getAttribute('lang')).toMatch(/^(zh-CN|en)$/);
  // A 404 page is itself a failed request, and Chromium logs it.
  if (status === 404) return;
  expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
}

/** The pages of a language that axe checks in the light theme (every rule). */
export function lightPagesOf(language: 'zh' | 'en'): string[] {
  return pagesToCheck().light.filter(inLanguage(language));
}

/** One test a page (the suite grows with the site instead of running into one test's time limit), in each theme. */
export function describeAccessibility(language: 'zh' | 'en'): void {
  const base = inject('baseUrl');
  const all = sitePaths();
  const pages = pagesToCheck(all);
  const mine = inLanguage(language);

  describe(`the ${language === 'zh' ? 'Chinese' : 'English'} pages`, () => {
    let session: Session;
    beforeAll(async () => {
      session = await openBrowser({ serviceWorkers: 'block' });
    });
    afterAll(() => session.close());

    for (const theme of ['light', 'dark'] as const) {
      describe(`in the ${theme} theme`, () => {
        let page: Page;
        let problems: PageProblems;
        beforeAll(async () => {
          page = await session.context.newPage();
          problems = watchProblems(page);
          await page.emulateMedia({ colorScheme: theme });
        });
        afterAll(() => page.close());

        it.each(pages[theme].filter(mine))('%s loads cleanly and axe finds no violation', async (path) => {
          await expectLoads(page, problems, base + path);
          await tabUntilWideFormulasReachable(page);
          expect(await violations(rulesFor(theme, path, new AxeBuilder({ page })))).toEqual([]);
        });
      });
    }

    // What axe leaves out (the copies of the tag page template) still loads cleanly, and so does a missing page.
    it('the other tag pages load cleanly, and an unknown URL answers 404 with the site’s page', async () => {
      const page = await session.context.newPage();
      const problems = watchProblems(page);
      for (const path of all.filter((p) => mine(p) && !pages.light.includes(p))) {
        await expectLoads(page, problems, base + path);
      }
      await expectLoads(page, problems, `${base}${language === 'en' ? '/en' : ''}/this-page-does-not-exist/`, 404);
      await page.close();
    });
  });
}
