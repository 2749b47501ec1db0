// Test builds of the checkout (scripts/build.ts or `astro dev` with NOTES_DIR set to a fixture) share what Astro
// keeps once per project, whatever the notes or output folder:
// - `.astro/content-modules.mjs`, the list of the notes' MDX modules: two builds of different notes at once
//   overwrite each other's, and a note's module goes missing ("UnknownContentCollectionError: Unexpected error
//   while rendering", seen with two test files building at once); so they take turns (`inTurn`);
// - the prerender bundle, which goes to the project's `.astro/` when the output folder is outside the project;
//   so test sites are written inside it (`buildFolder`).
// Copies of the project (project-copy.ts) have their own and need neither.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A new folder for a test's built site, inside the project (tests/.tmp, ignored by git). */
export function buildFolder(name: string): string {
  mkdirSync(join('tests', '.tmp'), { recursive: true });
  return resolve(mkdtempSync(join('tests', '.tmp', `${name}-`)));
}

const LOCK = resolve('tests', '.tmp', 'checkout-build.lock');
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until no other test process builds in the checkout; returns the release. */
export function takeTurn(timeoutMs = 15 * 60_000): () => void {
  mkdirSync(join('tests', '.tmp'), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(LOCK); // atomic: one process gets it
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner = NaN;
    try {
      owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    } catch {
      // Taken a moment ago, its pid not yet written.
    }
    if (owner > 0 && !alive(owner))
      rmSync(LOCK, { recursive: true, force: true }); // left by a killed run
    else if (Date.now() > deadline) throw new Error(`${LOCK}: another test has built in the checkout for too long`);
    else sleep(200);
  }
}

/** Runs `build` (a synchronous build of the checkout) in turn with other test files. */
export function inTurn<T>(build: () => T): T {
  const release = takeTurn();
  try {
    return build();
  } finally {
    release();
  }
}
