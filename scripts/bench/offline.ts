// The offline bundle's size: what a reader downloads to read every note without a network.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { table, type BenchSection } from './section.ts';

function folderBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      const inner = folderBytes(path);
      bytes += inner.bytes;
      files += inner.files;
    } else {
      bytes += statSync(path).size;
      files++;
    }
  }
  return { bytes, files };
}

/** Bytes the service worker precaches: the sizes in its manifest of revisioned URLs. */
function precacheBytes(dist: string): number {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
  return urls.reduce((sum, url) => {
    try {
      return sum + statSync(join(dist, url)).size;
    } catch {
      return sum;
    }
  }, 0);
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;

export const offlineBench: BenchSection = {
  name: 'offline',
  description: 'offline bundle (zip and unpacked) and the service worker precache',
  run: ({ dist }) => {
    const result = spawnSync(process.execPath, ['scripts/bundle.ts', '--from', dist], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm run bundle failed:\n${result.stderr}`);
    const zip = readdirSync('bundle').find((f) => f.endsWith('.zip'))!;
    const unpacked = folderBytes(join('bundle', zip.replace(/\.zip$/, '')));
    const site = folderBytes(dist);
    return Promise.resolve(
      table([
        ['measure', 'value'],
        ['bundle zip', mib(statSync(join('bundle', zip)).size)],
        ['bundle unpacked', `${mib(unpacked.bytes)} in ${unpacked.files} files`],
        ['served site (dist/)', `${mib(site.bytes)} in ${site.files} files`],
        [
          'service worker precache',
          `${mib(precacheBytes(dist))} (the app shell and, under a 20 MiB budget, the pages)`,
        ],
      ]),
    );
  },
};
