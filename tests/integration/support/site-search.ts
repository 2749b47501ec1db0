// Searches a built site the way a reader does: the search dialog of one of its pages (the Chinese home page unless
// told), in Chromium.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openBrowser, watchProblems, type Session } from '../../e2e/support/browser.ts';
import { serveStatic } from '../../e2e/support/server.ts';
import { waitForResults } from '../../e2e/support/search-dialog.ts';

/** The paths of the results for `query`, in the order the dialog lists them. */
export async function searchResults(page: Page, query: string, { both = false } = {}): Promise<string[]> {
  await page.getByTestId('search-button').click();
  const dialog = page.getByTestId('search-dialog');
  if (both) await dialog.getByTestId('search-both').check();
  await dialog.getByTestId('search-input').fill(query);
  await waitForResults(dialog, query);
  return dialog.locator('a[role="option"]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}

export interface SiteSearchOptions {
  /** A browser to reuse. */
  session?: Session | undefined;
  /** The page to search from: `/` (the default) or `/en/`. */
  from?: string;
  /** Tick "also search the other language's notes". */
  both?: boolean;
}

/** Each query's results on the site built in `dist`; fails on a console error or a failed request. */
export async function searchSite(
  dist: string,
  queries: readonly string[],
  { session, from = '/', both = false }: SiteSearchOptions = {},
): Promise<string[][]> {
  const { server, url } = await serveStatic(dist);
  const own = session ?? (await openBrowser({ serviceWorkers: 'block' }));
  const context = own.context;
  try {
    const page = await context.newPage();
    const problems = watchProblems(page);
    const found: string[][] = [];
    for (const query of queries) {
      await page.goto(`${url}${from}`); // each query from a fresh page: nothing of the last one's state carries over
      found.push(await searchResults(page, query, { both }));
    }
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await page.close();
    return found;
  } finally {
    if (!session) await own.close();
    server.close();
  }
}
