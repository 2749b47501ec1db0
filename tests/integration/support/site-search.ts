// Searches a built site the way a reader does: the search dialog of its Chinese home page, in Chromium.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openBrowser, watchProblems, type Session } from '../../e2e/support/browser.ts';
import { serveStatic } from '../../e2e/support/server.ts';

/** The paths of the results for `query`, in the order the dialog lists them. */
export async function searchResults(page: Page, query: string): Promise<string[]> {
  await page.getByTestId('search-button').click();
  const dialog = page.getByTestId('search-dialog');
  await dialog.getByTestId('search-input').fill(query);
  await expect.poll(() => dialog.getByTestId('search-status').textContent(), { timeout: 10_000 }).toMatch(/找到|没有/);
  return dialog.locator('a[role="option"]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}

/** Each query's results on the site built in `dist`; fails on a console error or a failed request. */
export async function searchSite(dist: string, queries: readonly string[], session?: Session): Promise<string[][]> {
  const { server, url } = await serveStatic(dist);
  const own = session ?? (await openBrowser({ serviceWorkers: 'block' }));
  const context = own.context;
  try {
    const page = await context.newPage();
    const problems = watchProblems(page);
    const found: string[][] = [];
    for (const query of queries) {
      await page.goto(`${url}/`); // a status from the last query cannot be mistaken for this one's
      found.push(await searchResults(page, query));
    }
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await page.close();
    return found;
  } finally {
    if (!session) await own.close();
    server.close();
  }
}
