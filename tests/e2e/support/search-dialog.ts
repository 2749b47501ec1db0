// Opening the search dialog from the keyboard, as a reader does, right after a page loads.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

const isOpen = (dialog: Locator) => dialog.evaluate((d) => (d as HTMLDialogElement).open);

/**
 * Presses `key` until the search dialog is open, and returns the dialog with an empty search field.
 * Why more than one press: Chromium can drop input that arrives before the page's first frame is drawn, and on
 * a loaded 2-core machine that frame can come well after "load" (a CI run pressed `/` for a whole second and
 * nothing opened, with the shortcut set up long before). The first press waits for a drawn frame; later
 * presses come only while the dialog is still closed, and a `/` that reached the field is cleared.
 */
export async function openSearchByKeyboard(page: Page, key = '/'): Promise<Locator> {
  const dialog = page.getByTestId('search-dialog');
  await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
  await expect
    .poll(
      async () => {
        if (await isOpen(dialog)) return true;
        await page.keyboard.press(key);
        return isOpen(dialog);
      },
      { timeout: 15_000, interval: 250 },
    )
    .toBe(true);
  await dialog.getByTestId('search-input').fill('');
  return dialog;
}

/**
 * Waits until the dialog's results answer `query` (as typed; the tests' queries need no normalizing). The status
 * line is no witness: after a second query it still reads "found" for the first one until the new results arrive.
 */
export async function waitForResults(dialog: Locator, query: string, timeout = 10_000): Promise<void> {
  await expect.poll(() => dialog.getByTestId('search-results').getAttribute('data-query'), { timeout }).toBe(query);
}
