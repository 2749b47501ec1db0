// Why: the pages of a build may be hard links to Astro's cache of pages (src/pipeline/render/restore-by-link.ts).
// Writing such a file in place would change the cached page, and the last good site's, too. Every step that
// changes a built file writes a new file beside it and renames it over the old one: the old file's other names
// keep the old content.
import { renameSync, writeFileSync, promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';

const temporaryOf = (file: string | URL) =>
  `${typeof file === 'string' ? file : fileURLToPath(file)}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;

export async function replaceFile(file: string | URL, content: string | Uint8Array): Promise<void> {
  const temporary = temporaryOf(file);
  await fs.writeFile(temporary, content);
  await fs.rename(temporary, file);
}

export function replaceFileSync(file: string, content: string | Uint8Array): void {
  const temporary = temporaryOf(file);
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}
