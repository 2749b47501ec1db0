// Light by default: a note page without widgets runs a small inline theme script and one module (theme
// toggle, search button, "on this page"); search, previews, progress, copy buttons and the update prompt load
// only when used. Measured as Chromium downloads it, until the network is idle, search never opened.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Session } from './support/browser.ts';

const base = inject('baseUrl');
const dist = process.env.E2E_DIST ?? 'dist';
/** Issue 8's goal for a text-only note; the README states the measured figure. */
const GZIP_BUDGET = 2000;

const gzip = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

describe('script budget of a text-only note (no widgets, no code)', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(() => session.close());

  for (const path of ['/notes/glossary/', '/en/notes/glossary/']) {
    it(`${path}: at most ${GZIP_BUDGET} bytes of script gzipped, no search code`, async () => {
      const page = await session.context.newPage();
      const scripts = new Map<string, Promise<Buffer>>();
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') scripts.set(response.url(), response.body());
      });
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      const html = readFileSync(`${dist}${path}index.html`, 'utf8');
      const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      const files = await Promise.all(scripts.values());
      expect([...scripts.keys()].map((u) => new URL(u).pathname).join(' ')).not.toMatch(
        /pagefind|controller|copy-buttons|update-prompt/,
      );
      expect(files.length).toBeGreaterThan(0);
      const bytes = inline.reduce((sum, s) => sum + gzip(s), 0) + files.reduce((sum, f) => sum + gzip(f), 0);
      expect(bytes).toBeLessThanOrEqual(GZIP_BUDGET);
      await page.close();
    });
  }
});
