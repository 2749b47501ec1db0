import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { listBuiltFiles, type BuiltPage } from '../pipeline/postbuild/built-pages.ts';
import { planSearchUpdate, type SearchBase, type SearchDelta, type SearchShard } from './delta.ts';
import { DEFAULT_SHARD_BYTES, planShards, searchablePages } from './shards.ts';

export interface SearchIndexSummary {
  errors: string[];
  /** Indexed pages per Pagefind language, e.g. `{ 'zh-cn': 12, en: 12 }` (for a delta, the pages it re-indexed). */
  languages: Record<string, number>;
  /** How the index was made: all pages, or the last full index plus the pages changed since. */
  kind: 'full' | 'delta';
  /** The bundles of a full index made in shards (src/search/shards.ts) after the first, `pagefind/shard-1/`… */
  shards: SearchShard[];
}

// KaTeX's rendered HTML and MathML are excluded because their glyph soup pollutes results.
const PAGEFIND_OPTIONS = { excludeSelectors: ['.katex-html', '.katex-mathml semantics > :not(annotation)'] };
const OPTIONS_KEY = JSON.stringify(PAGEFIND_OPTIONS);

/**
 * The site's search index (Pagefind, into `<dir>/pagefind/`), made incrementally. A full index takes most of a
 * rebuild at 2,000 notes (6–10 s) although an edit changes one page. So the last full index is kept in
 * `cacheDir` with a digest of every page it saw; a rebuild links it and indexes only the pages that changed
 * since into `pagefind/delta/`, and `pagefind/delta.json` names the pages of the full index that the delta
 * replaces or that are gone (src/search/client/pagefind.ts merges the two and drops those). When the changes
 * grow past a few per cent of the site, the whole site is indexed again and becomes the new base.
 *
 * Call `start()` as the pages are read, feed it every page (`visit`, see src/pipeline/postbuild/built-pages.ts), then
 * call `write()`. With no kept index, `start()` indexes the whole site, beside the page pass (scripts/build.ts): a
 * native process on the core the page pass leaves. A site too large for one Pagefind run is indexed in shards, so
 * that Pagefind's memory stays under 1 GiB while the page pass holds its own.
 */
export function searchIndex(dir: string, cacheDir: string) {
  const base = readBase(cacheDir);
  const pages = new Map<string, string>();
  const changed = new Map<string, string>();
  let full: SearchIndexSummary | undefined;
  return {
    async start(): Promise<void> {
      if (!base) full = await indexAll(dir, cacheDir);
    },
    visit(page: BuiltPage): void {
      pages.set(page.path, page.digest);
      if (base && base.pages[page.path]?.digest !== page.digest) changed.set(page.path, page.html());
    },
    async write(): Promise<SearchIndexSummary> {
      if (full) return finishFull(full);
      const plan = base ? planSearchUpdate(base, pages) : { kind: 'full' as const };
      if (plan.kind === 'full') return finishFull(await indexAll(dir, cacheDir));
      copyFolder(join(cacheDir, 'base'), join(dir, 'pagefind'));
      const shards = base!.shards ?? [];
      if (plan.changed.length === 0) {
        writeDelta(dir, { superseded: plan.superseded, languages: [], shards });
        return { errors: [], languages: {}, kind: 'delta', shards };
      }
      const { index, errors } = await createIndex(PAGEFIND_OPTIONS);
      if (!index) return { errors, languages: {}, kind: 'delta', shards };
      const added = await Promise.all(
        plan.changed.map((path) => index.addHTMLFile({ sourcePath: path, content: changed.get(path)! })),
      );
      const out = join(dir, 'pagefind', 'delta');
      const written = await index.writeFiles({ outputPath: out });
      await close();
      removeUnusedBundleFiles(out);
      const languages = languagesOf(out);
      // A page whose indexed text did not change keeps its fragment id: both indexes then return it, and the
      // search keeps one copy; it must not be dropped from the base as well.
      const stillValid = new Set(fragmentIds(out));
      writeDelta(dir, {
        index: 'delta/',
        languages: Object.keys(languages),
        superseded: plan.superseded.filter((id) => !stillValid.has(id)),
        shards,
      });
      return {
        errors: [...added.flatMap((a) => a.errors), ...written.errors],
        languages,
        kind: 'delta',
        shards,
      };
    },
  };

  /** Records the full index just written as the base of later deltas. */
  function finishFull(summary: SearchIndexSummary): SearchIndexSummary {
    if (summary.errors.length > 0) return summary;
    const out = join(dir, 'pagefind');
    const bundles = [out, ...summary.shards.map((shard) => join(out, shard.index))];
    const ids = new Map(bundles.flatMap((bundle) => [...fragmentUrls(bundle)].map(([id, url]) => [url, id])));
    const record: SearchBase = {
      options: OPTIONS_KEY,
      pagefind: pagefindVersion(out),
      pages: {},
      shards: summary.shards,
    };
    for (const [path, pageDigest] of pages) record.pages[path] = { digest: pageDigest, id: ids.get(urlOf(path)) };
    writeDelta(dir, { superseded: [], languages: [], shards: summary.shards });
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    copyFolder(out, join(cacheDir, 'base.new'));
    renameSync(join(cacheDir, 'base.new'), join(cacheDir, 'base'));
    writeFileSync(join(cacheDir, 'base.json'), JSON.stringify(record));
    return summary;
  }
}

