// The strict Content-Security-Policy holds: KaTeX, Shiki, the theme toggle, search, the widgets and the
// service worker all work under it with no violation.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, watchProblems, type Session } from './support/browser.ts';
import { openSearchByKeyboard } from './support/search-dialog.ts';

const base = inject('baseUrl');

const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
  });
`;
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

describe('Content-Security-Policy', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser();
    await session.context.addInitScript(RECORD_VIOLATIONS);
  });
  afterAll(() => session.close());

  it('every page declares a policy without unsafe-inline or unsafe-eval for scripts', async () => {
    const page = await session.context.newPage();
    await page.goto(`${base}/notes/neuron/`);
    const policy = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content'))!;
    const scriptSrc = /script-src ([^;]+)/.exec(policy)![1]!;
    expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(scriptSrc).toMatch(/'sha256-/);
    expect(policy).toMatch(/object-src 'none'/);
  });

  it.each([
    '/',
    '/notes/activation-functions/',
    '/en/notes/neuron/',
    '/notes/learning-methods/',
    '/en/graph/',
    '/search/',
    '/review/',
  ])('%s works with no violation', async (path) => {
    const page = await session.context.newPage();
    const problems = watchProblems(page);
    await page.goto(base + path);
    await page.waitForLoadState('networkidle');
    const before = await page.locator('html').getAttribute('data-theme-preference');
    await page.getByTestId('theme-toggle').click(); // the toggle's script runs under the policy
    expect(await page.locator('html').getAttribute('data-theme-preference')).not.toBe(before);
    expect(await violations(page)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it('search (Pagefind and its WebAssembly) runs under the policy', async () => {
    const page = await session.context.newPage();
    await page.goto(`${base}/notes/neuron/`);
    const dialog = await openSearchByKeyboard(page);
    await dialog.getByTestId('search-input').fill('激活函数');
    await expect.poll(() => dialog.getByTestId('search-status').textContent(), { timeout: 10_000 }).toMatch(/找到/);
    expect(await violations(page)).toEqual([]);
  });
});
