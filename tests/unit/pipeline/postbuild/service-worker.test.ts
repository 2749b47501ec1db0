import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBuiltFiles, visitPages } from '../../../../src/pipeline/postbuild/built-pages.ts';
import { precacheInputs, writeServiceWorker } from '../../../../src/pipeline/postbuild/service-worker.ts';

const work = mkdtempSync(join(tmpdir(), 'dln-sw-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const KiB = 1024;
const home = (prefix: string) =>
  `<html><body><ol class="roadmap-list"><li><ol class="roadmap-list__notes">` +
  `<li><a href="${prefix}notes/b/" data-progress-slug="b">B</a></li>` +
  `<li><a href="${prefix}notes/a/" data-progress-slug="a">A</a></li></ol></li></ol></body></html>`;

/** A tiny built site: the shell, two notes per language (b first on the roadmap), an image, a search chunk. */
function site(name: string): string {
  const dir = join(work, name);
  const files: Record<string, string | number> = {
    'index.html': home('/'),
    'en/index.html': home('/en/'),
    'offline/index.html': '<h1>offline</h1>',
    '404.html': '<h1>404</h1>',
    'manifest.webmanifest': '{}',
    '_astro/site.js': 2 * KiB,
    'pagefind/pagefind.js': 2 * KiB,
    'pagefind/pagefind-entry.json': '{}',
    'pagefind/pagefind-ui.js': 2 * KiB,
    'notes/a/index.html': 40 * KiB,
    'en/notes/a/index.html': 40 * KiB,
    'notes/b/index.html': '<img src="/diagrams/b.svg" alt="b">',
    'en/notes/b/index.html': '<img src="../../../diagrams/b.svg" alt="b">',
    'diagrams/b.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'pagefind/index/zh-cn_1.pf_index': 30 * KiB,
    'og.png': 1 * KiB,
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'number' ? 'x'.repeat(content) : content);
  }
  return dir;
}

/** The worker for a built site, its pages read as the build reads them. */
async function serviceWorkerFor(dir: string, options?: { budget?: number; revisionsFile?: string }) {
  const inputs = precacheInputs();
  await visitPages(dir, listBuiltFiles(dir).pages, { scans: [inputs.scan] });
  return writeServiceWorker(dir, inputs, options);
}

/** The generated worker's precache manifest, URL → revision. */
function manifest(dir: string): Map<string, string> {
  const entries = readFileSync(join(dir, 'sw.js'), 'utf8').matchAll(/url:"([^"]+)",revision:"([^"]+)"/g);
  return new Map([...entries].map((m) => [m[1]!, m[2]!]));
}

/** The URLs in the generated worker's precache manifest. */
function precached(dir: string): string[] {
  return [...readFileSync(join(dir, 'sw.js'), 'utf8').matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!).sort();
}

describe('writeServiceWorker', () => {
  it('precaches a site under the budget whole (but never og.png or Pagefind’s UI)', async () => {
    const dir = site('small');
    const result = await serviceWorkerFor(dir);
    const urls = precached(dir);
    expect(urls).toEqual(
      [
        '404.html',
        '_astro/site.js',
        'diagrams/b.svg',
        'en/index.html',
        'en/notes/a/index.html',
        'en/notes/b/index.html',
        'index.html',
        'manifest.webmanifest',
        'notes/a/index.html',
        'notes/b/index.html',
        'offline/index.html',
        'pagefind/index/zh-cn_1.pf_index',
        'pagefind/pagefind-entry.json',
        'pagefind/pagefind.js',
      ].sort(),
    );
    expect(result.count).toBe(urls.length);
    expect(result.warnings).toEqual([]);
    expect(result.summary).toBe(
      `service worker precaches ${urls.length} files (${(result.size / 1024 / 1024).toFixed(2)} MiB)`,
    );
  }, 30_000);

  it('revises a file by its content, and takes a file that is the same file as last time by its identity', async () => {
    const dir = site('revisions');
    const revisionsFile = join(work, 'revisions.json');
    // Written a while ago (whole seconds, which utimes sets exactly), as the files a build restores are.
    const minuteAgo = Math.floor(Date.now() / 1000) - 60;
    const age = (path: string) => utimesSync(join(dir, path), minuteAgo, minuteAgo);
    ['notes/a/index.html', 'notes/b/index.html'].forEach(age);
    await serviceWorkerFor(dir, { revisionsFile });
    const first = manifest(dir);
    expect(first.get('notes/a/index.html')).toMatch(/^[0-9a-f]{32}$/);
    // Bytes changed behind the file system's back (same size, the old time put back) go unread; a file that is
    // written anew is read.
    writeFileSync(join(dir, 'notes/a/index.html'), 'y'.repeat(40 * KiB));
    age('notes/a/index.html');
    writeFileSync(join(dir, 'notes/b/index.html'), '<img src="/diagrams/b.svg" alt="B">');
    await serviceWorkerFor(dir, { revisionsFile });
    const second = manifest(dir);
    expect(second.get('notes/a/index.html')).toBe(first.get('notes/a/index.html'));
    expect(second.get('notes/b/index.html')).not.toBe(first.get('notes/b/index.html'));
    // Without remembered revisions, every file is read.
    await serviceWorkerFor(dir);
    expect(manifest(dir).get('notes/a/index.html')).not.toBe(first.get('notes/a/index.html'));
  }, 30_000);

  it('over the budget: the shell and the first roadmap notes with their images; the rest at runtime', async () => {
    const dir = site('large');
    const result = await serviceWorkerFor(dir, { budget: 20 * KiB });
    const urls = precached(dir);
    expect(urls).toEqual(
      expect.arrayContaining(['index.html', 'en/index.html', 'offline/index.html', '404.html', '_astro/site.js']),
    );
    expect(urls).toEqual(expect.arrayContaining(['notes/b/index.html', 'en/notes/b/index.html', 'diagrams/b.svg']));
    for (const left of ['notes/a/index.html', 'en/notes/a/index.html', 'pagefind/index/zh-cn_1.pf_index'])
      expect(urls).not.toContain(left);
    expect(result.count).toBe(urls.length);
    expect(result.size).toBeLessThanOrEqual(20 * KiB);
    expect(result.summary).toMatch(
      new RegExp(
        `^service worker precaches ${urls.length} files \\(0\\.\\d\\d MiB\\); 3 files \\(0\\.11 MiB\\) over the 0\\.02 MiB budget left to runtime caching$`,
      ),
    );
    // What is not precached is cached when used: pages (offline fallback), search chunks, images.
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    for (const cache of ['deep-learning-notes-pages', 'deep-learning-notes-search', 'deep-learning-notes-assets'])
      expect(sw).toContain(cache);
    // Relative to the worker, so that it holds under a base path too.
    expect(sw).toContain('fallbackURL:"offline/index.html"');
  }, 30_000);
});
