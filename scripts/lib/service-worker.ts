import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSW } from 'workbox-build';
import {
  DEFAULT_PRECACHE_BUDGET,
  describePlan,
  fileRole,
  imageSources,
  interleave,
  planPrecache,
  roadmapPages,
  type PrecachePlan,
} from './precache-plan.ts';

export interface ServiceWorkerResult {
  /** Files and bytes precached, as Workbox counted them. */
  count: number;
  size: number;
  /** Files Workbox could not precache: the build stops on any. */
  warnings: string[];
  /** The build's log line (see `describePlan`). */
  summary: string;
}

/**
 * Writes `<dir>/sw.js` with Workbox. The precache (versioned by content hash; outdated caches are cleaned up)
 * holds the app shell and, under `budget` bytes, the rest of the site, most important notes first
 * (scripts/lib/precache-plan.ts): a site under the budget, like this one, is precached whole, so a reader who
 * visited once can read every note and search with the network off. What is left out is cached at runtime:
 * pages when visited (network first; offline, a page never cached shows /offline/), search index chunks when a
 * query needs them (cache first: their names are content hashes), images and hover-preview data (stale while
 * revalidate). A new version waits until the reader accepts the "reload" prompt (src/scripts/update-prompt.ts).
 */
export async function writeServiceWorker(
  dir: string,
  { budget = DEFAULT_PRECACHE_BUDGET }: { budget?: number } = {},
): Promise<ServiceWorkerResult> {
  let plan: PrecachePlan | undefined;
  const html = (url: string) => readFileSync(join(dir, url), 'utf8');
  const { count, size, warnings } = await generateSW({
    globDirectory: dir,
    globPatterns: ['**/*.{html,css,js,svg,png,woff2,webmanifest,json,pf_meta,pf_index,pf_fragment,pf_filter,pagefind}'],
    globIgnores: ['pagefind/pagefind-*ui.*', 'pagefind/pagefind-highlight.js', 'sw.js', 'og.png'],
    // Files too large to precache are left to runtime caching by the plan, not dropped here with a warning.
    maximumFileSizeToCacheInBytes: Number.MAX_SAFE_INTEGER,
    manifestTransforms: [
      (entries) => {
        const assets = new Map<string, string[]>();
        for (const { url } of entries) {
          const role = fileRole(url);
          if (url.endsWith('.html') && (role === 'note' || role === 'other'))
            assets.set(url, imageSources(html(url), url));
        }
        const home = (url: string) => (existsSync(join(dir, url)) ? roadmapPages(html(url)) : []);
        // Copies: Workbox deletes `size` from its entries once the transforms have run.
        const files = entries.map(({ url, size }) => ({ url, size }));
        plan = planPrecache(files, { budget, priority: interleave(home('index.html'), home('en/index.html')), assets });
        const chosen = new Set(plan.precache.map((file) => file.url));
        return Promise.resolve({
          manifest: entries.filter((entry) => chosen.has(entry.url)),
          warnings: plan.oversizedShell.map((file) => `${file.url} is ${file.size} bytes, too large to precache`),
        });
      },
    ],
    swDest: `${dir}/sw.js`,
    cacheId: 'deep-learning-notes',
    cleanupOutdatedCaches: true,
    skipWaiting: false,
    clientsClaim: true,
    directoryIndex: 'index.html',
    // Pagefind adds ?ts= to its requests; search results add ?highlight=: neither changes the file.
    ignoreURLParametersMatching: [/^ts$/, /^highlight$/, /^q$/, /^utm_/],
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    // Precached files never reach these routes. The caches are capped so that reading many pages over months
    // does not fill the phone either; the least recently used entries go first.
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkFirst',
        options: {
          cacheName: 'deep-learning-notes-pages',
          expiration: { maxEntries: 300, purgeOnQuotaError: true },
          precacheFallback: { fallbackURL: '/offline/index.html' },
        },
      },
      {
        urlPattern: ({ url, sameOrigin }) => sameOrigin && /^\/pagefind\/(?:index|fragment)\//.test(url.pathname),
        handler: 'CacheFirst',
        options: {
          cacheName: 'deep-learning-notes-search',
          expiration: { maxEntries: 1000, purgeOnQuotaError: true },
        },
      },
      {
        urlPattern: ({ request, url, sameOrigin }) =>
          sameOrigin && (request.destination === 'image' || /\/previews(?:\/[^/]+)?\.json$/.test(url.pathname)),
        handler: 'StaleWhileRevalidate',
        options: {
          cacheName: 'deep-learning-notes-assets',
          expiration: { maxEntries: 300, purgeOnQuotaError: true },
        },
      },
    ],
  });
  if (!plan) throw new Error('Workbox did not run the precache plan');
  return { count, size, warnings, summary: describePlan(plan, budget) };
}
