// Every page of the built site loads with no console error and no failed request.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, watchProblems, type Session } from './support/browser.ts';

const base = inject('baseUrl');
const dist = process.env.E2E_DIST ?? 'dist';

/** All page paths listed in the sitemap, plus the 404 page. */
function sitePaths(): string[] {
  const xml = readFileSync(`${dist}/sitemap-0.xml`, 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  return [...paths, '/this-page-does-not-exist/'];
}

describe('every built page', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(() => session.close());

  it('is listed in the sitemap in both languages', () => {
    const paths = sitePaths();
    expect(paths).toContain('/');
    expect(paths).toContain('/en/');
    expect(paths.filter((p) => p.startsWith('/notes/')).length).toBeGreaterThanOrEqual(2);
    expect(paths.filter((p) => p.startsWith('/en/notes/')).length).toBeGreaterThanOrEqual(2);
  });

  // The time limit below guards against hangs and is not a timing goal: visiting every page of the site (90 and
  // growing) one after another, beside another spec file on a 2-core machine, took 55–60 s, at the 60 s default.
  it('loads with no console errors and no failed requests', async () => {
    const page = await session.context.newPage();
    const problems = watchProblems(page);
    const paths = sitePaths();
    for (const path of paths) {
      const response = await page.goto(base + path, { waitUntil: 'load' });
      const expected = path === '/this-page-does-not-exist/' ? 404 : 200;
      expect(response?.status(), path).toBe(expected);
      expect(await page.locator('html').getAttribute('lang'), path).toMatch(/^(zh-CN|en)$/);
    }
    // The deliberate 404 is the only failed request allowed.
    expect(problems.failedRequests.filter((r) => !r.includes('/this-page-does-not-exist/'))).toEqual([]);
    expect(problems.consoleErrors.filter((e) => !e.includes('404'))).toEqual([]);
    await page.close();
  }, 300_000);
});
