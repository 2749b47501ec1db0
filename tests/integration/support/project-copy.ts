// A copy of the whole project (code, content, config) that a test may edit and build without touching the
// checkout: its node_modules links each installed package, but the caches in it (.astro, .cache) are its own.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PROJECT = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public', 'scripts'];
/** Generated or cached: a copy starts without them. */
const NOT_COPIED = /(^|\/)(public\/vendor|node_modules|dist[^/]*)(\/|$)/;
const CACHES = new Set(['.astro', '.cache', '.vite', '.vitest']);

/** Copies the project's sources from `from` (the checkout, or another copy) into `to`, replacing what is there. */
export function copyProject(from: string, to: string): void {
  for (const entry of PROJECT) {
    rmSync(join(to, entry), { recursive: true, force: true });
    cpSync(join(from, entry), join(to, entry), {
      recursive: true,
      filter: (path) => !NOT_COPIED.test(resolve(path).slice(resolve(from).length + 1)),
    });
  }
  const modules = join(to, 'node_modules');
  mkdirSync(modules, { recursive: true });
  const installed = realpathSync(join(from, 'node_modules'));
  const linked = new Set(readdirSync(modules));
  for (const name of readdirSync(installed)) {
    if (!CACHES.has(name) && !linked.has(name)) symlinkSync(join(installed, name), join(modules, name));
  }
}

function buildEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  delete env.NOTES_DIR;
  delete env.ASTRO_OUT_DIR;
  return env;
}

/** `npm run build` in the copy; returns its log, or throws with it. */
export function buildProject(dir: string): string {
  const run = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: dir,
    env: buildEnvironment(),
    encoding: 'utf8',
  });
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`The build in ${dir} failed:\n${output}`);
  return output;
}

/** {@link buildProject} without blocking, so that two copies build side by side (a build mostly keeps one core busy). */
export function buildProjectInBackground(dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], { cwd: dir, env: buildEnvironment() });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.on('error', reject);
    child.on('close', (status) =>
      status === 0 ? resolve(output) : reject(new Error(`The build in ${dir} failed:\n${output}`)),
    );
  });
}
