// The images of one imported note: each found file gets a safe, unique name under public/images/<slug>/, and is
// copied only once the note has converted (a note that fails leaves nothing behind).
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { slugify } from '../../src/lib/text/slugify.ts';
import type { ImageLookup } from './site-files.ts';

export class ImageCopies {
  private readonly files = new Map<string, string>();
  /** `src: why` for each image that was found but may not be copied. */
  readonly refused: string[] = [];

  private readonly slug: string;

  constructor(slug: string) {
    this.slug = slug;
  }

  /** The URL for an image `src` that `lookup` found (or refused); `undefined` when there is nothing to link. */
  urlFor(src: string, lookup: ImageLookup): string | undefined {
    if (lookup && 'refused' in lookup) this.refused.push(`${src}: ${lookup.refused}`);
    if (!lookup || !('file' in lookup)) return undefined;
    const ext = extname(lookup.file).toLowerCase();
    const stem = slugify(basename(lookup.file, extname(lookup.file))) ?? 'image';
    let name = this.files.get(lookup.file) ?? `${stem}${ext}`;
    const taken = new Set([...this.files].filter(([from]) => from !== lookup.file).map(([, file]) => file));
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}${ext}`;
    this.files.set(lookup.file, name);
    return `/images/${this.slug}/${name}`;
  }

  get size(): number {
    return this.files.size;
  }

  /** Which of `missing` were refused rather than not found. */
  notFound(missing: readonly string[]): string[] {
    const refused = new Set(this.refused.map((r) => r.slice(0, r.indexOf(': '))));
    return missing.filter((src) => !refused.has(src));
  }

  copyInto(publicDir: string): string {
    const folder = join(publicDir, 'images', this.slug);
    for (const [from, name] of this.files) {
      mkdirSync(folder, { recursive: true });
      copyFileSync(from, join(folder, name));
    }
    return folder;
  }
}
