// Why: each page of the site is a folder of its own (`notes/<slug>/index.html`), and a new folder is the slowest
// file operation of a rebuild: 2,000 of them took 0.12 s of the main thread after generation at 2,000 notes. The
// folders of the pages the last build wrote are known from the start (Astro's cache of pages mirrors them), so a
// worker thread makes them in the site being built while Astro's main thread syncs the content, on the core
// that is idle then (src/pipeline/render/restore-by-link.ts). A folder that then gets no page is removed again:
// the site is the same as a clean build's. The same walk lists the cached pages, so that Astro's question "is this
// page cached?" costs no file system call.
import { mkdirSync, readdirSync, rmdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/** What is under `root`, as paths relative to it: every folder (each after its parent) and every file. */
export function treeUnder(root: string): { folders: string[]; files: string[] } {
  const tree = { folders: [] as string[], files: [] as string[] };
  const visit = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (!entry.isDirectory()) {
        tree.files.push(relative(root, path));
        continue;
      }
      tree.folders.push(relative(root, path));
      visit(path);
    }
  };
  visit(root);
  return tree;
}

/**
 * Makes the folders (relative to `to`, each after its parent); returns the absolute paths of those it made, up to
 * the first it could not make.
 */
export function makeFolders(to: string, folders: readonly string[]): string[] {
  const made: string[] = [];
  try {
    mkdirSync(to, { recursive: true });
    for (const folder of folders) {
      const path = join(to, folder);
      try {
        mkdirSync(path);
        made.push(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  } catch {
    // The folders not made yet are made with their pages.
  }
  return made;
}

/**
 * Removes each of `made` that holds nothing, deepest first (a folder emptied that way goes too); `kept` are
 * folders known to hold a page, which are not looked at. Returns how many it removed.
 */
export function removeEmptyFolders(made: Iterable<string>, kept: ReadonlySet<string>): number {
  let removed = 0;
  const candidates = [...made].filter((folder) => !kept.has(folder));
  // A folder's path is longer than its parent's: children come first.
  for (const folder of candidates.sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(folder);
      removed++;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') throw error;
    }
  }
  return removed;
}

/** What restore-by-link.ts hands the worker. */
export interface PageFoldersTask {
  task: 'page-folders';
  /** Astro's cache of pages (`<cacheDir>/dist`). */
  from: string;
  /** The site being built, still empty. */
  to: string;
}

/** What the worker answers: the folders it made, and every page in the cache (absolute paths). */
export interface PageFoldersDone {
  made: string[];
  cached: string[];
}

const task = workerData as PageFoldersTask | undefined;
if (parentPort && task?.task === 'page-folders') {
  const tree = treeUnder(task.from);
  const done: PageFoldersDone = {
    made: makeFolders(task.to, tree.folders),
    cached: tree.files.map((file) => join(task.from, file)),
  };
  parentPort.postMessage(done);
}
