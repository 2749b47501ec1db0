// The site's own notes built as a fork publishes them on GitHub Pages: under BASE_PATH, as a project site
// (https://owner.github.io/<repo>/) is served, with giscus discussions configured. The site is then read under
// that path only: a URL the build forgot to move gets the 404 page.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFolder, inTurn } from './support/checkout-build.ts';
import { mapCssUrls, stripBase } from '../../src/lib/text/base-path.ts';
import { rewriteHtmlUrls } from '../../src/lib/text/html-urls.ts';
import { openBrowser, watchProblems, type Session } from '../e2e/support/browser.ts';
import { serveStatic } from '../e2e/support/server.ts';
import { searchResults } from './support/site-search.ts';

const BASE = '/deep-learning-notes/';
const ORIGIN = 'https://owner.github.io';
const GISCUS = {
  GISCUS_REPO: 'owner/deep-learning-notes',
  GISCUS_REPO_ID: 'R_kgDOTest',
  GISCUS_CATEGORY: 'Notes',
  GISCUS_CATEGORY_ID: 'DIC_kwDOTest',
};
const work = buildFolder('dln-base-path');
const out = join(work, 'dist');

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
const read = (path: string) => readFileSync(join(out, path), 'utf8');

/** Every URL a page or stylesheet of the site asks for, with the file it came from. */
function urlsOfSite(): { file: string; url: string }[] {
  const found: { file: string; url: string }[] = [];
  for (const path of walk(out)) {
    const file = path.slice(out.length + 1);
    const collect = (url: string) => (found.push({ file, url }), url);
    const css = (text: string) => mapCssUrls(text, collect);
    if (file.endsWith('.html'))
      rewriteHtmlUrls(readFileSync(path, 'utf8'), { url: collect, css, srcset: (srcset) => srcset });
    else if (file.endsWith('.css')) css(readFileSync(path, 'utf8'));
  }
  return found;
}

