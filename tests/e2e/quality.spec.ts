// Quality gates on every built page: valid HTML (html-validate), and WCAG 2.2 A/AA (axe-core) with the search dialog
// open and on a phone. Every page loading cleanly and axe on it in light and dark theme: accessibility-zh.spec.ts and
// accessibility-en.spec.ts.
import { readFileSync } from 'node:fs';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DARK_NOTES, fileOf, pagesToCheck, sitePaths, violations, WCAG_TAGS } from './support/accessibility.ts';
import { openBrowser, type Session } from './support/browser.ts';
import { openSearchByKeyboard } from './support/search-dialog.ts';

const base = inject('baseUrl');

describe('the sitemap', () => {
  it('lists the pages of both languages', () => {
    const paths = sitePaths();
    expect(paths).toContain('/');
    expect(paths).toContain('/en/');
    expect(paths.filter((p) => p.startsWith('/notes/')).length).toBeGreaterThanOrEqual(2);
    expect(paths.filter((p) => p.startsWith('/en/notes/')).length).toBeGreaterThanOrEqual(2);
  });
});

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

  it('checks the dark theme on every note it names', () => {
    const notes = pagesToCheck().dark.filter((path) => path.includes('/notes/'));
    expect(notes.sort()).toEqual(DARK_NOTES.map((slug) => `/notes/${slug}/`).sort());
  });

  // Lighthouse audits as a phone: there long titles wrap, and lists of links must still be targets of 24 px.
  it.each(['/notes/activation-functions/', '/en/notes/diffusion-models/'])(
    '%s has targets of at least 24 px on a phone',
    async (path) => {
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 412, height: 823 });
      await page.goto(base + path);
      expect(await page.getByTestId('backlinks').count()).toBe(1);
      expect(await violations(new AxeBuilder({ page }).withRules(['target-size']))).toEqual([]);
      await page.close();
    },
  );

  for (const theme of ['light', 'dark'] as const) {
    it(`has no violations with the search dialog open, in the ${theme} theme`, async () => {
      const page = await session.context.newPage();
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`${base}/notes/neuron/`);
      const dialog = await openSearchByKeyboard(page);
      await dialog.getByTestId('search-input').fill('激活函数');
      await expect
        .poll(() => page.getByTestId('search-dialog').locator('[role="option"]').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      expect(await violations(new AxeBuilder({ page }).withTags(WCAG_TAGS))).toEqual([]);
      await page.close();
    });
  }
});
