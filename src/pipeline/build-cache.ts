// Where the build keeps what it may reuse next time, in one place so that a cold build (the benchmark's, the
// incremental-build test's) can empty it all. Every remembered result is keyed by its inputs and by the digest of
// the code that produced it (src/pipeline/code-digest.ts).
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Remembered checks, the last full search index, font subsets, the service worker's code. */
export const BUILD_CACHE_DIR = 'node_modules/.cache/deep-learning-notes';

/**
 * Astro's cache (`cacheDir`: the content layer's store, rendered notes, the incremental build's record of pages).
 * The site's own builds keep one per output folder (parallel builds do not collide); builds of another notes
 * folder (test fixtures) get a throwaway one in the OS temp folder, so their entries never leak into the site.
 */
export function astroCacheDir(notesDir: string | undefined, outDir: string): string {
  return notesDir
    ? join(tmpdir(), 'dln-astro-cache', `${notesDir}-${outDir}`.replace(/[^a-z0-9]+/gi, '-').slice(-80))
    : `./node_modules/.astro/${outDir.replace(/[^a-z0-9]+/gi, '-').slice(-60)}`;
}

/**
 * Node's cache of compiled modules (NODE_COMPILE_CACHE): Astro, Vite and the site's modules load from V8's code
 * cache instead of being compiled again, a quarter of a second of every build and dev server start. Node keys
 * each entry by the module's bytes and its own version.
 */
export const NODE_COMPILE_CACHE_DIR = join(BUILD_CACHE_DIR, 'node-compile-cache');

/** The entry points whose code renders a note into the content store: the config (plugins) and the loaders. */
export const CONTENT_CODE = ['astro.config.mjs', 'src/content.config.ts'];
