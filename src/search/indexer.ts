import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import type { BuiltPage } from '../pipeline/postbuild/built-pages.ts';
import { planSearchUpdate, type SearchBase, type SearchDelta } from './delta.ts';

export interface SearchIndexSummary {
  errors: string[];
  /** Indexed pages per Pagefind language, e.g. `{ 'zh-cn': 12, en: 12 }` (for a delta, the pages it re-indexed). */
  languages: Record<string, number>;
  /** How the index was made: all pages, or the last full index plus the pages changed since. */
  kind: 'full' | 'delta';
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
 * Call `start()` before the pages are read, feed it every page (`visit`, see src/pipeline/postbuild/built-pages.ts), then call
 * `write()`. With no kept index, `start()` indexes the whole site at once: Pagefind needs 4.7 GB at 10,000 notes,
 * and the page pass leaves this process at 2 GB, so the two must not overlap.
 */
export function searchIndex(dir: string, cacheDir: string) {
  const base = readBase(cacheDir);
  const pages = new Map<string, string>();
  const changed = new Map<string, string>();
  let full: SearchIndexSummary | undefined;
  return {
    async start(): Promise<void> {
      if (!base) full = await indexAll(dir);
    },
    visit(page: BuiltPage): void {
      pages.set(page.path, page.digest);
      if (base && base.pages[page.path]?.digest !== page.digest) changed.set(page.path, page.html());
    },
    async write(): Promise<SearchIndexSummary> {
      if (full) return finishFull(full);
      const plan = base ? planSearchUpdate(base, pages) : { kind: 'full' as const };
      if (plan.kind === 'full') return finishFull(await indexAll(dir));
      copyFolder(join(cacheDir, 'base'), join(dir, 'pagefind'));
      if (plan.changed.length === 0) {
        writeDelta(dir, { superseded: plan.superseded, languages: [] });
        return { errors: [], languages: {}, kind: 'delta' };
      }
      const { index, errors } = await createIndex(PAGEFIND_OPTIONS);
      if (!index) return { errors, languages: {}, kind: 'delta' };
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
      });
      return {
        errors: [...added.flatMap((a) => a.errors), ...written.errors],
        languages,
        kind: 'delta',
      };
    },
  };

  /** Records the full index just written as the base of later deltas. */
  function finishFull(summary: SearchIndexSummary): SearchIndexSummary {
    if (summary.errors.length > 0) return summary;
    const out = join(dir, 'pagefind');
    const ids = new Map([...fragmentUrls(out)].map(([id, url]) => [url, id]));
    const record: SearchBase = { options: OPTIONS_KEY, pagefind: pagefindVersion(out), pages: {} };
    for (const [path, pageDigest] of pages) record.pages[path] = { digest: pageDigest, id: ids.get(urlOf(path)) };
    writeDelta(dir, { superseded: [], languages: [] });
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    copyFolder(out, join(cacheDir, 'base.new'));
    renameSync(join(cacheDir, 'base.new'), join(cacheDir, 'base'));
    writeFileSync(join(cacheDir, 'base.json'), JSON.stringify(record));
    return summary;
  }
}

/** Every page of the site, as Pagefind's `addDirectory` does it. */
async function indexAll(dir: string): Promise<SearchIndexSummary> {
  const { index, errors } = await createIndex(PAGEFIND_OPTIONS);
  if (!index) return { errors, languages: {}, kind: 'full' };
  const added = await index.addDirectory({ path: dir });
  const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  await close();
  return { errors: [...added.errors, ...written.errors], languages: languagesOf(join(dir, 'pagefind')), kind: 'full' };
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
  writeFileSync(file, JSON.stringify(delta));
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
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target); // another file system
      }
    }
  }
}
