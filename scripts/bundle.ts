// `npm run bundle`: the site for reading offline from file://, as a folder and a zip:
//   bundle/deep-learning-notes-<version>/   and   bundle/deep-learning-notes-<version>.zip
// Builds the site (or takes an existing build with `--from <dir>`), then, on a copy:
// - rewrites root-absolute URLs in HTML, CSS and inline <style> to relative ones with index.html spelled out;
// - replaces each ES-module script (refused on file://) by a classic script bundled with esbuild from the
//   component's own <script> (dynamic imports inlined);
// - re-emits Pagefind for file:// (see src/search/client/pagefind-offline.ts);
// - drops what only works on a web server (service worker, manifest) and stamps version and date.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { build as esbuild } from 'esbuild';
import { rewriteCss, rewriteHtml, rewriteStyleElements, rootPrefix } from '../src/pipeline/postbuild/relative-urls.ts';
import { zip } from '../src/pipeline/postbuild/zip.ts';
import { mapCssUrls, mapSrcset, stripBase } from '../src/lib/text/base-path.ts';
import { rewriteHtmlUrls } from '../src/lib/text/html-urls.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const NAME = `deep-learning-notes-${pkg.version}`;
// BUNDLE_DIR: somewhere else than bundle/ (a test bundles a site of its own without touching the project's).
const OUT = resolve(process.env.BUNDLE_DIR ?? 'bundle');
const SITE = join(OUT, NAME);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const rel = (file: string) => relative(SITE, file).split(sep).join('/');

/** A site built with BASE_PATH (`<html data-base>`) goes back to root-absolute URLs before they are made relative. */
function withoutBase(base: string | undefined) {
  if (base === undefined) return { html: (html: string) => html, css: (css: string) => css };
  const strip = (url: string) => stripBase(url, base);
  const css = (text: string) => mapCssUrls(text, strip);
  return {
    css,
    html: (html: string) =>
      rewriteHtmlUrls(html, { url: strip, css, srcset: (srcset) => mapSrcset(srcset, strip) }).replace(
        /(<html\b[^>]*?) data-base="[^"]*"/,
        '$1',
      ),
  };
}

function buildSource(): string {
  const from = process.argv.indexOf('--from');
  if (from > 0) {
    const dir = resolve(process.argv[from + 1] ?? 'dist');
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`--from ${dir}: no built site there`);
    return dir;
  }
  const dir = join(OUT, '.site');
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    stdio: 'inherit',
    // Read from file://, the bundle has no base path whatever the environment says.
    env: { ...process.env, ASTRO_OUT_DIR: dir, BASE_PATH: '' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  return dir;
}

/** `src/…/<Component>.astro`, found by name. */
function findComponent(name: string): string | undefined {
  return walk('src').find((f) => basename(f) === `${name}.astro`);
}

/** The classic-script version of a module chunk Astro emitted for a component's n-th <script>. */
async function classicScript(chunk: string, cache: Map<string, string>): Promise<string> {
  const cached = cache.get(chunk);
  if (cached) return cached;
  const match = /^(.+?)\.astro_astro_type_script_index_(\d+)_lang\.[\w-]+\.js$/.exec(basename(chunk));
  const component = match && findComponent(match[1]!);
  if (!match || !component) throw new Error(`cannot map ${chunk} back to a component script for the offline bundle`);
  const scripts = [...readFileSync(component, 'utf8').matchAll(/<script(?![^>]*is:inline)[^>]*>([\s\S]*?)<\/script>/g)];
  const source = scripts[Number(match[2])]?.[1];
  if (source === undefined) throw new Error(`${component} has no <script> number ${match[2]}`);
  const outName = `_offline/${match[1]}-${match[2]}.js`;
  await esbuild({
    stdin: { contents: source, resolveDir: dirname(component), loader: 'ts', sourcefile: component },
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    // What Vite replaces in the web build; an IIFE has no import.meta.
    define: { 'import.meta.env.PROD': 'true', 'import.meta.env.DEV': 'false', 'import.meta.env.MODE': '"production"' },
    outfile: join(SITE, outName),
    logLevel: 'warning',
  });
  cache.set(chunk, outName);
  return outName;
}

