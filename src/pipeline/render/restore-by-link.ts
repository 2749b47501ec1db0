// Why: a rebuild after one edit re-renders a handful of pages, and Astro's incremental build restores every other
// page by copying it from its cache (node_modules/.astro/…/dist/): at 2,000 notes that is 4,000 files and 200 MB
// copied, a quarter of the rebuild. A hard link gives the same file without copying it. A link is safe only while
// no one writes through it, so Astro's write of a page into its cache is made to replace the file (write a new
// one, rename it over the old) instead of overwriting it in place: the cache, the site being built and the last
// good site never change one another's pages. The site's own passes replace files the same way
// (src/pipeline/postbuild/replace-file.ts). Where a link cannot be made (another file system), the page is
// copied, as before.
//
// The links are made together once every page is generated, not one by one as Astro restores each page: Astro
// awaits each restore (four at a time), and 4,000 links and 2,000 new folders made from the thread pool while
// Astro checks the next pages' paths in those very folders took 0.3 s of a rebuild's main thread; made in one
// synchronous run, they take a fraction of that. Their folders are made ahead (src/pipeline/render/page-folders.ts).
import { copyFileSync, existsSync, linkSync, mkdirSync, promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { replaceFile } from '../postbuild/replace-file.ts';
import { removeEmptyFolders, type PageFoldersDone, type PageFoldersTask } from './page-folders.ts';

/** The two methods of Astro's IncrementalBuildCache (astro/dist/core/build/incremental.js) this replaces. */
export interface IncrementalCacheMethods {
  restoreOutputFile(settings: AstroSettingsLike, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: AstroSettingsLike, outputFile: string, body: string | Uint8Array): Promise<void>;
}

interface AstroSettingsLike {
  config: { cacheDir: URL; outDir: URL };
}

/** Where Astro keeps a page it may restore (its `getCachedOutputFile`). */
const cachedFile = (settings: AstroSettingsLike, outputFile: string) =>
  new URL(outputFile, new URL('dist/', settings.config.cacheDir));

/** Link where one can be made; copy where not (another file system, a file system without links). */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
    copyFileSync(from, to);
  }
}

/** The pages Astro was told are restored, as [cached file, page in the site], linked by `linkRestoredPages`. */
const restored: Array<[from: string, to: string]> = [];

/**
 * Makes every restored page of this build, then removes the folders made ahead (`madeAhead`) that got no page.
 * Throws if a cached page went missing since Astro was told it is there.
 */
export function linkRestoredPages(madeAhead: ReadonlySet<string> = new Set()): number {
  const pages = restored.splice(0);
  const withPages = new Set<string>();
  for (const [from, to] of pages) {
    const folder = dirname(to);
    if (!withPages.has(folder)) {
      if (!madeAhead.has(folder)) mkdirSync(folder, { recursive: true });
      withPages.add(folder);
    }
    try {
      linkOrCopy(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new Error(
        `A page Astro restores from its cache is gone from it (${from}). ` +
          'Delete the cache folder (node_modules/.astro) and build again.',
        { cause: error },
      );
    }
  }
  removeEmptyFolders(madeAhead, withPages);
  return pages.length;
}

/** The folders made ahead in the site, and the pages in Astro's cache, as the worker found them. */
export interface PagesAhead {
  made: ReadonlySet<string>;
  /** Undefined where the worker could not run: each page is then looked for on its own. */
  cached?: ReadonlySet<string>;
}

/**
 * Starts a worker that makes, in the still empty site `to`, the folders of the pages in Astro's cache `from`, and
 * lists those pages (src/pipeline/render/page-folders.ts).
 */
export function makePageFoldersAhead(from: string, to: string): Promise<PagesAhead> {
  return new Promise((resolve) => {
    const task: PageFoldersTask = { task: 'page-folders', from, to };
    const worker = new Worker(new URL('./page-folders.ts', import.meta.url), { workerData: task });
    worker.unref();
    worker.once('message', ({ made, cached }: PageFoldersDone) =>
      resolve({ made: new Set(made), cached: new Set(cached) }),
    );
    worker.once('error', () => resolve({ made: new Set() }));
    worker.once('exit', () => resolve({ made: new Set() }));
  });
}

/** This build's folders made ahead and cached pages; none outside a build. */
let pagesAhead: Promise<PagesAhead> = Promise.resolve({ made: new Set() });

/** Whether `file` holds exactly `body`. */
async function holds(file: URL, body: string | Uint8Array): Promise<boolean> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  try {
    return (await fs.readFile(file)).equals(bytes);
  } catch {
    return false;
  }
}

