import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Session } from './support/browser.ts';

const base = inject('baseUrl');
const NOTE = '/en/notes/sota-image-models/';

describe('citations', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(() => session.close());

  it('shows the reference when a citation gets keyboard focus, and jumps to it and back', async () => {
    const page = await session.context.newPage();
    await page.goto(base + NOTE);
    const first = page.locator('sup.citation a').first();
    const title = await first.getAttribute('title');
    expect(title).toMatch(/^Goodfellow et al\. Generative Adversarial Networks\./);
    await first.focus();
    // Focus by keyboard: the tooltip is the link's ::after, showing its title.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const tooltip = await first.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(tooltip).toBe(JSON.stringify(title));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#ref-goodfellow2014gan');
    await page.locator('#ref-goodfellow2014gan a[href^="#cite-"]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#cite-goodfellow2014gan-1');
  });

  it('lists every cited paper once, in the order of first citation', async () => {
    const page = await session.context.newPage();
    await page.goto(base + NOTE);
    const cited = await page
      .locator('sup.citation a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash.slice(5)));
    const listed = await page.locator('.references li').evaluateAll((items) => items.map((li) => li.id.slice(4)));
    expect(listed).toEqual([...new Set(cited)]);
    expect(listed.length).toBeGreaterThan(10);
  });

  it('keeps the reference shown on focus inside a 320 px wide screen, under the citation and on top', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(base + NOTE);
    const links = page.locator('sup.citation a');
    expect(await links.count()).toBeGreaterThan(10);
    for (let i = 0; i < (await links.count()); i++) {
      await links.nth(i).focus();
      await links.nth(i).evaluate((a) => a.scrollIntoView({ block: 'center' }));
      // The panel is a pseudo-element, which has no bounding box: its box is worked out from its computed style
      // and its containing block (the section, or the note's text before the first section).
      const panel = await links.nth(i).evaluate((link) => {
        const style = getComputedStyle(link, '::after');
        const column = link.closest('.section-body, .prose')!.getBoundingClientRect();
        const left = column.left + parseFloat(style.left);
        const top = link.getBoundingClientRect().bottom + 28;
        // A pseudo-element is hit as its element: whatever else is found there covers or clips the panel.
        const hit = document.elementFromPoint(left + 8, top);
        return { content: style.content, left, right: left + parseFloat(style.width), shown: hit === link };
      });
      expect(panel.content, `citation ${i + 1}`).not.toBe('none');
      expect(panel.left, `citation ${i + 1}`).toBeGreaterThanOrEqual(0);
      expect(panel.right, `citation ${i + 1}`).toBeLessThanOrEqual(320);
      expect(panel.right - panel.left).toBeGreaterThan(100);
      expect(panel.shown, `citation ${i + 1} is covered or clipped`).toBe(true);
    }
  });

  it('offers "cite this note" with a copy button, collapsed until opened', async () => {
    const page = await session.context.newPage();
    await page.goto(base + NOTE);
    const details = page.locator('details.cite-note');
    await expect.poll(() => details.locator('pre').first().isVisible()).toBe(false);
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => details.locator('pre').first().isVisible()).toBe(true);
    expect(await details.locator('pre').first().innerText()).toMatch(/^@misc\{dln-sota-image-models,/);
    // The copy buttons' code loads when the details first open.
    await expect.poll(() => details.getByRole('button', { name: 'Copy code' }).count()).toBe(2);
  });
});