async function pagefindForFile(): Promise<void> {
  const dir = join(SITE, 'pagefind');
  await esbuild({
    stdin: {
      contents: "import * as pagefind from './pagefind.js'; window.__pagefind = pagefind;",
      resolveDir: dir,
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    minify: true,
    outfile: join(dir, 'pagefind.offline.js'),
    logLevel: 'error',
  });
  for (const file of walk(dir)) {
    const key = relative(dir, file).split(sep).join('/');
    if (/\.js$|\.css$/.test(key)) continue;
    const data = readFileSync(file).toString('base64');
    writeFileSync(
      `${file}.js`,
      `(self.__pagefindFiles||(self.__pagefindFiles={}))[${JSON.stringify(key)}]=${JSON.stringify(data)};\n`,
    );
    rmSync(file);
  }
  for (const unused of [
    'pagefind-ui.js',
    'pagefind-ui.css',
    'pagefind-component-ui.js',
    'pagefind-component-ui.css',
    'pagefind-modular-ui.js',
    'pagefind-modular-ui.css',
    'pagefind-highlight.js',
    'pagefind-worker.js',
    'pagefind.js',
  ]) {
    rmSync(join(dir, unused), { force: true });
  }
}

function commit(): string {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

async function main() {
  const source = buildSource();
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  cpSync(source, SITE, { recursive: true });
  for (const webOnly of ['sw.js', 'manifest.webmanifest']) rmSync(join(SITE, webOnly), { force: true });
  for (const file of readdirSync(SITE).filter((f) => /^workbox-.*\.js$/.test(f))) rmSync(join(SITE, file));

  const built = new Date().toISOString().slice(0, 10);
  const stamp = `${pkg.version} · ${built} · ${commit()}`;
  const scripts = new Map<string, string>();
  const base = /<html\b[^>]*\sdata-base="([^"]*)"/.exec(readFileSync(join(SITE, 'index.html'), 'utf8'))?.[1];
  const unbased = withoutBase(base);
  for (const file of walk(SITE)) {
    const path = rel(file);
    if (file.endsWith('.css')) writeFileSync(file, rewriteCss(unbased.css(readFileSync(file, 'utf8')), path));
    if (!file.endsWith('.html')) continue;
    let html = unbased.html(readFileSync(file, 'utf8'));
    for (const m of [...html.matchAll(/<script type="module" src="(\/_astro\/[^"]+)"><\/script>/g)]) {
      const classic = await classicScript(m[1]!, scripts);
      html = html.replace(m[0], `<script src="/${classic}" defer></script>`);
    }
    html = html
      .replace(/<link rel="manifest"[^>]*>/, '')
      // The policy's hashes and 'self' do not describe the rewritten classic scripts on file://.
      .replace(/<meta http-equiv="content-security-policy"[^>]*>/, '')
      .replace('<html ', `<html data-root="${rootPrefix(path)}" data-pagefind-base="${rootPrefix(path)}pagefind/" `)
      .replace(
        '<footer class="site-footer">',
        `<footer class="site-footer"><p class="bundle-version" data-testid="bundle-version">离线版 · Offline edition ${stamp}</p>`,
      );
    writeFileSync(file, rewriteStyleElements(rewriteHtml(html, path), path));
  }
  await pagefindForFile();
  writeFileSync(join(SITE, 'VERSION.txt'), `${pkg.name} ${stamp}\nOpen index.html in a browser; no server needed.\n`);

  const entries = walk(SITE).map((file) => ({ name: `${NAME}/${rel(file)}`, data: readFileSync(file) }));
  const archive = zip(entries);
  writeFileSync(join(OUT, `${NAME}.zip`), archive);
  console.log(
    `✓ offline bundle ${stamp}: ${entries.length} files, ${(archive.length / 1024 / 1024).toFixed(2)} MiB zipped → bundle/${NAME}.zip`,
  );
}

await main();
