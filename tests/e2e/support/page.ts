// One browser page for the tests of a `describe`, which must log no console error and load nothing broken.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { openBrowser, watchProblems, type PageProblems, type Session } from './browser.ts';

export interface CheckedPage {
  readonly session: Session;
  readonly page: Page;
}

/** Registers, in the calling `describe`, a fresh browser with one page, checked for problems at the end. */
export function useCheckedPage(options: BrowserContextOptions = {}): CheckedPage {
  let session: Session | undefined;
  let page: Page | undefined;
  let problems: PageProblems | undefined;
  beforeAll(async () => {
    session = await openBrowser(options);
    page = await session.context.newPage();
    problems = watchProblems(page);
  });
  afterAll(async () => {
    try {
      expect(problems?.consoleErrors).toEqual([]);
      expect(problems?.failedRequests).toEqual([]);
    } finally {
      await session?.close();
    }
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The page is not open yet: use it inside a test');
    return value;
  };
  return {
    get session() {
      return ready(session);
    },
    get page() {
      return ready(page);
    },
  };
}
