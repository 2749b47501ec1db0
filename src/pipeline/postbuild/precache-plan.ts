// Which built files the service worker precaches. A first visit downloads the precache in the background, so
// it must not grow with the number of notes: the app shell is always in, and the rest of the site joins it
// under a byte budget, most important pages first. Whatever is left out is cached at runtime when visited.
// Pure: file lists and HTML strings in, a plan out (src/pipeline/postbuild/service-worker.ts reads the files).

/** A built file as Workbox lists it: its path from the site root (`notes/neuron/index.html`) and its bytes. */
export interface SiteFile {
  readonly url: string;
  readonly size: number;
}

/**
 * What a file is for:
 * - `shell`: what every page and search need to start, precached whatever the budget (see {@link fileRole});
 * - `note`: a note page, `notes/<slug>/index.html` or `en/notes/<slug>/index.html`;
 * - `search`: Pagefind's index chunks and result fragments, which grow with the number of notes;
 * - `other`: every other page (graph, tags, search page) and data (hover previews, images).
 */
export type FileRole = 'shell' | 'note' | 'search' | 'other';

/** The default budget: the whole real site (about 8 MiB) fits; a site of thousands of notes does not. */
export const DEFAULT_PRECACHE_BUDGET = 20 * 1024 * 1024;

/** No file larger than this is precached: one slow file would hold up the worker's install. */
export const MAX_PRECACHED_FILE = 5 * 1024 * 1024;

// Built assets (content-hashed), KaTeX's CSS and fonts; Pagefind's runtime, WebAssembly, entry, metadata and
// filters (the language filter applies to every query; a few bytes per page), also those of the full index's
// other shards and of the index of pages changed since it (src/search/indexer.ts), and the list of both; the home
// pages, offline and 404 pages, the manifest and icons.
const SHELL: readonly RegExp[] = [
  /^_astro\//,
  /^vendor\//,
  /^pagefind\/pagefind(?:-worker)?\.js$/,
  /^pagefind\/(?:delta\/|shard-\d+\/)?pagefind-entry\.json$/,
  /^pagefind\/(?:delta\/|shard-\d+\/)?wasm\.[^/]+\.pagefind$/,
  /^pagefind\/(?:delta\/|shard-\d+\/)?pagefind\.[^/]+\.pf_meta$/,
  /^pagefind\/(?:delta\/|shard-\d+\/)?filter\/[^/]+\.pf_filter$/,
  /^pagefind\/delta\.json$/,
  /^(?:en\/)?index\.html$/,
  /^(?:en\/)?offline\/index\.html$/,
  /^404\.html$/,
  /^manifest\.webmanifest$/,
  /^favicon\.svg$/,
  /^icon-[^/]+\.png$/,
];

/** The role of a built file, from its path (see {@link FileRole}). */
export function fileRole(url: string): FileRole {
  if (SHELL.some((pattern) => pattern.test(url))) return 'shell';
  if (/^pagefind\/(?:delta\/|shard-\d+\/)?(?:index|fragment)\//.test(url)) return 'search';
  if (/^(?:en\/)?notes\/[^/]+\/index\.html$/.test(url)) return 'note';
  return 'other';
}

/** `/notes/x/` or `notes/x/index.html#y` → the file `notes/x/index.html`; undefined for another site's URL. */
export function fileOf(href: string, from = ''): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) return undefined;
  const path = href.replace(/[?#].*$/, '');
  const base = path.startsWith('/') ? [] : from.split('/').slice(0, -1);
  const parts: string[] = [];
  for (const part of [...base, ...path.split('/')]) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  let file = parts.join('/');
  try {
    file = decodeURIComponent(file);
  } catch {
    // A malformed escape stays as written.
  }
  return path.endsWith('/') || file === '' ? `${file}${file === '' ? '' : '/'}index.html` : file;
}

/**
 * The notes of a home page's roadmap, in reading order, as files: the links of `<ol class="roadmap-list">`
 * that carry `data-progress-slug` (each note once).
 */
export function roadmapPages(homeHtml: string): string[] {
  const start = homeHtml.indexOf('class="roadmap-list"');
  if (start < 0) return [];
  const pages = new Set<string>();
  for (const match of homeHtml.slice(start).matchAll(/<a\s[^>]*?href="([^"]+)"[^>]*\bdata-progress-slug=/g)) {
    const file = fileOf(match[1]!);
    if (file !== undefined) pages.add(file);
  }
  return [...pages];
}

