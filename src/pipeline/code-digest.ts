// Why: the build remembers results (rendered notes, checked notes, what the post-build scans found on a page)
// and may reuse one only while the code that produced it is unchanged. Lists of "the files that matter" kept by
// hand go stale the day a module gains an import; this reads the real import graph instead. esbuild bundles the
// entry points without writing anything (packages stay external), and its metafile names every local file the
// code can reach; each external package counts by its name and installed version.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { BUILD_CACHE_DIR } from './build-cache.ts';
import { settledIdentity } from './file-identity.ts';
import { replaceFileSync } from './postbuild/replace-file.ts';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

/** What a piece of code is made of: its local modules (paths relative to `root`) and its packages (`name@version`). */
export interface CodeGraph {
  files: string[];
  packages: string[];
}

/** Specifiers resolved at run time by Astro or Vite (virtual modules), not files: they cannot be followed. */
const VIRTUAL = ['astro:*', 'virtual:*'];

/** The local files and external packages reachable from `entries` by static and dynamic imports. */
export function codeGraph(entries: readonly string[], root = process.cwd()): CodeGraph {
  const imports = rememberedImports(entries, root) ?? readImports(entries, root);
  const packages = new Set(imports.externals.map(([specifier, importer]) => packageVersion(specifier, importer)));
  return { files: imports.files, packages: [...packages].sort() };
}

/** The graph as esbuild reads it: local files, and each external import with the file that imports it. */
interface Imports {
  files: string[];
  externals: Array<[specifier: string, importer: string]>;
}

function readImports(entries: readonly string[], root: string): Imports {
  const { metafile } = buildSync({
    entryPoints: entries.map((entry) => resolve(root, entry)),
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    external: VIRTUAL,
    outdir: 'code-digest-unused',
    logLevel: 'silent',
    loader: { '.svg': 'text', '.css': 'text' },
  });
  const externals: Imports['externals'] = [];
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const imported of input.imports) {
      if (!imported.external || imported.path.startsWith('node:') || isVirtual(imported.path)) continue;
      externals.push([imported.path, resolve(root, file)]);
    }
  }
  const imports = { files: Object.keys(metafile.inputs).sort(), externals };
  remember(entries, root, imports);
  return imports;
}

/**
 * Reading the graph takes esbuild 80-150 ms, three times per build. It is remembered with the identity of every
 * file in it and of their folders (a file added beside them could change what an import resolves to), and reused
 * while none of them changed. The files' bytes are read and hashed every time (codeDigest).
 */
interface RememberedImports extends Imports {
  identities: Record<string, string>;
}

const rememberedFile = (entries: readonly string[], root: string) =>
  join(
    root,
    BUILD_CACHE_DIR,
    'code-graph',
    `${createHash('sha256').update(entries.join('\0')).digest('hex').slice(0, 16)}.json`,
  );

/**
 * The files and their folders, but for the project root: a build writes its output beside it (dist.staging), and
 * the entry points there are named in full.
 */
const watchedPaths = (files: readonly string[]) => [
  ...new Set([...files, ...files.map((file) => dirname(file)).filter((folder) => folder !== '.')]),
];

function remember(entries: readonly string[], root: string, imports: Imports): void {
  const identities: Record<string, string> = {};
  for (const path of watchedPaths(imports.files)) {
    const id = settledIdentity(resolve(root, path));
    if (id === undefined) return;
    identities[path] = id;
  }
  const file = rememberedFile(entries, root);
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Replaced, not written in place: test files and builds running at once read it.
    replaceFileSync(file, JSON.stringify({ ...imports, identities } satisfies RememberedImports));
  } catch {
    // Only a later build's time is lost.
  }
}

function rememberedImports(entries: readonly string[], root: string): Imports | undefined {
  let stored: RememberedImports;
  try {
    stored = JSON.parse(readFileSync(rememberedFile(entries, root), 'utf8')) as RememberedImports;
  } catch {
    return undefined;
  }
  const paths = watchedPaths(stored.files ?? []);
  if (paths.length === 0 || paths.some((path) => stored.identities?.[path] !== settledIdentity(resolve(root, path)))) {
    return undefined;
  }
  return { files: stored.files, externals: stored.externals };
}

const isVirtual = (specifier: string) => VIRTUAL.some((pattern) => specifier.startsWith(pattern.slice(0, -1)));

/** `name@version` of the package a bare specifier (`katex/dist/x.css`, `@scope/pkg`) names, as `importer` sees it. */
function packageVersion(specifier: string, importer: string): string {
  const name = specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : (specifier.split('/')[0] ?? specifier);
  try {
    const manifest = findPackageJSON(name, pathToFileURL(importer));
    if (manifest) return `${name}@${(JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version}`;
  } catch {
    // A Node built-in without the node: prefix, or a package that is not installed: the name alone.
  }
  return name;
}

/**
 * A digest of the code reachable from `entries`: the bytes of every local module and the version of every
 * package it imports. Key remembered results by it (with their inputs), and they cannot outlive their code.
 */
export function codeDigest(entries: readonly string[], root = process.cwd()): string {
  const graph = codeGraph(entries, root);
  const hash = createHash('sha256');
  for (const file of graph.files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(resolve(root, file)))
      .update('\0');
  for (const name of graph.packages) hash.update(name).update('\0');
  return hash.digest('hex').slice(0, 16);
}
