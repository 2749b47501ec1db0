// Why: the content store keeps no Markdown source of notes (strictGlob's `retainBody: false`). At 2,000 notes the
// sources were 20 MB of the store's 21, and the store is serialized, written, parsed back and walked on every
// edit in `astro dev` (1.5 s an edit) and bundled into every build. The few places that read a note's source
// (previews, the stale-translation check, and the facts of source-facts.ts: links and self-check questions) read
// its file instead.
import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';

interface SourceEntry {
  id: string;
  body?: string;
  filePath?: string;
  digest?: string | number;
}

const sources = new Map<string, { digest: unknown; body: string }>();

/**
 * A note's Markdown after its frontmatter, exactly as Astro's glob loader gives it as `body`: the file's content
 * after the frontmatter, trimmed. Read once per version of the file (the entry's digest).
 */
export function noteSource(entry: SourceEntry): string {
  if (entry.body !== undefined) return entry.body;
  if (!entry.filePath) throw new Error(`note "${entry.id}" has neither a source nor a file to read it from`);
  if (entry.digest === undefined) return readNoteSource(entry.filePath);
  const known = sources.get(entry.filePath);
  if (known && known.digest === entry.digest) return known.body;
  const body = readNoteSource(entry.filePath);
  sources.set(entry.filePath, { digest: entry.digest, body });
  return body;
}

/** The same, read from the file now and not remembered (a render step reads each note once). */
export function readNoteSource(filePath: string): string {
  return parseFrontmatter(readFileSync(filePath, 'utf8'), { frontmatter: 'empty-with-spaces' }).content.trim();
}