/** The site's own files a page shows as images (`<img src>`), as files relative to the site root. */
export function imageSources(html: string, pageUrl: string): string[] {
  const files = new Set<string>();
  for (const match of html.matchAll(/<img\s[^>]*?\bsrc="([^"]+)"/g)) {
    const file = fileOf(match[1]!.replaceAll('&amp;', '&'), pageUrl);
    if (file !== undefined) files.add(file);
  }
  return [...files];
}

/** `[a1, a2, a3]` and `[b1]` → `[a1, b1, a2, a3]`: the n-th note of each language before the (n+1)-th of any. */
export function interleave<T>(...lists: ReadonlyArray<readonly T[]>): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}

export interface PrecacheOptions {
  /** Bytes the precache may take in all. The shell is precached even when it alone exceeds this. */
  readonly budget: number;
  /** Note pages (files), most important first; notes not listed follow in path order. */
  readonly priority: readonly string[];
  /** For a page, the files it shows (its images): precached with it, or not at all. */
  readonly assets?: ReadonlyMap<string, readonly string[]>;
  /** Files larger than this are never precached (default {@link MAX_PRECACHED_FILE}). */
  readonly maxFileSize?: number;
}

export interface PrecachePlan {
  /** The files to precache, in the order they were given. */
  readonly precache: SiteFile[];
  /** The files left to runtime caching (cached when first requested), in the order they were given. */
  readonly runtime: SiteFile[];
  /** Shell files over the size limit: the build should stop, as the site would not start offline. */
  readonly oversizedShell: SiteFile[];
}

const byPath = (a: SiteFile, b: SiteFile) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/**
 * Chooses the precache. The shell always; then, while they fit in `budget` (counting the shell):
 * 1. note pages in `priority` order, then the other notes by path, each with its images;
 * 2. the search index (all chunks and fragments, or none: half an index finds half the notes);
 * 3. every other file by path (a page with its images).
 * A group that does not fit is skipped and the next one tried. When the whole site fits, all of it is in.
 */
export function planPrecache(files: readonly SiteFile[], options: PrecacheOptions): PrecachePlan {
  const maxFileSize = options.maxFileSize ?? MAX_PRECACHED_FILE;
  const byUrl = new Map(files.map((file) => [file.url, file]));
  const chosen = new Set<string>();
  const oversizedShell: SiteFile[] = [];
  let used = 0;

  /** Takes the group's files not yet chosen if all of them fit; files over the size limit never join. */
  const tryTake = (group: readonly SiteFile[]): void => {
    const fresh = [...new Set(group)].filter((file) => !chosen.has(file.url) && file.size <= maxFileSize);
    const bytes = fresh.reduce((sum, file) => sum + file.size, 0);
    if (used + bytes > options.budget) return;
    for (const file of fresh) chosen.add(file.url);
    used += bytes;
  };
  const withAssets = (file: SiteFile): SiteFile[] => [
    file,
    ...(options.assets?.get(file.url) ?? []).flatMap((url) => {
      const asset = byUrl.get(url);
      return asset ? [asset] : [];
    }),
  ];

  const roles = new Map(files.map((file) => [file.url, fileRole(file.url)]));
  const ofRole = (role: FileRole) => files.filter((file) => roles.get(file.url) === role).sort(byPath);

  for (const file of ofRole('shell')) {
    if (file.size > maxFileSize) oversizedShell.push(file);
    else {
      chosen.add(file.url);
      used += file.size;
    }
  }
  const listed = options.priority.flatMap((url) => {
    const file = byUrl.get(url);
    return file && roles.get(url) === 'note' ? [file] : [];
  });
  for (const note of [...listed, ...ofRole('note')]) tryTake(withAssets(note));
  tryTake(ofRole('search'));
  for (const file of ofRole('other')) tryTake(withAssets(file));

  return {
    precache: files.filter((file) => chosen.has(file.url)),
    runtime: files.filter((file) => !chosen.has(file.url) && !oversizedShell.includes(file)),
    oversizedShell,
  };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const total = (files: readonly SiteFile[]) => files.reduce((sum, file) => sum + file.size, 0);

/**
 * The build's log line: `service worker precaches 196 files (7.54 MiB)`, and when the budget left files out,
 * `; 4,217 files (145.35 MiB) over the 20 MiB budget left to runtime caching`.
 */
export function describePlan(plan: PrecachePlan, budget: number): string {
  const head = `service worker precaches ${plan.precache.length} files (${mib(total(plan.precache))})`;
  if (plan.runtime.length === 0) return head;
  const budgetText = `${+(budget / 1024 / 1024).toFixed(2)} MiB`;
  return (
    `${head}; ${plan.runtime.length.toLocaleString('en')} files (${mib(total(plan.runtime))}) over the ` +
    `${budgetText} budget left to runtime caching`
  );
}