/** How much HTML one Pagefind run may read; `SEARCH_SHARD_MIB` sets it (the tests shard a small site). */
function shardBytes(): number {
  const mib = Number(process.env.SEARCH_SHARD_MIB);
  return mib > 0 ? mib * 1024 * 1024 : DEFAULT_SHARD_BYTES;
}

/**
 * Every page of the site, as Pagefind's `addDirectory` does it: in one run, or for a site with more HTML than one
 * run may read, in shards (src/search/shards.ts): the first into `pagefind/`, the others into `pagefind/shard-<n>/`.
 * Each shard's run reads a folder of links to its pages (their paths, so their URLs, unchanged) and is closed
 * before the next starts.
 */
async function indexAll(dir: string, cacheDir: string): Promise<SearchIndexSummary> {
  const out = join(dir, 'pagefind');
  const html = listBuiltFiles(dir).pages;
  const maxBytes = shardBytes();
  const total = html.reduce((sum, path) => sum + statSync(join(dir, path)).size, 0);
  if (total <= maxBytes) return indexFolder(dir, out);
  const plan = planShards(
    searchablePages(html, (path) => readFileSync(join(dir, path))),
    maxBytes,
  );
  if (plan.length === 1) return indexFolder(dir, out);
  const summary: SearchIndexSummary = { errors: [], languages: {}, kind: 'full', shards: [] };
  const links = join(cacheDir, 'shard-pages');
  for (const [i, shard] of plan.entries()) {
    rmSync(links, { recursive: true, force: true });
    linkFiles(dir, links, shard);
    const bundle = i === 0 ? out : join(out, `shard-${i}`);
    const { errors, languages } = await indexFolder(links, bundle);
    summary.errors.push(...errors);
    for (const [language, count] of Object.entries(languages))
      summary.languages[language] = (summary.languages[language] ?? 0) + count;
    if (i > 0) {
      removeUnusedBundleFiles(bundle);
      summary.shards.push({ index: `shard-${i}/`, languages: Object.keys(languages) });
    }
  }
  rmSync(links, { recursive: true, force: true });
  return summary;
}

/** One Pagefind run over a folder's pages into `bundle`. */
async function indexFolder(folder: string, bundle: string): Promise<SearchIndexSummary> {
  const { index, errors } = await createIndex(PAGEFIND_OPTIONS);
  if (!index) return { errors, languages: {}, kind: 'full', shards: [] };
  const added = await index.addDirectory({ path: folder });
  const written = await index.writeFiles({ outputPath: bundle });
  await close();
  return { errors: [...added.errors, ...written.errors], languages: languagesOf(bundle), kind: 'full', shards: [] };
}

/** Links (or copies) the files `paths` of `from` into `to` at the same relative paths. */
function linkFiles(from: string, to: string, paths: readonly string[]): void {
  for (const path of paths) {
    const target = join(to, path);
    mkdirSync(dirname(target), { recursive: true });
    linkOrCopy(join(from, path), target);
  }
}

/** The last full index's record, if it was made by this Pagefind with these options and its files are there. */
function readBase(cacheDir: string): SearchBase | undefined {
  try {
    const record = JSON.parse(readFileSync(join(cacheDir, 'base.json'), 'utf8')) as SearchBase;
    const files = join(cacheDir, 'base');
    const usable = record.options === OPTIONS_KEY && existsSync(files) && record.pagefind === pagefindVersion(files);
    return usable ? record : undefined;
  } catch {
    return undefined;
  }
}

function pagefindVersion(bundle: string): string {
  return (JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { version: string }).version;
}

function languagesOf(bundle: string): Record<string, number> {
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.fromEntries(Object.entries(entry.languages).map(([lang, v]) => [lang, v.page_count]));
}

/** `notes/x/index.html` → `/notes/x/`, the URL Pagefind gives the page. */
const urlOf = (path: string) => `/${path}`.replace(/(^|\/)index\.html$/, '$1');

/** The fragment ids (`en_01bbf0b`) of a Pagefind bundle: its fragment files' names. */
function fragmentIds(bundle: string): string[] {
  const folder = join(bundle, 'fragment');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => name.slice(0, -'.pf_fragment'.length));
}

/** Fragment id → page URL, read from a Pagefind bundle's fragment files. */
function fragmentUrls(bundle: string): Map<string, string> {
  return new Map(
    fragmentIds(bundle).map((id) => {
      // A fragment is gzipped `pagefind_dcd` followed by the page's JSON.
      const text = gunzipSync(readFileSync(join(bundle, 'fragment', `${id}.pf_fragment`))).toString('utf8');
      return [id, (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url];
    }),
  );
}

function writeDelta(dir: string, delta: SearchDelta): void {
  const file = join(dir, 'pagefind', 'delta.json');
  rmSync(file, { force: true }); // it may be a hard link into the kept index (see copyFolder)
  const { shards, ...rest } = delta;
  writeFileSync(file, JSON.stringify(shards && shards.length > 0 ? delta : rest));
}

/** A delta is only ever merged into the main index: its own copy of Pagefind's scripts and UI is never loaded. */
function removeUnusedBundleFiles(bundle: string): void {
  for (const name of readdirSync(bundle)) if (/\.(?:js|css)$/.test(name)) rmSync(join(bundle, name));
}

/**
 * Copies a folder of files that are never written in place (Pagefind's output), as hard links where it can:
 * 2,000 notes make about 2,300 files, and a link costs a fraction of a copy.
 */
function copyFolder(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) copyFolder(source, target);
    else linkOrCopy(source, target);
  }
}

function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target); // another file system
  }
}
