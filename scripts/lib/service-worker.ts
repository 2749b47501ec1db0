import { generateSW } from 'workbox-build';

/**
 * Writes `<dir>/sw.js` with Workbox: every page and asset of the build is precached (versioned by content
 * hash; outdated caches are cleaned up), so a reader who visited once can read every note and search with
 * the network off. Navigations to anything not precached try the network and fall back to /offline/.
 * A new version waits until the reader accepts the "reload" prompt (src/scripts/pwa.ts).
 */
export async function writeServiceWorker(dir: string): Promise<{ count: number; size: number; warnings: string[] }> {
  const { count, size, warnings } = await generateSW({
    globDirectory: dir,
    globPatterns: ['**/*.{html,css,js,svg,png,woff2,webmanifest,json,pf_meta,pf_index,pf_fragment,pf_filter,pagefind}'],
    globIgnores: ['pagefind/pagefind-*ui.*', 'pagefind/pagefind-highlight.js', 'sw.js', '404.html', 'og.png'],
    swDest: `${dir}/sw.js`,
    cacheId: 'deep-learning-notes',
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    cleanupOutdatedCaches: true,
    skipWaiting: false,
    clientsClaim: true,
    directoryIndex: 'index.html',
    // Pagefind adds ?ts= to its requests; search results add ?highlight=: neither changes the file.
    ignoreURLParametersMatching: [/^ts$/, /^highlight$/, /^q$/, /^utm_/],
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkFirst',
        options: { cacheName: 'deep-learning-notes-pages', precacheFallback: { fallbackURL: '/offline/index.html' } },
      },
    ],
  });
  return { count, size, warnings };
}
