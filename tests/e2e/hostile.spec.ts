// A note that tries to take the page over (tests/fixtures/hostile-html/site): `<img name="getElementById">`
// used to make document.getElementById an element, so the page's script threw in its table-of-contents set-up
// and nothing after it ran; a fixed, full-page box covered everything with the note's link. The page must
// still work: no script error, search opens and finds, the table of contents follows the reader, nothing covers
// the header. The fixture site is built here (or read from HOSTILE_DIST), apart from the site E2E_DIST holds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, watchProblems, type Session } from './support/browser.ts';
import { openSearchByKeyboard } from './support/search-dialog.ts';
import { serveStatic } from './support/server.ts';

const NOTE = '/en/notes/clobber/';
const work = mkdtempSync(join(tmpdir(), 'dln-hostile-e2e-'));

describe('a hostile note', () => {
  let session: Session;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    let dist = process.env.HOSTILE_DIST;
    if (!dist) {
      dist = join(work, 'dist');
      const run = spawnSync(process.execPath, ['scripts/build.ts'], {
        env: { ...process.env, NOTES_DIR: 'tests/fixtures/hostile-html/site', ASTRO_OUT_DIR: dist, NO_COLOR: '1' },
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`${run.stdout}\n${run.stderr}`);
    }
    ({ server, url: base } = await serveStatic(dist));
    session = await openBrowser({ viewport: { width: 1280, height: 800 } });
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await new Promise((resolve) => server?.close(resolve));
    rmSync(work, { recursive: true, force: true });
  });

  it('leaves the page’s globals alone and its script runs to the end', async () => {
    const page = await session.context.newPage();
    const problems = watchProblems(page);
    await page.goto(base + NOTE);
    expect(await page.evaluate(() => typeof document.getElementById)).toBe('function');
    expect(await page.evaluate(() => typeof document.querySelectorAll)).toBe('function');
    expect(await page.evaluate(() => typeof window.addEventListener)).toBe('function');
    // The last thing the script sets up before the service worker: the "mark as studied" button appears.
    await expect.poll(() => page.getByTestId('mark-studied').isVisible()).toBe(true);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('opens search from the keyboard and finds the note', async () => {
    const page = await session.context.newPage();
    await page.goto(base + NOTE);
    const dialog = await openSearchByKeyboard(page);
    await page.keyboard.type('hostile');
    // Results for the whole word: on a busy machine a search for "hostil" can render first and then be replaced.
    const found = dialog.locator('[role="option"][href*="highlight=hostile"]');
    await expect.poll(() => found.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    const option = dialog.locator('[role="option"]').first();
    const active = await dialog.getByTestId('search-input').getAttribute('aria-activedescendant');
    expect(active).toBe(await option.getAttribute('id'));
    // The option is the one element with that id, whatever the note's headings are.
    expect(await page.evaluate((id) => document.querySelectorAll(`[id="${id}"]`).length, active!)).toBe(1);
  });

  it('marks the section being read in the table of contents, for headings named like the layout’s ids', async () => {
    const page = await session.context.newPage();
    await page.goto(base + NOTE);
    await page.evaluate(() => document.getElementById('main-2')!.scrollIntoView({ block: 'start' }));
    await expect
      .poll(() => page.locator('[data-toc-link][aria-current="true"]').getAttribute('data-toc-link'))
      .toBe('main-2');
    await page.evaluate(() => scrollTo(0, 0));
    await expect
      .poll(() => page.locator('[data-toc-link][aria-current="true"]').getAttribute('data-toc-link'))
      .toBe('top');
  });

  it('cannot cover the page with its box: the header’s search button is what a click in the corner reaches', async () => {
    const page = await session.context.newPage();
    await page.goto(base + NOTE);
    const position = await page
      .getByRole('link', { name: 'The whole page is this link' })
      .evaluate((link) => getComputedStyle(link.parentElement!).position);
    expect(position).toBe('static');
    const button = page.locator('[data-search-button]').first();
    const box = (await button.boundingBox())!;
    const hit = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-search-button]') !== null,
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(hit).toBe(true);
  });
});
