// Heavy tools that only scripts use (Lighthouse, the benchmark's peers) live in folders of their own under bench/,
// each with its own package.json and lockfile, so the site's dependencies stay lean. This installs such a folder
// on first use, and again when its lockfile is newer than what is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Runs `npm ci` (or `npm install` without a lockfile) in `dir` when its node_modules is missing or stale. */
export function ensureInstalled(dir: string): void {
  const installed = join(dir, 'node_modules', '.package-lock.json');
  const lock = join(dir, 'package-lock.json');
  if (existsSync(installed) && (!existsSync(lock) || statSync(installed).mtimeMs >= statSync(lock).mtimeMs)) return;
  console.log(`Installing ${dir} (its own package.json and lockfile) …`);
  const npm = spawnSync('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: 'inherit',
  });
  if (npm.status !== 0) throw new Error(`npm could not install ${dir}.`);
}
