// What every import shares, whatever it reads: where notes, images and the tag registry are, the notes and
// citation keys the site already has, the report (one record per file: created with what changed, skipped and
// why, failed and why) and the summary line. The Jekyll and notes-folder importers only convert.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseBibtex } from '../../src/lib/content/bibtex.ts';
import type { Lang } from '../../src/lib/content/lang.ts';
import { tagRegistry, type TagRegistry } from '../../src/lib/content/tags.ts';
import { addTagsToRegistryText } from '../../src/lib/content/tags-file.ts';
import { formatProblem, type ImportWarning } from '../../src/lib/import/problems.ts';
import type { ImageCopies } from './image-copies.ts';

export interface SessionOptions {
  lang: Lang;
  notesDir: string;
  publicDir: string;
  tagsFile: string;
  bibliography: string;
  force: boolean;
  slug?: string | undefined;
  extraTags?: string[] | undefined;
}

/** What one converted note brings to the report, beyond its own warnings. */
export interface ConvertedNote {
  text: string;
  newTags: readonly string[];
  missingImages: readonly string[];
  warnings: readonly ImportWarning[];
  /** Changes worth a line of their own (description source, renamed slug, escaped dollars…). */
  notes: ReadonlyArray<string | false | undefined>;
}

/** A path as short as it is clear: relative inside the project, absolute outside it. */
export function show(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? resolve(path) : rel;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export class ImportSession {
  readonly existingSlugs: ReadonlySet<string>;
  readonly citationKeys: ReadonlySet<string>;
  private registryText: string;
  private readonly newTags: string[] = [];
  private readonly records: string[] = [];
  private counts = { created: 0, skipped: 0, failed: 0 };

  readonly options: SessionOptions;

  constructor(options: SessionOptions) {
    this.options = options;
    const folder = join(options.notesDir, options.lang);
    this.existingSlugs = new Set(existsSync(folder) ? readdirSync(folder).map((f) => f.replace(/\.mdx?$/, '')) : []);
    const bib = options.bibliography;
    this.citationKeys = new Set(
      existsSync(bib) ? parseBibtex(readFileSync(bib, 'utf8'), bib).map((entry) => entry.key) : [],
    );
    this.registryText = readFileSync(options.tagsFile, 'utf8');
  }

  get registry(): TagRegistry {
    return tagRegistry(JSON.parse(this.registryText) as Record<string, unknown>);
  }

  fail(file: string, problem: string | { line?: number | undefined; message: string }): void {
    this.records.push(
      `failed  ${typeof problem === 'string' ? `${show(file)}: ${problem}` : formatProblem(show(file), problem)}`,
    );
    this.counts.failed++;
  }

  skip(file: string, why: string): void {
    this.records.push(`skipped ${show(file)}: ${why}`);
    this.counts.skipped++;
  }

  /** Where the note `slug` goes; `undefined` (reported as skipped) when a note is there and may not be replaced. */
  target(file: string, slug: string): string | undefined {
    const target = join(this.options.notesDir, this.options.lang, `${slug}.md`);
    const mdx = join(this.options.notesDir, this.options.lang, `${slug}.mdx`);
    if (existsSync(mdx)) this.skip(file, `${show(mdx)} exists (an MDX note with the same slug; remove it first)`);
    else if (existsSync(target) && !this.options.force)
      this.skip(file, `${show(target)} exists (pass --force to overwrite it)`);
    else return target;
    return undefined;
  }

  /** Writes a converted note and its images, and reports what the import changed, one line each. */
  write(file: string, target: string, note: ConvertedNote, images: ImageCopies): void {
    const imageFolder = images.copyInto(this.options.publicDir);
    mkdirSync(dirname(target), { recursive: true });
    const overwrote = existsSync(target);
    writeFileSync(target, note.text);
    if (note.newTags.length > 0) {
      this.registryText = addTagsToRegistryText(this.registryText, note.newTags);
      this.newTags.push(...note.newTags);
    }
    this.counts.created++;
    const notFound = images.notFound(note.missingImages);
    const details = [
      ...note.notes,
      note.newTags.length > 0 &&
        `new tag${note.newTags.length > 1 ? 's' : ''} added to ${show(this.options.tagsFile)}: ${note.newTags.join(', ')}`,
      images.size > 0 && `${plural(images.size, 'image')} copied to ${show(imageFolder)}`,
      notFound.length > 0 && `image${notFound.length > 1 ? 's' : ''} not found (alt text kept): ${notFound.join(', ')}`,
      ...images.refused.map((r) => `image ${r}`),
      ...note.warnings.map((w) => (w.line === undefined ? w.message : formatProblem(show(file), w))),
    ].filter((d): d is string => typeof d === 'string' && d !== '');
    this.records.push(
      [
        `created ${show(target)}${overwrote ? ' (overwritten)' : ''} ← ${show(file)}`,
        ...details.map((d) => `    ${d}`),
      ].join('\n'),
    );
  }

  /** Saves the registry, prints the report and the summary; the exit code. */
  finish(): number {
    if (this.newTags.length > 0) writeFileSync(this.options.tagsFile, this.registryText);
    for (const record of this.records) console.log(record);
    const { created, skipped, failed } = this.counts;
    console.log(
      `${created} created, ${skipped} skipped, ${failed} failed` +
        (this.newTags.length > 0
          ? `; give the new tags real labels in ${show(this.options.tagsFile)}: ${this.newTags.join(', ')}`
          : ''),
    );
    return failed > 0 ? 1 : 0;
  }
}
