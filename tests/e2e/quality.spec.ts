// Quality gates on every built page: valid HTML (html-validate) and WCAG 2.2 A/AA (axe-core) in light and
// dark theme, including the open search dialog and the widgets.
import { readFileSync } from 'node:fs';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Session } from './support/browser.ts';

const base = inject('baseUrl');
const dist = process.env.E2E_DIST ?? 'dist';

function sitePaths(): string[] {
  const xml = readFileSync(`${dist}/sitemap-0.xml`, 'utf8');
  return [...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname), '/404.html', '/offline/'];
}
const fileOf = (path: string) => `${dist}${path.endsWith('/') ? `${path}index.html` : path}`;

describe('valid HTML', () => {
  it('html-validate reports no error on any built page', async () => {
    const validator = new HtmlValidate(
      new StaticConfigLoader({
        extends: ['html-validate:recommended'],
        rules: {
          // Style rules, not validity: KaTeX and Shiki position glyphs and colour tokens with inline styles,
          // and Astro writes boolean and void elements its own (valid) way.
          'no-inline-style': 'off',
          'attribute-boolean-style': 'off',
          'void-style': 'off',
          'no-trailing-whitespace': 'off',
          'long-title': 'off',
          // The search results are an ARIA listbox driven by a combobox: there is no native equivalent.
          'prefer-native-element': ['error', { exclude: ['listbox'] }],
        },
      }),
    );
    const problems: string[] = [];
    for (const path of sitePaths()) {
      const report = await validator.validateString(readFileSync(fileOf(path), 'utf8'), fileOf(path));
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser({ serviceWorkers: 'block' });
  });
  afterAll(() => session.close());

  const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

  // One test a page, so the suite grows with the site instead of running into one test's time limit. axe takes
  // seconds on a long note (thousands of KaTeX elements), most of it in color-contrast, so each theme checks what
  // can differ rather than every copy of a template. Light: every rule on every page, but for the
  // tag pages (one template filled with a list of notes: the index and the first tag page of each language stand
  // for them) and for color-contrast on English notes (the same components in the same colours as the Chinese
  // ones). Dark, where only colours change: color-contrast on each page kind and on the notes that hold every
  // component (the four widgets, the attention widget, callouts, exercises, quizzes, tables, code and math).
  const paths = sitePaths();
  const firstTagPages = ['/tags/', '/en/tags/'].map((index) => paths.find((p) => p.startsWith(index) && p !== index)!);
  const isTagPage = (path: string) => /^\/(en\/)?tags\/[^/]+\/$/.test(path);
  const DARK_NOTES = ['activation-functions', 'network-architectures', 'learning-methods', 'neuron', 'glossary'];
  DARK_NOTES.push('attention-and-transformers', 'ai-taxonomy', 'diffusion-models');
  const PAGES = {
    light: paths.filter((path) => !isTagPage(path) || firstTagPages.includes(path)),
    dark: paths.filter((path) =>
      !path.includes('/notes/')
        ? !isTagPage(path) || path === firstTagPages[0]
        : DARK_NOTES.some((slug) => path === `/notes/${slug}/`),
    ),
  };
  it('checks the dark theme on every note it names', () => {
    expect(PAGES.dark.filter((path) => path.startsWith('/notes/'))).toHaveLength(DARK_NOTES.length);
  });
  const rulesFor = (theme: 'light' | 'dark', path: string, axe: AxeBuilder) =>
    theme === 'dark'
      ? axe.withRules(['color-contrast'])
      : path.startsWith('/en/notes/')
        ? axe.withTags(TAGS).disableRules(['color-contrast'])
        : axe.withTags(TAGS);

  for (const theme of ['light', 'dark'] as const) {
    describe(`every page in the ${theme} theme`, () => {
      let page: Page;
      beforeAll(async () => {
        page = await session.context.newPage();
        await page.emulateMedia({ colorScheme: theme });
      });
      afterAll(() => page.close());

      it.each(PAGES[theme])('%s has no violations', async (path) => {
        await page.goto(base + path);
        const results = await rulesFor(theme, path, new AxeBuilder({ page })).analyze();
        expect(
          results.violations.map(
            (v) =>
              `${v.id}: ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(' | ')}`,
          ),
        ).toEqual([]);
      });
    });
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`has no violations with the search dialog open, in the ${theme} theme`, async () => {
      const page = await session.context.newPage();
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`${base}/notes/neuron/`);
      await page.keyboard.press('/');
      await page.getByTestId('search-dialog').getByTestId('search-input').fill('激活函数');
      await expect
        .poll(() => page.getByTestId('search-dialog').locator('[role="option"]').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
        [],
      );
    });
  }
});
