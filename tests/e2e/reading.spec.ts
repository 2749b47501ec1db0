import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Session } from './support/browser.ts';
import { tabUntilWideFormulasReachable, wideFormulas } from './support/wide-formulas.ts';

const base = inject('baseUrl');
const NOTE = '/notes/activation-functions/';

describe('reading a note', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser({
      viewport: { width: 1400, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
  });
  afterAll(() => session.close());

  it('highlights the current section in "on this page" as the reader scrolls', async () => {
    const page = await session.context.newPage();
    await page.goto(base + NOTE);
    const links = page.locator('[data-toc-link]');
    expect(await links.count()).toBeGreaterThan(3);
    await expect
      .poll(() => page.locator('[data-toc-link][aria-current="true"]').getAttribute('data-toc-link'))
      .toBe('top');
    const target = await links.nth(3).getAttribute('data-toc-link');
    await page.locator(`[id="${target}"]`).evaluate((el) => el.scrollIntoView());
    await expect
      .poll(() => page.locator('[data-toc-link][aria-current="true"]').getAttribute('data-toc-link'))
      .toBe(target);
  });

  it('copies a code block with its copy button', async () => {
    const page = await session.context.newPage();
    await page.goto(base + NOTE);
    const block = page.locator('.code-block').first();
    const button = block.getByRole('button', { name: '复制代码' });
    await button.click();
    await expect.poll(() => button.textContent()).toBe('已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.length).toBeGreaterThan(10);
    expect(copied).toBe((await block.locator('pre').innerText()).replace(/\n$/, ''));
  });

  it('renders math with KaTeX fonts, and square roots keep their stretchy glyph', async () => {
    const page = await session.context.newPage();
    await page.goto(base + NOTE);
    expect(await page.locator('.katex').count()).toBeGreaterThan(5);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
    // A page-wide `svg { height: auto }` would collapse KaTeX's stretchy √ to zero height.
    const roots = page.locator('.katex .sqrt svg');
    expect(await roots.count()).toBeGreaterThan(0);
    for (const height of await roots.evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().height))) {
      expect(height).toBeGreaterThan(5);
    }
  });

  it('lays out the sections below the fold only when needed: an anchor lands on its heading, Tab reaches every wide formula', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 400, height: 800 });
    const LONG = '/en/notes/diffusion-models/';
    await page.goto(base + LONG);
    await page.evaluate(() => document.fonts.ready);
    const drawn = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.section-body')].map((body) =>
          body.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }),
        ),
      );
    const atLoad = await drawn();
    expect(atLoad.length).toBeGreaterThan(5);
    expect(atLoad.at(-1)).toBe(false); // the last section is skipped
    // A link to a heading deep in a skipped section lands on it, though the sections above stood in at estimates.
    const target = await page
      .locator('.section-body h3[id]')
      .last()
      .evaluate((heading) => heading.id);
    await page.goto(`${base}${LONG}#${target}`);
    await expect
      .poll(() => page.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), target))
      .toBeLessThan(200);
    expect(
      await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, target),
    ).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('[data-toc-link][aria-current="true"]').getAttribute('data-toc-link'))
      .toBe(target);
    // Back at the top, a wide formula in a section not drawn yet cannot take the focus until the first Tab
    // (measuring it would lay its section out); pressing Tab makes every one reachable.
    await page.goto(base + LONG);
    await page.evaluate(() => document.fonts.ready);
    const atTop = await wideFormulas(page);
    expect(atTop.wide).toBeGreaterThan(3);
    expect(atTop.unreachable).toBeGreaterThan(0);
    await tabUntilWideFormulasReachable(page);
  });

  it('is readable at 320 px with no horizontal page scroll', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of [
      '/',
      NOTE,
      '/en/notes/network-architectures/',
      '/tags/',
      '/en/notes/open-source-tools/',
      '/notes/sota-image-models/',
      '/en/notes/ai-taxonomy/',
      '/notes/glossary/',
      '/en/graph/',
      '/review/',
      '/en/review/',
    ]) {
      await page.goto(base + path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  it('prints without navigation chrome', async () => {
    const page = await session.context.newPage();
    await page.goto(base + NOTE);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.note-layout__sidebar', '.note-layout__toc', '.site-footer']) {
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    }
    expect(await page.locator('article h1').isVisible()).toBe(true);
  });

  it('reaches the content with the skip link', async () => {
    const page = await session.context.newPage();
    await page.goto(base + NOTE);
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});
