// Why: a rebuild should not read what it read last time (the built pages, the modules of the import graph). A file
// is taken as unchanged while it is the same file: device, inode, size and modification time in nanoseconds. Every
// step of the build that changes a file replaces it (src/pipeline/postbuild/replace-file.ts), so a new content is
// a new identity.
import { statSync } from 'node:fs';

/** A file changed this recently may change again within the same tick of the file system's clock, unseen. */
const SETTLED_MS = 2_000;

/**
 * The identity of the file or folder at `path`, or undefined when it is missing or changed in the last moments
 * ("racy git"): such a file is read the next time, not taken by its identity.
 */
export function settledIdentity(path: string): string | undefined {
  try {
    const stat = statSync(path, { bigint: true });
    if (Date.now() - Number(stat.mtimeMs) < SETTLED_MS) return undefined;
    return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch {
    return undefined;
  }
}
