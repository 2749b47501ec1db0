// Where a test's build writes its site: a new folder inside the project (tests/.tmp, ignored by git). Astro writes
// the server half of a static build (its prerender bundle) into the output folder when that folder is inside the
// project, and into the project's own `.astro/` when it is not; there two builds at once (two test files) delete
// and overwrite each other's chunks ("UnknownContentCollectionError … while rendering").
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function buildFolder(name: string): string {
  mkdirSync(join('tests', '.tmp'), { recursive: true });
  return resolve(mkdtempSync(join('tests', '.tmp', `${name}-`)));
}
