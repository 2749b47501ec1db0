import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { openBrowser, type Session } from './support/browser.ts';

const base = inject('baseUrl');
const dist = process.env.E2E_DIST ?? 'dist';

/** A slug that has a real page in both languages (not a "not translated yet" placeholder). */
function translatedSlug(): string {
  const slugs = readdirSync(`${dist}/notes`);
  return slugs.includes('neuron') ? 'neuron' : slugs[0]!;
}

describe('language switch', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(() => session.close());

  it('goes from a Chinese note to the same note in English and back', async () => {
    const slug = translatedSlug();
    const page = await session.context.newPage();
    await page.goto(`${base}/notes/${slug}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const zhTitle = await page.locator('h1').textContent();

    await page.getByTestId('language-switch').click();
    await page.waitForURL(`${base}/en/notes/${slug}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('missing-translation').count()).toBe(0);
    expect(await page.locator('h1').textContent()).not.toBe(zhTitle);

    await page.getByTestId('language-switch').click();
    await page.waitForURL(`${base}/notes/${slug}/`);
    expect(await page.locator('h1').textContent()).toBe(zhTitle);
  });

  it('switches between the home pages', async () => {
    const page = await session.context.newPage();
    await page.goto(`${base}/`);
    await page.getByTestId('language-switch').click();
    await page.waitForURL(`${base}/en/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
});
