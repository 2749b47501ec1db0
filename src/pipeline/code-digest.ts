// Why: the build remembers results (rendered notes, checked notes, what the post-build scans found on a page)
// and may reuse one only while the code that produced it is unchanged. Lists of "the files that matter" kept by
// hand go stale the day a module gains an import; this reads the real import graph instead. esbuild bundles the
// entry points without writing anything (packages stay external), and its metafile names every local file the
// code can reach; each external package counts by its name and installed version.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import { resolve } from 'node:path';
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
  const files = Object.keys(metafile.inputs).sort();
  const packages = new Set<string>();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const imported of input.imports) {
      if (!imported.external || imported.path.startsWith('node:') || isVirtual(imported.path)) continue;
      packages.add(packageVersion(imported.path, resolve(root, file)));
    }
  }
  return { files, packages: [...packages].sort() };
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
