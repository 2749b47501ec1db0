// Why: Astro's content layer keeps every Markdown note's rendered HTML in its data store, and a build bundles
// that store as one JavaScript module and parses it back before the first page. At 2,000 notes that is
// 145 MB of JSON: the build's memory doubled to 3.8 GB right after the notes were rendered, and a rebuild
// spent 25 s loading the store before it could reuse a single page. This loader wrapper writes each note's
// HTML to a file of its own in Astro's cache folder and keeps only the metadata (headings, reading time) in
// the store; the note page reads its one file (readNoteHtml). Notes are still rendered only when their file
// changes, as before. Entries whose HTML refers to local images (which Astro rewrites at render time) and MDX
// entries (rendered as components) are left in the store as they were.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';

type DataEntry = Parameters<LoaderContext['store']['set']>[0];
type Rendered = NonNullable<DataEntry['rendered']>;

/** The store's `rendered.metadata` key that names the file holding the HTML. */
const HTML_FILE = 'htmlFile';
const FOLDER = 'note-html';

export function htmlOnDisk(inner: Loader): Loader {
  return {
    name: `${inner.name}+html-on-disk`,
    load: async (context: LoaderContext) => {
      const dir = join(fileURLToPath(context.config.cacheDir), FOLDER, context.collection);
      mkdirSync(dir, { recursive: true });
      const set = (entry: DataEntry): boolean => {
        const rendered = entry.rendered;
        if (!rendered?.html || !entry.digest || (rendered.metadata?.imagePaths?.length ?? 0) > 0) {
          return context.store.set(entry);
        }
        // Keyed by the entry as well as its text: a plugin may render the same text differently by the file's
        // language or path (identical zh/ and en/ files get links in their own language).
        const key = createHash('sha256').update(`${entry.id}\0${entry.filePath ?? ''}\0${entry.digest}`);
        const file = join(dir, `${key.digest('hex').slice(0, 32)}.html`);
        writeFileSync(file, rendered.html);
        const metadata: NonNullable<Rendered['metadata']> = {
          ...rendered.metadata,
          frontmatter: addedByPlugins(rendered.metadata?.frontmatter, entry.data),
          [HTML_FILE]: file,
        };
        return context.store.set({ ...entry, rendered: { html: '', metadata } });
      };
      await inner.load({ ...context, store: { ...context.store, set } });
      // Files of entries that changed or were deleted since the last build.
      const kept = new Set(
        context.store.values().map((entry) => htmlFileOf(entry.rendered?.metadata as Record<string, unknown>)),
      );
      for (const name of readdirSync(dir)) {
        if (!kept.has(join(dir, name))) rmSync(join(dir, name), { force: true });
      }
    },
  };
}

/**
 * What remark plugins added to the frontmatter (reading time, whether there is math): the rest is the entry's
 * `data` again, a quarter of the store at 2,000 notes, which is serialized on every sync and bundled into every
 * build. Pages read only what plugins add (`remarkPluginFrontmatter` in src/pipeline/content/notes.ts).
 */
function addedByPlugins(frontmatter: Record<string, unknown> | undefined, data: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(frontmatter ?? {}).filter(([key]) => !(key in data)));
}

const htmlFileOf = (metadata: Record<string, unknown> | undefined) =>
  typeof metadata?.[HTML_FILE] === 'string' ? metadata[HTML_FILE] : undefined;

/**
 * The HTML of an entry whose HTML htmlOnDisk moved to a file, or undefined for any other entry (render it with
 * Astro's `render()`).
 */
export function readNoteHtml(entry: { id: string; rendered?: { metadata?: object } }): string | undefined {
  const file = htmlFileOf(entry.rendered?.metadata as Record<string, unknown> | undefined);
  if (file === undefined) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `The rendered HTML of note "${entry.id}" is missing from Astro's cache (${file}). ` +
        'Delete the cache folder (node_modules/.astro) and build again.',
    );
  }
}
