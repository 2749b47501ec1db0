// Display formulas wider than the column, which a keyboard user must be able to reach to scroll
// (src/client/wide-formulas.ts). Measured here the way axe measures: the whole page laid out.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** How many display formulas are wider than the column, and how many of those cannot take the focus. */
export function wideFormulas(page: Page): Promise<{ wide: number; unreachable: number }> {
  return page.evaluate(() => {
    const wide = [...document.querySelectorAll<HTMLElement>('.katex-display')].filter(
      (formula) => formula.scrollWidth > formula.clientWidth,
    );
    return { wide: wide.length, unreachable: wide.filter((formula) => formula.tabIndex !== 0).length };
  });
}

/**
 * Presses Tab until every wide formula can take the focus. A formula in a section the browser has not drawn is
 * measured on the reader's first Tab, once the page's code for it has loaded.
 */
export async function tabUntilWideFormulasReachable(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        if ((await wideFormulas(page)).unreachable === 0) return 0;
        await page.keyboard.press('Tab');
        return (await wideFormulas(page)).unreachable;
      },
      { timeout: 15_000, interval: 250 },
    )
    .toBe(0);
}
