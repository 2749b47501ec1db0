/**
 * Where the build keeps what it may reuse next time (remembered checks, the last full search index, font
 * subsets, the service worker's code): one folder, so that a cold build (the benchmark's) can empty it all.
 * Astro's own cache is elsewhere (`cacheDir` in astro.config.mjs).
 */
export const BUILD_CACHE_DIR = 'node_modules/.cache/deep-learning-notes';
