import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import restoreByLink, {
  astroIncrementalCache,
  linkedMethods,
  linkRestoredPages,
} from '../../../../src/pipeline/render/restore-by-link.ts';
import { replaceFileSync } from '../../../../src/pipeline/postbuild/replace-file.ts';

const work = mkdtempSync(join(tmpdir(), 'dln-restore-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const outDir = join(work, 'staging');
const settings = {
  config: { cacheDir: pathToFileURL(join(work, 'astro-cache/')), outDir: pathToFileURL(`${outDir}/`) },
};
const cached = (file: string) => join(work, 'astro-cache', 'dist', file);
const inode = (path: string) => statSync(path).ino;

describe("Astro's incremental build cache, as this project's Astro has it", () => {
  it('is where restoreByLink looks for it, with the two methods it replaces', async () => {
    const cache = await astroIncrementalCache();
    expect(typeof cache?.prototype.restoreOutputFile).toBe('function');
    expect(typeof cache?.prototype.writeOutputFile).toBe('function');
  });

  it('restores by link once the integration has run at the start of a build', async () => {
    const cache = (await astroIncrementalCache())!;
    const saved = {
      restoreOutputFile: cache.prototype.restoreOutputFile,
      writeOutputFile: cache.prototype.writeOutputFile,
    };
    const hook = restoreByLink().hooks['astro:build:start']!;
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) } as unknown as AstroIntegrationLogger;
    try {
      await hook({ logger } as Parameters<typeof hook>[0]);
      expect(warnings).toEqual([]);
      expect(cache.prototype.restoreOutputFile).toBe(linkedMethods.restoreOutputFile);
      expect(cache.prototype.writeOutputFile).toBe(linkedMethods.writeOutputFile);
    } finally {
      Object.assign(cache.prototype, saved);
    }
  });
});

describe('linkedMethods', () => {
  it('restores a cached page as a link to the cached file once every page is generated, and says when a page is not cached', async () => {
    await linkedMethods.writeOutputFile(settings, 'notes/a/index.html', '<p>A</p>');
    const site = join(work, 'site-1');
    const page = join(site, 'notes/a/index.html');
    expect(await linkedMethods.restoreOutputFile(settings, 'notes/a/index.html', pathToFileURL(page))).toBe(true);
    expect(existsSync(page)).toBe(false);
    expect(linkRestoredPages()).toBe(1);
    expect(readFileSync(page, 'utf8')).toBe('<p>A</p>');
    expect(inode(page)).toBe(inode(cached('notes/a/index.html')));
    const missing = pathToFileURL(join(site, 'notes/b/index.html'));
    expect(await linkedMethods.restoreOutputFile(settings, 'notes/b/index.html', missing)).toBe(false);
    expect(linkRestoredPages()).toBe(0);
  });

  it('links into the folders made ahead, and removes those made ahead that got no page', async () => {
    await linkedMethods.writeOutputFile(settings, 'notes/d/index.html', '<p>D</p>');
    const site = join(work, 'site-ahead');
    const [d, gone] = [join(site, 'notes/d'), join(site, 'notes/gone')];
    mkdirSync(d, { recursive: true });
    mkdirSync(gone);
    const page = pathToFileURL(join(d, 'index.html'));
    expect(await linkedMethods.restoreOutputFile(settings, 'notes/d/index.html', page)).toBe(true);
    expect(linkRestoredPages(new Set([d, gone]))).toBe(1);
    expect(readFileSync(join(d, 'index.html'), 'utf8')).toBe('<p>D</p>');
    expect(existsSync(gone)).toBe(false);
  });

  it('fails the build, saying what to do, when a cached page goes missing before it is linked', async () => {
    await linkedMethods.writeOutputFile(settings, 'notes/gone/index.html', '<p>Gone</p>');
    const page = pathToFileURL(join(work, 'site-2', 'notes/gone/index.html'));
    expect(await linkedMethods.restoreOutputFile(settings, 'notes/gone/index.html', page)).toBe(true);
    rmSync(cached('notes/gone/index.html'));
    expect(() => linkRestoredPages()).toThrow(/gone from it .*notes\/gone\/index\.html.*Delete the cache folder/s);
    expect(linkRestoredPages()).toBe(0);
  });

  it('caches a page rendered again as a new file: the restored page in the last site keeps its content', async () => {
    const lastSite = join(work, 'site-1', 'notes/a/index.html');
    await linkedMethods.writeOutputFile(settings, 'notes/a/index.html', '<p>A, edited</p>');
    expect(readFileSync(cached('notes/a/index.html'), 'utf8')).toBe('<p>A, edited</p>');
    expect(readFileSync(lastSite, 'utf8')).toBe('<p>A</p>');
    expect(existsSync(join(work, 'astro-cache', 'dist', 'notes', 'a'))).toBe(true);
  });

  it('caches a page Astro has just written into the site as that very file, and any other page as a copy', async () => {
    const written = join(outDir, 'notes/c/index.html');
    mkdirSync(join(outDir, 'notes/c'), { recursive: true });
    writeFileSync(written, '<p>C</p>');
    await linkedMethods.writeOutputFile(settings, 'notes/c/index.html', '<p>C</p>');
    expect(inode(cached('notes/c/index.html'))).toBe(inode(written));

    // The site holds something else under that name: the cache gets what it was given, in a file of its own.
    await linkedMethods.writeOutputFile(settings, 'notes/c/index.html', '<p>C, edited</p>');
    expect(readFileSync(cached('notes/c/index.html'), 'utf8')).toBe('<p>C, edited</p>');
    expect(inode(cached('notes/c/index.html'))).not.toBe(inode(written));
    expect(readFileSync(written, 'utf8')).toBe('<p>C</p>');
  });
});

describe('replaceFileSync', () => {
  it("changes a file's content under its name and leaves its other names (hard links) as they were", () => {
    mkdirSync(join(work, 'replace'), { recursive: true });
    const page = join(work, 'replace', 'page.html');
    const other = join(work, 'replace', 'cached.html');
    writeFileSync(page, 'before');
    linkSync(page, other);
    replaceFileSync(page, 'after');
    expect(readFileSync(page, 'utf8')).toBe('after');
    expect(readFileSync(other, 'utf8')).toBe('before');
    expect(readFileSync(join(work, 'replace', 'page.html'), 'utf8')).toBe('after');
  });
});
