// The offline bundle's archive, written by fflate (a maintained ZIP writer in plain JavaScript), so that building
// it needs no `zip` binary on the machine.
import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Unix, rw-r--r--: unzip tools restore a readable file rather than one without permissions. */
const REGULAR_FILE = { os: 3, attrs: (0o100644 << 16) >>> 0 };

export function zip(entries: readonly ZipEntry[], modified = new Date()): Buffer {
  const files: Zippable = {};
  for (const { name, data } of entries) files[name] = [data, { level: 9, mtime: modified, ...REGULAR_FILE }];
  return Buffer.from(zipSync(files));
}