/** `/deep-learning-notes/notes/x/#y` → the built file it names, or undefined when it is no file of the site. */
function fileOf(url: string): string | undefined {
  const path = stripBase(decodeURIComponent(url.replace(/[?#].*$/, '')), BASE);
  const file = join(out, path.endsWith('/') ? `${path}index.html` : path);
  return existsSync(file) ? file : undefined;
}

let server: Server;
let site: string;
let session: Session;

beforeAll(async () => {
  const run = inTurn(() =>
    spawnSync(process.execPath, ['scripts/build.ts'], {
      env: {
        ...process.env,
        ...GISCUS,
        BASE_PATH: BASE,
        SITE_URL: ORIGIN,
        ASTRO_OUT_DIR: out,
        FORCE_COLOR: '0',
        NO_COLOR: '1',
      },
      encoding: 'utf8',
    }),
  );
  if (run.status !== 0) throw new Error(`${run.stdout}\n${run.stderr}`);
  const served = await serveStatic(out, { base: BASE });
  server = served.server;
  site = served.url + BASE.slice(0, -1);
  session = await openBrowser();
  // No network here: giscus answers with a page of its own, for every test that happens to scroll to it.
  await session.context.route('https://giscus.app/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>giscus</title>' }),
  );
}, 400_000);

afterAll(async () => {
  await session.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a site built with BASE_PATH', () => {
  it('asks only for URLs under the base, each of them a file of the site', () => {
    const urls = urlsOfSite().filter(({ url }) => url.startsWith('/') && !url.startsWith('//'));
    expect(urls.length).toBeGreaterThan(1000);
    expect(urls.filter(({ url }) => !url.startsWith(BASE))).toEqual([]);
    expect(urls.filter(({ url }) => fileOf(url) === undefined)).toEqual([]);
  });

  it('names its pages with the base in canonical and hreflang links, the sitemap, RSS, manifest and robots.txt', () => {
    const note = read('notes/neuron/index.html');
    expect(note).toContain(`<link rel="canonical" href="${ORIGIN}${BASE}notes/neuron/">`);
    expect(note).toMatch(new RegExp(`hreflang="en" href="${ORIGIN}${BASE}en/notes/neuron/"`));
    expect(note).toContain(`content="${ORIGIN}${BASE}og.png"`);
    expect(note).toContain(`data-base="${BASE}"`);
    const sitemap = read('sitemap-0.xml');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(20);
    expect(locs.filter((loc) => !loc.startsWith(`${ORIGIN}${BASE}`))).toEqual([]);
    expect(read('rss.xml')).toContain(`<link>${ORIGIN}${BASE}notes/neuron/</link>`);
    expect(read('robots.txt')).toContain(`Sitemap: ${ORIGIN}${BASE}sitemap-index.xml`);
    const manifest = JSON.parse(read('manifest.webmanifest')) as { start_url: string; scope: string };
    expect([manifest.start_url, manifest.scope]).toEqual([BASE, BASE]);
  });

  it('loads every page of its sitemap with no failed request or console error', async () => {
    const locs = [...read('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const page = await session.context.newPage();
    const problems = watchProblems(page);
    for (const path of [...locs, `${BASE}404.html`, `${BASE}offline/`]) {
      const response = await page.goto(site + path.slice(BASE.length - 1), { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
    }
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await page.close();
  }, 300_000);

  it('finds a note with the search and opens it under the base, its words highlighted', async () => {
    const page = await session.context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site}/`);
    const results = await searchResults(page, '激活函数');
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((path) => !path.startsWith(BASE) || fileOf(path) === undefined)).toEqual([]);
    await page.getByTestId('search-dialog').locator('a[role="option"]').first().click();
    await page.waitForURL((url) => url.pathname.startsWith(`${BASE}notes/`) && url.search.includes('highlight'));
    await expect.poll(() => page.locator('mark').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await page.close();
  });

  it('runs a widget and previews a linked note on hover', async () => {
    const page = await session.context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site}/en/notes/neuron/`);
    const widget = page.getByTestId('neuron-widget');
    const z = widget.getByTestId('z-line');
    const before = await z.textContent();
    await widget.getByRole('slider', { name: 'x1', exact: true }).focus();
    await page.keyboard.press('End');
    await expect.poll(() => z.textContent()).not.toBe(before);
    // Hover data is fetched by the script, from under the base.
    await page.locator('.prose a[href$="/notes/deep-learning-process/"]').first().hover();
    await expect
      .poll(() => page.getByTestId('link-preview').textContent(), { timeout: 10_000 })
      .toContain('deep-learning process');
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await page.close();
  });

  it('registers its service worker with the base as scope, and reads a page offline', async () => {
    const page = await session.context.newPage();
    await page.goto(`${site}/en/`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe(BASE);
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 })
      .toBe(true);
    await session.context.setOffline(true);
    await page.goto(`${site}/notes/neuron/`);
    expect(await page.locator('h1').first().textContent()).toContain('神经元');
    await session.context.setOffline(false);
    await page.close();
  }, 120_000);
});

describe('discussion under each note (giscus)', () => {
  const csp = (html: string) => /http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1] ?? '';

  it('is a link to the thread on GitHub in the page, and widens the policy only where it is shown', () => {
    const note = read('en/notes/neuron/index.html');
    expect(note).toContain('data-testid="discussion"');
    expect(note).toContain(
      'href="https://github.com/owner/deep-learning-notes/discussions?discussions_q=%22en%2Fnotes%2Fneuron%2F%22"',
    );
    expect(csp(note)).toMatch(/frame-src [^;]*https:\/\/giscus\.app/);
    for (const page of ['index.html', 'en/tags/index.html', 'graph/index.html']) {
      expect(read(page)).not.toContain('data-testid="discussion"');
      expect(csp(read(page))).not.toContain('giscus.app');
    }
  });

  it('loads giscus when the reader scrolls to it, themed like the page, and follows the theme toggle', async () => {
    const page = await session.context.newPage();
    const frames: string[] = [];
    await page.route('https://giscus.app/**', (route) => {
      frames.push(route.request().url());
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>giscus</title><p>comments</p>' });
    });
    await page.goto(`${site}/en/notes/neuron/`);
    expect(await page.locator('giscus-widget').count()).toBe(0);
    await page.getByTestId('discussion').scrollIntoViewIfNeeded();
    await expect.poll(() => frames.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const src = new URL(frames[0]!);
    expect(src.pathname).toMatch(/\/widget$/);
    expect(src.searchParams.get('term')).toBe('en/notes/neuron/');
    expect(src.searchParams.get('repo')).toBe(GISCUS.GISCUS_REPO);
    expect(src.searchParams.get('theme')).toBe('light');
    await page.getByTestId('theme-toggle').click();
    await expect
      .poll(() => page.locator('giscus-widget').getAttribute('theme'))
      .toBe(await page.evaluate(() => document.documentElement.dataset.theme));
    await page.close();
  });

  it('stays a link offline', async () => {
    const page = await session.context.newPage();
    await page.goto(`${site}/en/`);
    await page.evaluate(async () => navigator.serviceWorker.ready);
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 })
      .toBe(true);
    await session.context.setOffline(true);
    try {
      await page.goto(`${site}/en/notes/neuron/`);
      await page.getByTestId('discussion').scrollIntoViewIfNeeded();
      await expect.poll(() => page.locator('[data-discussion-offline]').isVisible()).toBe(true);
      expect(await page.locator('giscus-widget').count()).toBe(0);
      expect(await page.getByTestId('discussion-link').isVisible()).toBe(true);
    } finally {
      await session.context.setOffline(false);
      await page.close();
    }
  }, 60_000);
});
