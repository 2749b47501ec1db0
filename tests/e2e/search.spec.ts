// Search: golden queries in both languages, the dialog by keyboard, landing highlight, failure, bad input.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, watchProblems, type Session } from './support/browser.ts';
import { openSearchByKeyboard, waitForResults } from './support/search-dialog.ts';

const base = inject('baseUrl');
const dist = process.env.E2E_DIST ?? 'dist';

/** Each query must rank its note first. Chinese ones run from a Chinese page, English from an English one. */
export const GOLDEN: Array<{ from: string; query: string; expect: string }> = [
  { from: '/', query: '激活函数', expect: '/notes/activation-functions/' },
  { from: '/', query: '神经元', expect: '/notes/neuron/' },
  { from: '/', query: '梯度下降', expect: '/notes/learning-methods/' },
  { from: '/', query: '卷积神经网络', expect: '/notes/network-architectures/' },
  { from: '/', query: '反向传播', expect: '/notes/learning-methods/' },
  { from: '/', query: '图像修复', expect: '/notes/sota-image-models/' },
  { from: '/', query: '支持向量机', expect: '/notes/ai-taxonomy/' },
  { from: '/', query: '过拟合', expect: '/notes/machine-learning-process/' },
  { from: '/', query: 'Core ML', expect: '/notes/apple-core-ml/' },
  { from: '/en/', query: 'activation function', expect: '/en/notes/activation-functions/' },
  { from: '/en/', query: 'gradient descent', expect: '/en/notes/learning-methods/' },
  { from: '/en/', query: 'inpainting', expect: '/en/notes/sota-image-models/' },
  { from: '/en/', query: 'Core ML', expect: '/en/notes/apple-core-ml/' },
  { from: '/en/', query: 'neural Turing machine', expect: '/en/notes/network-architectures/' },
  // The TeX source of formulas is indexed (KaTeX's rendered HTML and MathML are not).
  { from: '/en/', query: '\\sigma', expect: '/en/notes/activation-functions/' },
];

async function openSearch(page: Page) {
  await page.getByTestId('search-button').click();
  const input = page.getByTestId('search-dialog').getByTestId('search-input');
  await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
  return input;
}

async function resultPaths(page: Page): Promise<string[]> {
  const links = page.getByTestId('search-dialog').locator('a[role="option"]');
  return await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
}

async function searchFor(page: Page, query: string): Promise<string[]> {
  const input = await openSearch(page);
  await input.fill(query);
  await waitForResults(page.getByTestId('search-dialog'), query);
  return resultPaths(page);
}

