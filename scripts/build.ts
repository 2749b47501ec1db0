// `npm run build`: the whole site, search index included, written atomically. The stages:
// 1. content and render (Astro, configured in astro.config.mjs: src/pipeline/content/, src/pipeline/render/)
//    into a staging folder;
// 2. the post-build passes (src/pipeline/postbuild/passes.ts) over the staging folder, which read every page once;
// 3. only then does the staging folder replace dist/. A failed build leaves the last good dist/ untouched.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, enableCompileCache } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { astroCacheDir, BUILD_CACHE_DIR, CONTENT_CODE, NODE_COMPILE_CACHE_DIR } from '../src/pipeline/build-cache.ts';
import { codeDigest } from '../src/pipeline/code-digest.ts';

const OUT = resolve(process.env.ASTRO_OUT_DIR ?? 'dist');
const STAGING = `${OUT}.staging`;
// The site this build replaces: unique per build, as its removal may outlive the build (see below).
const PREVIOUS = `${OUT}.previous-${process.pid}`;

function fail(message: string): never {
  rmSync(STAGING, { recursive: true, force: true });
  console.error(
    `\n✗ ${message}\n  ${existsSync(OUT) ? `The last good build in ${OUT} is unchanged.` : 'No site was written.'}`,
  );
  process.exit(1);
}

/**
 * Astro keeps each rendered note until the note's file changes, and its content config's own digest misses the
 * modules that config imports. Its cache goes when the code that renders notes does (the plugins, the schema,
 * the loaders, with everything they import: the real import graph, src/pipeline/code-digest.ts).
 */
function dropStaleAstroCache(): void {
  const dir = astroCacheDir(process.env.NOTES_DIR, STAGING);
  const stamp = join(dir, 'content-code.digest');
  const digest = codeDigest(CONTENT_CODE);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(stamp, digest);
}

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** This site's post-build cache, keyed by the passes' code; caches of older code are removed. */
function postBuildCache(passesCode: string[]): string {
  const site = join(BUILD_CACHE_DIR, 'built-site', digestOf(OUT));
  const code = codeDigest(passesCode);
  if (existsSync(site)) {
    for (const name of readdirSync(site)) if (name !== code) rmSync(join(site, name), { recursive: true, force: true });
  }
  return join(site, code);
}

const started = performance.now();
/** A step's time for the build's log. */
const seconds = (ms: number) => `(${(ms / 1000).toFixed(1)} s)`;

rmSync(STAGING, { recursive: true, force: true });
for (const leftover of leftoverSites()) {
  try {
    rmSync(leftover, { recursive: true, force: true });
  } catch {
    // Its own removal may still be at work on it; either way it is only the old site.
  }
}
dropStaleAstroCache();
// The project's own Astro, run by the Node running this script (24), whatever PATH says.
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const astro = spawn(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  // NODE_ENV as a production build has it whatever the caller's is (a test runner sets `test`, and Vite then
  // builds the pages' scripts with import.meta.env.PROD false: no service worker).
  env: {
    NODE_COMPILE_CACHE: resolve(NODE_COMPILE_CACHE_DIR),
    ...process.env,
    NODE_ENV: 'production',
    ASTRO_OUT_DIR: STAGING,
    ASTRO_TELEMETRY_DISABLED: '1',
  },
});
enableCompileCache(resolve(NODE_COMPILE_CACHE_DIR)); // for the passes, loaded next
const astroExit = new Promise<number | null>((done) => astro.on('close', (code) => done(code)));
// Loaded while Astro runs (a third of a second of a rebuild otherwise): the passes and their cache's key. Should
// that fail, it is reported once Astro is done, not while it still writes the staging folder.
// The same for what the passes need of the last build (the pages' remembered findings, KaTeX's font rules).
const loading = Promise.all([
  import('../src/pipeline/postbuild/built-pages.ts'),
  import('../src/pipeline/postbuild/passes.ts'),
]).then(([pages, passes]) => {
  const cacheDir = postBuildCache(passes.POSTBUILD_CODE);
  const running = passes.POSTBUILD_PASSES.map((pass) => pass.create({ dir: STAGING, cacheDir }));
  for (const pass of running) pass.prepare?.();
  const findingsFile = join(cacheDir, 'findings.json');
  return { ...pages, ...passes, passes: running, findingsFile, remembered: pages.rememberedFindings(findingsFile) };
});
loading.catch(() => undefined);
if ((await astroExit) !== 0) fail('astro build failed (see the message above).');
const { listBuiltFiles, visitPages, PassError, passes, findingsFile, remembered } = await loading;
console.log(`✓ astro build ${seconds(performance.now() - started)}`);

// Each pass's start (Pagefind's first full index: a native process on one and a half cores) runs beside the one
// read of the site (this thread), unless a pass rewrites pages as it reads them.
const ownMs = passes.map(() => 0);
const starting = async () => {
  for (const [i, pass] of passes.entries()) {
    const at = performance.now();
    await pass.start?.();
    ownMs[i] = ownMs[i]! + performance.now() - at;
  }
};
const files = listBuiltFiles(STAGING);
const reading = async () => {
  const at = performance.now();
  await visitPages(STAGING, files.pages, {
    scans: passes.flatMap((pass) => (pass.scan ? [pass.scan] : [])),
    visitors: passes.flatMap((pass) => (pass.visit ? [pass.visit] : [])),
    findingsFile,
    remembered,
  });
  // The one read of the site counts towards the first pass, whose checks it mostly serves.
  ownMs[0] = ownMs[0]! + performance.now() - at;
};
if (passes.some((pass) => pass.rewritesPages)) {
  await starting();
  await reading();
} else {
  await Promise.all([starting(), reading()]);
}
for (const [i, pass] of passes.entries()) {
  try {
    const at = performance.now();
    const line = await pass.finish(files);
    console.log(`✓ ${line} ${seconds(ownMs[i]! + performance.now() - at)}`);
  } catch (error) {
    if (error instanceof PassError) fail(error.message);
    throw error;
  }
}

if (existsSync(OUT)) renameSync(OUT, PREVIOUS);
renameSync(STAGING, OUT);
console.log(`✓ site written to ${OUT} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
removeInBackground(PREVIOUS);

/**
 * Deleting the last site takes longer than replacing it (0.6 s at 2,000 notes, 6,000 files): the new site is in
 * place already, so a process of its own deletes the old one after this build has returned. Should it not finish,
 * the next build deletes what is left.
 */
function removeInBackground(folder: string): void {
  if (!existsSync(folder)) return;
  const script = `require('node:fs').rmSync(${JSON.stringify(folder)}, { recursive: true, force: true })`;
  spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' }).unref();
}

/** What earlier builds left of the sites they replaced: `dist.previous-<pid>`. */
function leftoverSites(): string[] {
  const [parent, name] = [dirname(OUT), `${basename(OUT)}.previous-`];
  return existsSync(parent)
    ? readdirSync(parent)
        .filter((entry) => entry.startsWith(name))
        .map((entry) => join(parent, entry))
    : [];
}
