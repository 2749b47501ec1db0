// `npm run build`: the whole site, search index included, written atomically.
// Astro builds into a staging folder; every internal link and anchor is checked; Pagefind indexes it (only the
// pages changed since its last full index: src/search/indexer.ts); the KaTeX fonts are subset to the
// formulas; a service worker is generated (it precaches the site under a byte budget: src/pipeline/postbuild/precache-plan.ts);
// only then does the staging folder replace dist/. A failed build leaves the last good dist/ untouched.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { BUILD_CACHE_DIR } from '../src/pipeline/build-cache.ts';
import { listBuiltFiles, visitPages } from '../src/pipeline/postbuild/built-pages.ts';
import { siteChecks } from '../src/pipeline/postbuild/check-links.ts';
import { searchIndex } from '../src/search/indexer.ts';
import { precacheInputs, writeServiceWorker } from '../src/pipeline/postbuild/service-worker.ts';
import { katexGlyphScan, subsetKatexFonts } from '../src/katex/subset-fonts.ts';

const OUT = resolve(process.env.ASTRO_OUT_DIR ?? 'dist');
const STAGING = `${OUT}.staging`;
const PREVIOUS = `${OUT}.previous`;

function fail(message: string): never {
  rmSync(STAGING, { recursive: true, force: true });
  console.error(
    `\n✗ ${message}\n  ${existsSync(OUT) ? `The last good build in ${OUT} is unchanged.` : 'No site was written.'}`,
  );
  process.exit(1);
}

/**
 * Astro's content cache keeps each note's rendered HTML until the note's file changes, and is invalidated when
 * src/content.config.ts changes, but not when a module it imports (the schema, the tag registry) or the code of
 * a Markdown plugin does: stale entries then miss new fields or keep old HTML. Drop the cache (and with it the
 * incremental build's record of pages) when those change.
 */
function dropStaleContentCache(): void {
  const plugins = ['src/pipeline/render', 'src/katex']
    .flatMap((dir) => readdirSync(dir).map((f) => `${dir}/${f}`))
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const inputs = [
    'astro.config.mjs',
    'src/content.config.ts',
    'src/lib/content/note-schema.ts',
    'content/tags.json',
    ...plugins,
  ];
  const hash = createHash('sha256');
  for (const file of inputs) hash.update(existsSync(file) ? readFileSync(file) : '');
  const digest = hash.digest('hex');
  const stamp = 'node_modules/.astro/schema.sha256';
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  rmSync('node_modules/.astro', { recursive: true, force: true });
  mkdirSync('node_modules/.astro', { recursive: true });
  writeFileSync(stamp, digest);
}

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The code that finds things in built pages: remembered findings are only good for the code that found them. */
function scanCode(): string {
  const sources = ['src/pipeline/postbuild/link-check.ts', 'src/katex/glyphs.ts'].concat(
    ['src/pipeline/postbuild', 'src/katex', 'src/search'].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => `${dir}/${f}`),
    ),
  );
  return sources.map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : '')).join('\0');
}

rmSync(STAGING, { recursive: true, force: true });
dropStaleContentCache();
const started = performance.now();
let stepStarted = started;
/** How long the step since the last call took (plus `earlierMs` spent on it earlier), for the build's log. */
function took(earlierMs = 0): string {
  const now = performance.now();
  const text = `(${((now - stepStarted + earlierMs) / 1000).toFixed(1)} s)`;
  stepStarted = now;
  return text;
}
// The project's own Astro, run by the Node running this script (24), whatever PATH says.
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const astro = spawnSync(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_OUT_DIR: STAGING, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (astro.status !== 0) fail('astro build failed (see the message above).');
console.log(`✓ astro build ${took()}`);

// Every page is read once: for the checks, the precache plan, the KaTeX font subsets and the search index. What
// the scans find on a page is kept until the page changes.
const cache = join(BUILD_CACHE_DIR, 'built-site', digestOf(OUT));
const search = searchIndex(STAGING, join(cache, 'search-index'));
const indexStarted = performance.now();
await search.start();
const indexMs = performance.now() - indexStarted;
stepStarted = performance.now();
const files = listBuiltFiles(STAGING);
const checks = siteChecks();
const precache = precacheInputs();
const katexGlyphs = katexGlyphScan();
visitPages(STAGING, files.pages, {
  scans: [checks.scan, precache.scan, katexGlyphs.scan],
  visitors: [search.visit],
  findingsFile: join(cache, `findings-${digestOf(scanCode())}.json`),
});
const readTime = took();

const broken = checks.brokenLinks(files.others);
if (broken.length > 0) {
  fail(`${broken.length} broken internal link${broken.length > 1 ? 's' : ''}:\n  ${broken.join('\n  ')}`);
}
const basics = checks.pagesWithoutBasics();
if (basics.length > 0)
  fail(`${basics.length} page${basics.length > 1 ? 's' : ''} without the basics:\n  ${basics.join('\n  ')}`);
console.log(`✓ internal links, anchors and images; every page has one <h1>, a title and a description ${readTime}`);

const searched = await search.write();

if (searched.errors.length > 0) fail(`Pagefind could not index the site:\n  ${searched.errors.join('\n  ')}`);
const counts = Object.entries(searched.languages)
  .map(([l, n]) => `${n} ${l}`)
  .join(', ');
const searchLine =
  searched.kind === 'full'
    ? `${counts} pages`
    : counts
      ? `the last full index, plus ${counts} pages changed since`
      : 'the last full index (no page changed since)';
console.log(`✓ search index: ${searchLine} ${took(indexMs)}`);

// Before the service worker, which records each file's revision.
console.log(`✓ ${(await subsetKatexFonts(STAGING, katexGlyphs.glyphs)).summary} ${took()}`);

const sw = await writeServiceWorker(STAGING, precache);
if (sw.warnings.length > 0) fail(`the service worker could not precache everything:\n  ${sw.warnings.join('\n  ')}`);
console.log(`✓ ${sw.summary} ${took()}`);

rmSync(PREVIOUS, { recursive: true, force: true });
if (existsSync(OUT)) renameSync(OUT, PREVIOUS);
renameSync(STAGING, OUT);
rmSync(PREVIOUS, { recursive: true, force: true });
console.log(`✓ site written to ${OUT} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
