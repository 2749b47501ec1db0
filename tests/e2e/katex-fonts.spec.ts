// The build subsets KaTeX's fonts to the characters the site's formulas draw in each one
// (src/katex/subset-fonts.ts). A glyph missing from a subset would not fail anything: the browser
// silently draws it in a fallback font. So each page is rendered twice, with the served subsets and with
// KaTeX's whole fonts routed in their place, and the formulas must come out pixel for pixel the same.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { katexDistDir } from '../../src/katex/assets.ts';
import { openBrowser, type Session } from './support/browser.ts';

const base = inject('baseUrl');
const katex = katexDistDir();
const FONT_URLS = `**/vendor/katex-${katex.version}/fonts/*.woff2`;
const fontName = (url: string) => new URL(url).pathname.split('/').pop()!;
const original = (name: string) => readFileSync(join(katex.dir, 'fonts', name));

/** Everything but the formulas hidden, layout unchanged: widgets and text cannot make two loads differ. */
const ONLY_FORMULAS = `
  *, *::before, *::after { visibility: hidden !important; caret-color: transparent !important; }
  .katex, .katex * { visibility: visible !important; }
`;

const SECTIONS_DRAWN = '.prose .section-body { content-visibility: visible !important; }';

interface Rendering {
  screenshot: Buffer;
  /** KaTeX font files the page fetched, with the bytes served. */
  fonts: Map<string, number>;
  /** Faces the page ended up using, as `family weight style`. */
  loadedFaces: string[];
  formulas: number;
}

async function render(page: Page, path: string): Promise<Rendering> {
  const bodies: Promise<[string, number]>[] = [];
  page.on('response', (response) => {
    if (/\/vendor\/katex-[^/]+\/fonts\/[^/]+\.woff2$/.test(response.url())) {
      bodies.push(response.body().then((body) => [fontName(response.url()), body.length]));
    }
  });
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  // Every section drawn, so every formula asks for its fonts before they are awaited: a section below the fold
  // is laid out, and fetches the faces its formulas use, only when the reader comes near it.
  await page.addStyleTag({ content: SECTIONS_DRAWN });
  const loadedFaces = await page.evaluate(async () => {
    void document.body.offsetHeight;
    await document.fonts.ready;
    return [...document.fonts]
      .filter((face) => face.status === 'loaded' && face.family.includes('KaTeX'))
      .map((face) => `${face.family} ${face.weight} ${face.style}`)
      .sort();
  });
  await page.addStyleTag({ content: ONLY_FORMULAS });
  const formulas = await page.locator('.katex').count();
  const screenshot = await page.screenshot({ fullPage: true, animations: 'disabled' });
  return { screenshot, fonts: new Map(await Promise.all(bodies)), loadedFaces, formulas };
}

describe('KaTeX fonts subset to the formulas’ glyphs', () => {
  let session: Session;
  beforeAll(async () => {
    // No service worker: it would answer font requests from its cache, past the route that swaps the fonts.
    session = await openBrowser({ serviceWorkers: 'block', viewport: { width: 1000, height: 800 } });
  });
  afterAll(() => session.close());

  for (const path of [
    '/notes/activation-functions/',
    '/notes/learning-methods/',
    '/en/notes/machine-learning-process/',
  ]) {
    it(`${path}: formulas drawn with the subsets are pixel-identical to KaTeX's whole fonts`, async () => {
      const subsetPage = await session.context.newPage();
      const subset = await render(subsetPage, path);
      await subsetPage.close();

      const wholePage = await session.context.newPage();
      await wholePage.route(FONT_URLS, (route) =>
        route.fulfill({ status: 200, contentType: 'font/woff2', body: original(fontName(route.request().url())) }),
      );
      const whole = await render(wholePage, path);
      await wholePage.close();

      expect(subset.formulas).toBeGreaterThan(10);
      // Not vacuous: the page did load KaTeX fonts, and every one it got is smaller than KaTeX's.
      expect(subset.fonts.size).toBeGreaterThan(0);
      for (const [name, bytes] of subset.fonts) expect(bytes, name).toBeLessThan(original(name).length);
      expect([...whole.fonts.keys()].sort()).toEqual([...subset.fonts.keys()].sort());
      for (const [name, bytes] of whole.fonts) expect(bytes, name).toBe(original(name).length);

      expect(subset.loadedFaces).toEqual(whole.loadedFaces);
      expect(subset.screenshot.length).toBeGreaterThan(0);
      expect(subset.screenshot.equals(whole.screenshot), 'the formulas render differently with the subsets').toBe(true);
    });
  }
});
