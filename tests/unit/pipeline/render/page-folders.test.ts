import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFolders, removeEmptyFolders, treeUnder } from '../../../../src/pipeline/render/page-folders.ts';
import { makePageFoldersAhead } from '../../../../src/pipeline/render/restore-by-link.ts';

const work = mkdtempSync(join(tmpdir(), 'dln-page-folders-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A cache of pages as Astro keeps it: a folder per page, and files beside them. */
function pageCache(name: string): string {
  const root = join(work, name);
  for (const page of ['notes/a/index.html', 'notes/b/index.html', 'en/notes/a/index.html', 'previews/a.json'])
    mkdirSync(join(root, page, '..'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<p>home</p>');
  writeFileSync(join(root, 'notes/a/index.html'), '<p>A</p>');
  return root;
}

/** Every folder under `root`, relative, sorted. */
const tree = (root: string) => treeUnder(root).folders.sort();

describe('treeUnder', () => {
  it('lists every folder, each after its parent, and every file', () => {
    const { folders, files } = treeUnder(pageCache('cache-1'));
    expect(files.sort()).toEqual(['index.html', 'notes/a/index.html']);
    expect([...folders].sort()).toEqual(['en', 'en/notes', 'en/notes/a', 'notes', 'notes/a', 'notes/b', 'previews']);
    for (const [i, folder] of folders.entries()) {
      const parent = folder.split('/').slice(0, -1).join('/');
      if (parent) expect(folders.indexOf(parent)).toBeLessThan(i);
    }
  });

  it('lists nothing for a cache that is not there', () => {
    expect(treeUnder(join(work, 'no-such-cache'))).toEqual({ folders: [], files: [] });
  });
});

describe('makeFolders and removeEmptyFolders', () => {
  it('makes the folders in a new site and reports the ones it made, not those already there', () => {
    const site = join(work, 'site-1');
    mkdirSync(join(site, 'notes'), { recursive: true });
    const made = makeFolders(site, treeUnder(pageCache('cache-2')).folders);
    expect(tree(site)).toEqual(['en', 'en/notes', 'en/notes/a', 'notes', 'notes/a', 'notes/b', 'previews']);
    expect(made).not.toContain(join(site, 'notes'));
    expect(made).toContain(join(site, 'notes/a'));
  });

  it('removes the folders that got no page, deepest first, and leaves every folder holding something', () => {
    const site = join(work, 'site-2');
    const made = makeFolders(site, treeUnder(pageCache('cache-3')).folders);
    writeFileSync(join(site, 'notes/a/index.html'), '<p>A</p>');
    writeFileSync(join(site, 'previews/a.json'), '{}');
    // en/notes/a got no page: it goes, and so do en/notes and en, emptied by that.
    const removed = removeEmptyFolders(made, new Set([join(site, 'notes/a')]));
    expect(tree(site)).toEqual(['notes', 'notes/a', 'previews']);
    expect(removed).toBe(4);
    expect(readdirSync(join(site, 'notes/a'))).toEqual(['index.html']);
  });
});

describe('makePageFoldersAhead', () => {
  it('makes the folders of the cached pages from a worker thread, and lists the cached pages', async () => {
    const site = join(work, 'site-3');
    const cache = pageCache('cache-4');
    const { made, cached } = await makePageFoldersAhead(cache, site);
    expect(tree(site)).toEqual(['en', 'en/notes', 'en/notes/a', 'notes', 'notes/a', 'notes/b', 'previews']);
    expect([...made].sort()).toEqual(tree(site).map((folder) => join(site, folder)));
    expect([...cached!].sort()).toEqual([join(cache, 'index.html'), join(cache, 'notes/a/index.html')]);
    expect(existsSync(join(site, 'notes/a/index.html'))).toBe(false);
  });

  it('makes and lists nothing when there is no cache of pages yet', async () => {
    const { made, cached } = await makePageFoldersAhead(join(work, 'no-such-cache'), join(work, 'site-4'));
    expect(made.size).toBe(0);
    expect(cached?.size).toBe(0);
  });
});
