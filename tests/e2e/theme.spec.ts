import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Session } from './support/browser.ts';

const base = inject('baseUrl');

/** The theme the page had when <body> first appeared, i.e. before anything could be painted. */
const RECORD_FIRST_PAINT_THEME = `
  new MutationObserver((_, observer) => {
    if (document.body) {
      window.__themeAtFirstPaint = document.documentElement.dataset.theme;
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

describe('theme', () => {
  let session: Session;
  afterEach(() => session.close());

  describe('with a light system preference', () => {
    beforeEach(async () => {
      session = await openBrowser({ colorScheme: 'light' });
    });

    it('follows the system until toggled, then persists the choice across pages', async () => {
      const page = await session.context.newPage();
      await page.goto(`${base}/`);
      const html = page.locator('html');
      await expect.poll(() => html.getAttribute('data-theme')).toBe('light');
      const toggle = page.getByTestId('theme-toggle');
      await expect.poll(() => toggle.isVisible()).toBe(true);
      expect(await toggle.getAttribute('aria-label')).toMatch(/跟随系统/);

      await toggle.click(); // auto → light
      await toggle.click(); // light → dark
      expect(await html.getAttribute('data-theme')).toBe('dark');
      expect(await toggle.getAttribute('aria-label')).toMatch(/深色/);

      await page.goto(`${base}/en/tags/`);
      expect(await html.getAttribute('data-theme')).toBe('dark');
      expect(await page.getByTestId('theme-toggle').getAttribute('aria-label')).toBe('Theme: Dark');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe('rgb(17, 20, 24)');

      await page.getByTestId('theme-toggle').click(); // dark → auto (system: light)
      expect(await html.getAttribute('data-theme')).toBe('light');
      await page.reload();
      expect(await html.getAttribute('data-theme')).toBe('light');
      expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
    });

    it('applies a stored dark theme before the first paint (no flash)', async () => {
      const page = await session.context.newPage();
      await page.goto(`${base}/`);
      await page.evaluate(() => localStorage.setItem('theme', 'dark'));
      await page.addInitScript(RECORD_FIRST_PAINT_THEME);
      await page.goto(`${base}/en/`);
      expect(
        await page.evaluate(() => (window as unknown as { __themeAtFirstPaint?: string }).__themeAtFirstPaint),
      ).toBe('dark');
    });
  });

  describe('with a dark system preference', () => {
    beforeEach(async () => {
      session = await openBrowser({ colorScheme: 'dark' });
    });
    it('starts dark with no stored choice, before the first paint', async () => {
      const page = await session.context.newPage();
      await page.addInitScript(RECORD_FIRST_PAINT_THEME);
      await page.goto(`${base}/`);
      expect(
        await page.evaluate(() => (window as unknown as { __themeAtFirstPaint?: string }).__themeAtFirstPaint),
      ).toBe('dark');
    });
  });
});