describe('search', () => {
  let session: Session;
  beforeAll(async () => {
    // No service worker: its precache would answer the index requests that one test blocks.
    session = await openBrowser({ serviceWorkers: 'block' });
  });
  afterAll(() => session.close());

  it('downloads nothing of the search until it is opened', async () => {
    const page = await session.context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${base}/notes/neuron/`);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((u) => /pagefind|controller/.test(u))).toEqual([]);
    await openSearch(page);
    await expect.poll(() => requested.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
  });

  it.each(GOLDEN)('ranks $expect first for "$query"', async ({ from, query, expect: expected }) => {
    const page = await session.context.newPage();
    const problems = watchProblems(page);
    await page.goto(base + from);
    const paths = await searchFor(page, query);
    expect(paths[0]).toBe(expected);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it('searches the current language only, unless asked to search both', async () => {
    const page = await session.context.newPage();
    await page.goto(`${base}/`);
    const paths = await searchFor(page, 'ReLU');
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => !p.startsWith('/en/'))).toBe(true);
    await page.getByTestId('search-dialog').getByTestId('search-both').check();
    await expect
      .poll(async () => (await resultPaths(page)).some((p) => p.startsWith('/en/')), { timeout: 10_000 })
      .toBe(true);
  });

  it('works by keyboard alone: / opens, arrows move, Enter opens, Esc closes and focus returns', async () => {
    const page = await session.context.newPage();
    await page.goto(`${base}/en/notes/neuron/`);
    const button = page.getByTestId('search-button');
    await button.focus();
    const dialog = await openSearchByKeyboard(page);
    await page.keyboard.press('Escape');
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('Control+k');
    await page.keyboard.type('gradient descent');
    // The whole query's results: on a busy machine those of a prefix ("gradient desc") can render first.
    const whole = dialog.locator('[role="option"][href*="highlight=gradient%20descent"]');
    await expect.poll(() => whole.count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = dialog.locator('[role="option"]').nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    const input = dialog.getByTestId('search-input');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await second.getAttribute('id'));
    // The same query searched again (as when Pagefind finishes loading mid-typing) keeps the chosen result chosen.
    const chosen = await second.getAttribute('href');
    await second.evaluate((el) => el.setAttribute('data-stale', ''));
    await input.dispatchEvent('input');
    await expect.poll(() => dialog.locator('[data-stale]').count()).toBe(0);
    const selected = dialog.locator('[role="option"][aria-selected="true"]');
    expect(await selected.count()).toBe(1);
    expect(await selected.getAttribute('href')).toBe(chosen);
    expect(await input.getAttribute('aria-activedescendant')).toBe(await selected.getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    const target = await selected.getAttribute('href');
    expect(target).not.toBe(chosen);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.href.endsWith(target!) || url.pathname === new URL(target!, base).pathname);
    expect(new URL(page.url()).searchParams.get('highlight')).toBe('gradient descent');
  });

  it('highlights the matched words on the page it lands on', async () => {
    const page = await session.context.newPage();
    await page.goto(`${base}/notes/activation-functions/?highlight=${encodeURIComponent('梯度消失')}`);
    const marks = page.locator('[data-pagefind-body] mark.search-hit');
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    expect(await marks.first().textContent()).toBe('梯度消失');
  });

  it('shows tag chips for the results that narrow them to that tag', async () => {
    const page = await session.context.newPage();
    await page.goto(`${base}/`);
    const all = await searchFor(page, '模型');
    expect(all.length).toBeGreaterThan(3);
    const chips = page.getByTestId('search-dialog').locator('.search-chip');
    expect(await chips.count()).toBeGreaterThan(1);
    const chip = chips.last(); // the rarest tag among the results
    const tag = (await chip.getAttribute('data-tag'))!;
    await chip.click();
    // The chips are re-rendered for the narrowed results; the chosen one stays, pressed.
    const chosen = page.getByTestId('search-dialog').locator(`.search-chip[data-tag="${tag}"]`);
    await expect.poll(() => chosen.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await resultPaths(page)).join(','), { timeout: 10_000 }).not.toBe(all.join(','));
    const narrowed = await resultPaths(page);
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(all.length);
    for (const path of narrowed) {
      expect(readFileSync(`${dist}${path}index.html`, 'utf8'), path).toContain(
        `data-pagefind-filter="tag">${tag}</span>`,
      );
    }
  });

  it('says so when the index cannot be loaded, and the page keeps working', async () => {
    const page = await session.context.newPage();
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(`${base}/en/`);
    const input = await openSearch(page);
    await input.fill('neuron');
    const status = page.getByTestId('search-dialog').getByTestId('search-status');
    await expect.poll(() => status.textContent()).toMatch(/could not be loaded/);
    await page.keyboard.press('Escape');
    await page.getByTestId('theme-toggle').click();
    expect(await page.locator('html').getAttribute('data-theme-preference')).toBe('light');
  });

  it('handles odd queries without errors and never renders them as HTML', async () => {
    const page = await session.context.newPage();
    const problems = watchProblems(page);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${base}/en/`);
    const input = await openSearch(page);
    for (const query of [
      '?!…',
      'x'.repeat(1000),
      '🙂🚀',
      '<img src=x onerror=alert(1)>',
      '"unclosed',
      '梯度'.repeat(300),
    ]) {
      await input.fill(query);
      await page.waitForTimeout(250);
    }
    await input.fill('<img src=x onerror=alert(1)> neuron');
    await expect
      .poll(() => page.getByTestId('search-dialog').getByTestId('search-status').textContent(), { timeout: 10_000 })
      .toMatch(/found|No notes/);
    expect(await page.locator('[data-search-dialog] img').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(problems.consoleErrors).toEqual([]);
  });
});

describe('glossary synonyms', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(() => session.close());

  it.each([
    ['/', 'ReLU'],
    ['/', '线性整流函数'],
    ['/', 'rectified linear unit'],
    ['/en/', 'ReLU'],
    ['/en/', '线性整流函数'],
    ['/en/', 'rectified linear unit'],
  ])('from %s, "%s" reaches the activation-functions note in the page’s language', async (from, query) => {
    const page = await session.context.newPage();
    await page.goto(base + from);
    const paths = await searchFor(page, query);
    const expected = from === '/' ? '/notes/activation-functions/' : '/en/notes/activation-functions/';
    expect(paths.slice(0, 3)).toContain(expected);
    expect(paths.every((p) => p.startsWith('/en/') === (from === '/en/'))).toBe(true);
  });

  it('finds the same notes for 激活函数 on the English site as for activation function', async () => {
    const page = await session.context.newPage();
    await page.goto(`${base}/en/`);
    const byChinese = await searchFor(page, '激活函数');
    await page.keyboard.press('Escape');
    const byEnglish = await searchFor(page, 'activation function');
    expect(byChinese[0]).toBe(byEnglish[0]);
  });
});
