import { linkSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  listBuiltFiles,
  visitPages,
  type BuiltPage,
  type PageScan,
} from '../../../../src/pipeline/postbuild/built-pages.ts';

const work = mkdtempSync(join(tmpdir(), 'dln-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(work, 'site', path)), { recursive: true });
    writeFileSync(join(work, 'site', path), content);
  }
}

/** A scan that counts the pages it really looked at, and what was added. */
function titleScan() {
  const scanned: string[] = [];
  const added = new Map<string, string>();
  const scan: PageScan<string> = {
    name: 'title',
    scan: (path, html) => {
      scanned.push(path);
      return /<title>(.*?)<\/title>/.exec(html)?.[1] ?? '';
    },
    add: (path, title) => added.set(path, title),
  };
  return { scan, scanned, added };
}

describe('listBuiltFiles', () => {
  it('lists pages and other files apart, site-relative and sorted', () => {
    write({ 'index.html': '', 'notes/b/index.html': '', 'notes/a/index.html': '', '_astro/x.js': '', 'a.svg': '' });
    expect(listBuiltFiles(join(work, 'site'))).toEqual({
      pages: ['index.html', 'notes/a/index.html', 'notes/b/index.html'],
      others: ['_astro/x.js', 'a.svg'],
    });
  });
});

describe('visitPages', () => {
  const site = join(work, 'site');
  const findingsFile = join(work, 'cache', 'findings.json');
  const pages = ['index.html', 'notes/a/index.html', 'notes/b/index.html'];

  it('scans every page the first time, and only changed pages once findings are remembered', async () => {
    write({
      'index.html': '<title>Home</title>',
      'notes/a/index.html': '<title>A</title>',
      'notes/b/index.html': '<title>B</title>',
    });
    const first = titleScan();
    await visitPages(site, pages, { scans: [first.scan], findingsFile });
    expect(first.scanned).toEqual(pages);

    write({ 'notes/b/index.html': '<title>B, edited</title>' });
    const second = titleScan();
    await visitPages(site, pages, { scans: [second.scan], findingsFile });
    expect(second.scanned).toEqual(['notes/b/index.html']);
    // Remembered findings are handed over as if scanned.
    expect(Object.fromEntries(second.added)).toEqual({
      'index.html': 'Home',
      'notes/a/index.html': 'A',
      'notes/b/index.html': 'B, edited',
    });
  });

  it('gives visitors each page’s digest, and its HTML only when they ask', async () => {
    const seen: BuiltPage[] = [];
    await visitPages(site, pages, { visitors: [(page) => seen.push(page)] });
    expect(seen.map((page) => page.path)).toEqual(pages);
    expect(new Set(seen.map((page) => page.digest)).size).toBe(3);
    expect(seen[1]!.html()).toBe('<title>A</title>');
  });

  it('takes a page that is the very file read last time (a hard link) as unchanged, and any new file as new', async () => {
    const linksFindings = join(work, 'cache', 'links.json');
    const digestsOf = async (dir: string, scan: PageScan<unknown>) => {
      const digests: string[] = [];
      await visitPages(dir, pages, {
        scans: [scan],
        visitors: [(page) => digests.push(page.digest)],
        findingsFile: linksFindings,
      });
      return digests;
    };
    // Written a while ago (a whole second, which utimes can set exactly), as the pages Astro restores are.
    const minuteAgo = Math.floor(Date.now() / 1000) - 60;
    for (const page of pages) utimesSync(join(site, page), minuteAgo, minuteAgo);
    const fullRead = await digestsOf(site, titleScan().scan);
    // The next build's folder: every page linked to the last one's files, as Astro's restore makes it.
    const next = join(work, 'next-site');
    for (const page of pages) {
      mkdirSync(dirname(join(next, page)), { recursive: true });
      linkSync(join(site, page), join(next, page));
    }
    const linked = titleScan();
    expect(await digestsOf(next, linked.scan)).toEqual(fullRead);
    expect(linked.scanned).toEqual([]);
    expect(linked.added.get('notes/a/index.html')).toBe('A');

    // Proof that such a page is not read: bytes changed behind the file system's back (same size, the old
    // modification time put back) go unseen. Nothing in the build writes a page in place (replace-file.ts).
    writeFileSync(join(next, 'notes/a/index.html'), '<title>Q</title>');
    utimesSync(join(next, 'notes/a/index.html'), minuteAgo, minuteAgo);
    const unseen = titleScan();
    expect((await digestsOf(next, unseen.scan))[1]).toBe(fullRead[1]);
    expect(unseen.scanned).toEqual([]);

    // Same size, other bytes: once as a new file (a page rendered again), once written in place.
    rmSync(join(next, 'notes/a/index.html'));
    writeFileSync(join(next, 'notes/a/index.html'), '<title>Z</title>');
    writeFileSync(join(next, 'index.html'), '<title>Hime</title>');
    const changed = titleScan();
    const digests = await digestsOf(next, changed.scan);
    expect(changed.scanned).toEqual(['index.html', 'notes/a/index.html']);
    expect(changed.added.get('notes/a/index.html')).toBe('Z');
    expect(digests[0]).not.toBe(fullRead[0]);
    expect(digests[1]).not.toBe(fullRead[1]);
    rmSync(next, { recursive: true, force: true });
  });

  it('a damaged findings file only costs a full scan', async () => {
    writeFileSync(findingsFile, '{not json');
    const scan = titleScan();
    await visitPages(site, pages, { scans: [scan.scan], findingsFile });
    expect(scan.scanned).toEqual(pages);
  });
});

describe('visitPages and memory', () => {
  // A finding cut from a page's HTML must not keep the page alive: kept for 10,000 notes, that held 1.8 GB.
  it('keeps what scans found without the pages they found it in', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const site = join(work, 'big');
    const pages = Array.from({ length: 200 }, (_, i) => `notes/n${i}/index.html`);
    for (const path of pages) {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      // 200 KB of text around a title: as a string, 200 KB per page (40 MB in all).
      writeFileSync(join(site, path), `<title>${path}</title>${'x'.repeat(200 * 1024)}`);
    }
    gc();
    const before = process.memoryUsage().heapUsed;
    const scan = titleScan();
    await visitPages(site, pages, { scans: [scan.scan] });
    gc();
    const held = process.memoryUsage().heapUsed - before;
    expect(scan.added.size).toBe(200);
    expect(held).toBeLessThan(8 * 1024 * 1024);
  });
});
