// Reading offline: the unzipped bundle from file:// (no server), and the installable site with the
// network switched off after one visit.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, watchProblems, type Session } from './support/browser.ts';
import { openSearchByKeyboard, waitForResults } from './support/search-dialog.ts';

const base = inject('baseUrl');
const dist = process.env.E2E_DIST ?? 'dist';

async function searchFor(page: Page, query: string): Promise<string[]> {
  const dialog = await openSearchByKeyboard(page);
  await dialog.getByTestId('search-input').fill(query);
  await waitForResults(dialog, query, 15_000);
  return dialog.locator('a[role="option"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
}

describe('the offline bundle, unzipped and opened from file://', () => {
  const work = mkdtempSync(join(tmpdir(), '学习 笔记 '));
  let root: string;
  let session: Session;

  beforeAll(async () => {
    const zips = existsSync('bundle') ? readdirSync('bundle').filter((f) => f.endsWith('.zip')) : [];
    if (zips.length !== 1) throw new Error('expected one bundle/*.zip: run `npm run bundle` first (npm test does)');
    // Unzip with Python's zipfile, as a reader's unzip tool would, into a folder with spaces and Chinese.
    const unzip = spawnSync('python3', ['-m', 'zipfile', '-e', resolve('bundle', zips[0]!), work], {
      encoding: 'utf8',
    });
    expect(unzip.status, unzip.stderr).toBe(0);
    root = join(work, zips[0]!.replace(/\.zip$/, ''));
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('opens index.html, follows links across pages, loads CSS and KaTeX fonts, and says which version it is', async () => {
    const page = await session.context.newPage();
    const problems = watchProblems(page);
    await page.goto(pathToFileURL(join(root, 'index.html')).href);
    expect(await page.getByTestId('bundle-version').textContent()).toMatch(/\d+\.\d+\.\d+ · \d{4}-\d{2}-\d{2}/);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).position)).toBe(
      'sticky',
    );

    await page.locator('.roadmap-list a[href$="notes/neuron/index.html"]').click();
    await page.waitForURL(/notes\/neuron\/index\.html$/);
    await page.locator('.prev-next__link--next').click();
    await page.waitForURL(/notes\/activation-functions\/index\.html$/);
    expect(await page.locator('.katex').count()).toBeGreaterThan(5);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
    await page.getByTestId('language-switch').click();
    await page.waitForURL(/en\/notes\/activation-functions\/index\.html$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // English text's self-hosted Latin face (src/styles/fonts.css) loads from file:// too.
    const latin = await page.evaluate(async () => (await document.fonts.load('16px "Source Sans 3"', 'a’s')).length);
    expect(latin).toBe(1);

    expect(problems.failedRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('runs both widgets from file://', async () => {
    const page = await session.context.newPage();
    const problems = watchProblems(page);
    await page.goto(pathToFileURL(join(root, 'en', 'notes', 'neuron', 'index.html')).href);
    const neuron = page.getByTestId('neuron-widget');
    await neuron.and(page.locator('[data-ready]')).waitFor();
    await neuron.getByTestId('w1-input').fill('2');
    expect((await neuron.getByTestId('z-line').textContent())?.trim()).toBe('z = 0.5×2 + (−1)×0.3 + 0.1 = 0.8');

    await page.goto(pathToFileURL(join(root, 'en', 'notes', 'activation-functions', 'index.html')).href);
    const plot = page.getByTestId('activation-plot');
    await plot.and(page.locator('[data-ready]')).waitFor();
    const range = await plot.getByTestId('x-range').textContent();
    await plot.getByTestId('zoom-in').click();
    expect(await plot.getByTestId('x-range').textContent()).not.toBe(range);

    expect(problems.failedRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('searches in Chinese and English with the same results as the served site', async () => {
    const page = await session.context.newPage();
    const problems = watchProblems(page);
    await page.goto(pathToFileURL(join(root, 'notes', 'roadmap', 'index.html')).href);
    const zh = await searchFor(page, '激活函数');
    expect(zh[0]).toMatch(/\/notes\/activation-functions\/index\.html\?highlight=/);

    const served = await session.context.newPage();
    await served.goto(`${base}/notes/roadmap/`);
    const zhServed = await searchFor(served, '激活函数');
    const pathOf = (href: string) => /\/((?:en\/)?notes\/[^/]+)\//.exec(href)?.[1];
    expect(zh.map(pathOf)).toEqual(zhServed.map(pathOf));

    await page.goto(pathToFileURL(join(root, 'en', 'index.html')).href);
    const en = await searchFor(page, 'gradient descent');
    expect(en[0]).toMatch(/\/en\/notes\/learning-methods\/index\.html/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/learning-methods\/index\.html\?highlight=/);
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);

    expect(problems.failedRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('answers a self-check question and reviews it from file://', async () => {
    const page = await session.context.newPage();
    const problems = watchProblems(page);
    await page.goto(pathToFileURL(join(root, 'en', 'notes', 'neuron', 'index.html')).href);
    const quiz = page.getByTestId('quiz-question').first();
    await quiz.scrollIntoViewIfNeeded();
    await page.waitForSelector('.quiz.is-live');
    const answer = (await quiz.getAttribute('data-answer'))!;
    await quiz.locator(`input[value="${answer === 'A' ? 'B' : 'A'}"]`).check();
    await quiz.getByTestId('quiz-check').click();
    await expect.poll(() => quiz.getByTestId('quiz-feedback').textContent()).toMatch(/^Not quite\./);
    await page.locator('.site-nav a[href$="review/index.html"]').click();
    await page.waitForURL(/\/en\/review\/index\.html$/);
    // Chromium hands a localStorage write to its browser process asynchronously, and a page of file:// may open in
    // another renderer before the answer arrives there (CI once saw no item): read again until it has arrived.
    await expect
      .poll(async () => {
        await page.waitForSelector('[data-review-ready]');
        const items = await page.locator('[data-testid="review-item"]:visible').count();
        if (items === 0) await page.reload();
        return items;
      })
      .toBe(1);
    expect(await page.getByTestId('review-status').textContent()).toBe('Questions due for review: 1.');
    expect(problems.failedRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});

describe('the installable site', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(() => session.close());

  it('has a manifest and a service worker', async () => {
    const page = await session.context.newPage();
    await page.goto(`${base}/`);
    const manifest = await page.evaluate(async () =>
      (await fetch(document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href)).json(),
    );
    expect(manifest).toMatchObject({ start_url: '/', display: 'standalone' });
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
  });

  it('after one visit, reads another note and searches with the network off', async () => {
    const page = await session.context.newPage();
    await page.goto(`${base}/en/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // Precaching runs in the worker's install step; wait until it controls the page.
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 })
      .toBe(true);
    await session.context.setOffline(true);
    try {
      await page.goto(`${base}/notes/learning-methods/`);
      expect(await page.locator('h1').textContent()).toBe('学习方式');
      const results = await searchFor(page, '反向传播');
      expect(new URL(results[0]!).pathname).toBe('/notes/learning-methods/');
      await page.goto(`${base}/review/`);
      expect(await page.locator('h1').textContent()).toBe('复习');
      await page.goto(`${base}/notes/not-a-note/`);
      expect(await page.getByTestId('offline-page').count()).toBe(1);
    } finally {
      await session.context.setOffline(false);
    }
  });

  it('offers a quiet "new version, reload" prompt when the site is updated', async () => {
    const page = await session.context.newPage();
    await page.goto(`${base}/`);
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 })
      .toBe(true);
    const original = readFileSync(`${dist}/sw.js`);
    try {
      appendFileSync(`${dist}/sw.js`, '\n// a new deployment\n'); // any byte change makes a new worker version
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      const toast = page.getByTestId('update-toast');
      await expect.poll(() => toast.count(), { timeout: 30_000 }).toBe(1);
      expect(await toast.getAttribute('role')).toBe('status');
      await Promise.all([page.waitForEvent('load'), toast.getByRole('button', { name: '刷新' }).click()]);
      expect(await page.getByTestId('update-toast').count()).toBe(0);
    } finally {
      writeFileSync(`${dist}/sw.js`, original);
    }
  });
});
