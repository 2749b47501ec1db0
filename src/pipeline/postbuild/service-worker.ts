import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_CACHE_DIR } from '../build-cache.ts';
import { codeDigest } from '../code-digest.ts';
import { settledIdentity } from '../file-identity.ts';
import type { PageScan } from './built-pages.ts';
import { replaceFileSync } from './replace-file.ts';
import {
  DEFAULT_PRECACHE_BUDGET,
  describePlan,
  fileRole,
  imageSources,
  interleave,
  planPrecache,
  roadmapPages,
  type SiteFile,
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

/** What may be precached: the site's pages and assets, without Pagefind's unused UI, the worker itself and og.png. */
const PRECACHEABLE =
  /\.(?:html|css|js|svg|png|woff2|webmanifest|json|pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/;
const NEVER_PRECACHED = /^(?:pagefind\/pagefind-[^/]*ui\.[^/]+|pagefind\/pagefind-highlight\.js|sw\.js|og\.png)$/;

/** The files of a built site that may be precached, with their sizes, in path order. */
export function precacheCandidates(dir: string): SiteFile[] {
  const files: SiteFile[] = [];
  const visit = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const url = `${prefix}${entry.name}`;
      if (entry.isDirectory()) visit(join(folder, entry.name), `${url}/`);
      else if (PRECACHEABLE.test(url) && !NEVER_PRECACHED.test(url))
        files.push({ url, size: statSync(join(folder, entry.name)).size });
    }
  };
  visit(dir, '');
  return files.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** What the precache plan needs from the pages, collected while the build reads them (src/pipeline/postbuild/built-pages.ts). */
export function precacheInputs() {
  const assets = new Map<string, string[]>();
  const roadmaps = new Map<string, string[]>();
  const scan: PageScan<{ images: string[]; roadmap: string[] }> = {
    name: 'precache',
    scan: (file, html) => {
      const role = fileRole(file);
      const home = file === 'index.html' || file === 'en/index.html';
      return {
        images: role === 'note' || role === 'other' ? imageSources(html, file) : [],
        roadmap: home ? roadmapPages(html) : [],
      };
    },
    add: (file, { images, roadmap }) => {
      if (images.length > 0) assets.set(file, images);
      if (roadmap.length > 0) roadmaps.set(file, roadmap);
    },
  };
  return {
    scan,
    /** Each page's own images, precached with it or not at all. */
    assets: assets as ReadonlyMap<string, readonly string[]>,
    /** The notes of both home pages' roadmaps, the first of each language before the second of either. */
    priority: () => interleave(roadmaps.get('index.html') ?? [], roadmaps.get('en/index.html') ?? []),
  };
}
export type PrecacheInputs = ReturnType<typeof precacheInputs>;

/**
 * Writes `<dir>/sw.js` with Workbox. The precache (versioned by content hash; outdated caches are cleaned up)
 * holds the app shell and, under `budget` bytes, the rest of the site, most important notes first
 * (src/pipeline/postbuild/precache-plan.ts): a site under the budget, like this one, is precached whole, so a reader who
 * visited once can read every note and search with the network off. What is left out is cached at runtime:
 * pages when visited (network first; offline, a page never cached shows /offline/), search index chunks when a
 * query needs them (cache first: their names are content hashes), images and hover-preview data (stale while
 * revalidate). A new version waits until the reader accepts the "reload" prompt (src/client/update-prompt.ts).
 */
export async function writeServiceWorker(
  dir: string,
  inputs: PrecacheInputs,
  { budget = DEFAULT_PRECACHE_BUDGET, revisionsFile }: { budget?: number; revisionsFile?: string } = {},
): Promise<ServiceWorkerResult> {
  const plan = planPrecache(precacheCandidates(dir), { budget, priority: inputs.priority(), assets: inputs.assets });
  // Workbox would read and hash every file its patterns match (200 MB at 2,000 notes for a 20 MiB precache):
  // only the chosen files are hashed, with Workbox's own revision (the MD5 of the content).
  const revisions = revisionsOf(
    dir,
    plan.precache.map(({ url }) => url),
    revisionsFile,
  );
  const manifest = plan.precache
    .map(({ url }) => `{url:${JSON.stringify(url)},revision:${JSON.stringify(revisions.get(url))}}`)
    .join(',');
  const template = await workerTemplate();
  writeFileSync(join(dir, 'sw.js'), template.replace(MANIFEST_PLACEHOLDER, manifest));
  return {
    count: plan.precache.length,
    size: plan.precache.reduce((sum, file) => sum + file.size, 0),
    warnings: plan.oversizedShell.map((file) => `${file.url} is ${file.size} bytes, too large to precache`),
    summary: describePlan(plan, budget),
  };
}

/**
 * Each file's revision. With `rememberedFile`, a file that is the very file it was at the last build
 * (src/pipeline/file-identity.ts: a page Astro restored from its cache, a search index or font file linked from
 * the build's cache) keeps the revision remembered for it, unread: 20 MiB of the rebuild's reading otherwise.
 */
function revisionsOf(dir: string, urls: readonly string[], rememberedFile: string | undefined): Map<string, string> {
  let remembered: Record<string, [identity: string, revision: string]> = {};
  try {
    if (rememberedFile) remembered = JSON.parse(readFileSync(rememberedFile, 'utf8')) as typeof remembered;
  } catch {
    // none yet, or damaged: every file is read
  }
  const revisions = new Map<string, string>();
  const next: typeof remembered = {};
  for (const url of urls) {
    const file = join(dir, url);
    const identity = rememberedFile ? settledIdentity(file) : undefined;
    const known = remembered[url];
    const revision =
      identity !== undefined && known?.[0] === identity
        ? known[1]
        : createHash('md5').update(readFileSync(file)).digest('hex');
    revisions.set(url, revision);
    if (identity !== undefined) next[url] = [identity, revision];
  }
  if (rememberedFile) {
    mkdirSync(dirname(rememberedFile), { recursive: true });
    replaceFileSync(rememberedFile, JSON.stringify(next));
  }
  return revisions;
}

const PLACEHOLDER_URL = '__deep_learning_notes_precache_manifest__';
const MANIFEST_PLACEHOLDER = `{url:"${PLACEHOLDER_URL}",revision:null}`;

/**
 * The worker's code with a placeholder where the precache manifest goes. Workbox bundles and minifies the same
 * worker on every build (about a second); its code depends only on this module (with what it imports) and
 * Workbox's version, which the code digest covers, so it is generated once per digest and kept in the build's cache.
 */
async function workerTemplate(): Promise<string> {
  const key = codeDigest([fileURLToPath(import.meta.url)]);
  const cached = join(BUILD_CACHE_DIR, 'service-worker', `${key}.js`);
  if (existsSync(cached)) return readFileSync(cached, 'utf8');
  mkdirSync(dirname(cached), { recursive: true });
  const staging = `${cached}.${process.pid}.tmp.js`;
  // Loaded only here: Workbox's bundler takes 0.4 s to load, longer than the rest of this step.
  const { generateSW } = await import('workbox-build');
  await generateSW({
    // Workbox adds extra entries only when it has a folder to glob; it globs nothing here.
    globDirectory: dirname(cached),
    globPatterns: [],
    additionalManifestEntries: [{ url: PLACEHOLDER_URL, revision: null }],
    swDest: staging,
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
          // Relative, like the precache's URLs: resolved against the worker's own URL, so under the base path too.
          precacheFallback: { fallbackURL: 'offline/index.html' },
        },
      },
      {
        urlPattern: ({ url, sameOrigin }) =>
          sameOrigin && /\/pagefind\/(?:delta\/)?(?:index|fragment)\//.test(url.pathname),
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
  const template = readFileSync(staging, 'utf8');
  rmSync(staging);
  if (!template.includes(MANIFEST_PLACEHOLDER))
    throw new Error(`Workbox's worker has no ${MANIFEST_PLACEHOLDER} to fill`);
  writeFileSync(cached, template);
  return template;
}