/** Folders made in this build: each once, not once per file in it (2,000 previews share one folder). */
const madeFolders = new Map<string, Promise<unknown>>();
function makeFolderOf(file: URL): Promise<unknown> {
  const folder = new URL('./', file).href;
  let made = madeFolders.get(folder);
  if (!made) {
    made = fs.mkdir(new URL(folder), { recursive: true });
    madeFolders.set(folder, made);
    made.catch(() => madeFolders.delete(folder));
  }
  return made;
}

export const linkedMethods: IncrementalCacheMethods = {
  // Astro renders the page itself when this says false; it never reads the page back before the build is over.
  async restoreOutputFile(settings, outputFile, destination) {
    const from = fileURLToPath(cachedFile(settings, outputFile));
    const { cached } = await pagesAhead;
    if (!(cached ? cached.has(from) : existsSync(from))) return false;
    restored.push([from, fileURLToPath(destination)]);
    return true;
  },
  async writeOutputFile(settings, outputFile, body) {
    const file = cachedFile(settings, outputFile);
    await makeFolderOf(file);
    // Astro writes the page into the site just before it caches it: the cached copy can be that very file, which
    // saves writing 200 MB twice in a cold build and lets the next build's page pass know its pages
    // (src/pipeline/postbuild/built-pages.ts fileIdentity).
    const page = new URL(outputFile, settings.config.outDir);
    if (await holds(page, body)) {
      const temporary = new URL(`${file.href}.${process.pid}.link`);
      try {
        await fs.link(page, temporary);
        await fs.rename(temporary, file);
        return;
      } catch {
        await fs.rm(temporary, { force: true }); // no link here: write the copy
      }
    }
    await replaceFile(file, body);
  },
};

/** Astro's IncrementalBuildCache, from the copy of Astro that runs this build; undefined if it has moved. */
export async function astroIncrementalCache(): Promise<{ prototype: Partial<IncrementalCacheMethods> } | undefined> {
  try {
    const url = new URL('dist/core/build/incremental.js', import.meta.resolve('astro/package.json'));
    const module = (await import(url.href)) as {
      IncrementalBuildCache?: { prototype: Partial<IncrementalCacheMethods> };
    };
    return module.IncrementalBuildCache;
  } catch {
    return undefined;
  }
}

/**
 * Restores unchanged pages by hard link. Checked against the Astro this project pins (an upgrade that moves the
 * class fails tests/unit/pipeline/render/restore-by-link.test.ts); should it have moved anyway, the build says so
 * and copies, as Astro does.
 */
export default function restoreByLink(): AstroIntegration {
  return {
    name: 'deep-learning-notes:restore-by-link',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        pagesAhead = Promise.resolve({ made: new Set() });
        const outDir = fileURLToPath(config.outDir);
        // Astro empties an output folder that exists before it bundles, which would race with the worker. One
        // that does not exist yet has nothing to empty (scripts/build.ts builds into a new staging folder).
        if (command !== 'build' || existsSync(outDir)) return;
        updateConfig({ vite: { build: { emptyOutDir: false } } });
        pagesAhead = makePageFoldersAhead(fileURLToPath(new URL('dist/', config.cacheDir)), outDir);
      },
      'astro:build:start': async ({ logger }) => {
        const cache = await astroIncrementalCache();
        const prototype = cache?.prototype;
        if (typeof prototype?.restoreOutputFile !== 'function' || typeof prototype.writeOutputFile !== 'function') {
          logger.warn("Astro's incremental build cache has moved: unchanged pages are copied, not linked.");
          return;
        }
        madeFolders.clear();
        restored.length = 0;
        Object.assign(prototype, linkedMethods);
      },
      // After the last page, before any integration's astro:build:done (the sitemap) and before the site's passes.
      'astro:build:generated': async () => {
        linkRestoredPages((await pagesAhead).made);
      },
    },
  };
}
