// Why: Astro's content layer keeps every Markdown note's rendered HTML in its data store, and a build bundles
// that store as one JavaScript module and parses it back before the first page. At 2,000 notes that is
// 145 MB of JSON: the build's memory doubled to 3.8 GB right after the notes were rendered, and a rebuild
// spent 25 s loading the store before it could reuse a single page. This loader wrapper writes each note's
// HTML and headings to a file of its own in Astro's cache folder and keeps only what other pages read (reading
// time, links) in the store; the note page reads its one file (readRenderedNote). Notes are still rendered only
// when their file changes, as before. Entries whose HTML refers to local images (which Astro rewrites at render
// time) and MDX entries (rendered as components) are left in the store as they were.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarkdownHeading } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';

type DataEntry = Parameters<LoaderContext['store']['set']>[0];
type Rendered = NonNullable<DataEntry['rendered']>;

/**
 * The store's `rendered.metadata` key that names the file holding the HTML, relative to the folder FOLDER of
 * Astro's cache (`notes/<key>.html`): the store is serialized on every sync and bundled into every build, and
 * the cache folder's path in each of 2,000 entries was a tenth of it, the headings a third.
 */
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
        const name = `${key.digest('hex').slice(0, 32)}.html`;
        const { headings = [], ...rest } = rendered.metadata ?? {};
        writeFileSync(join(dir, name), `${JSON.stringify(headings)}\n${rendered.html}`);
        const metadata: NonNullable<Rendered['metadata']> = {
          ...rest,
          frontmatter: addedByPlugins(rendered.metadata?.frontmatter, entry.data),
          [HTML_FILE]: `${context.collection}/${name}`,
        };
        return context.store.set({ ...entry, rendered: { html: '', metadata } });
      };
      await inner.load({ ...context, store: { ...context.store, set } });
      // Files of entries that changed or were deleted since the last build.
      const kept = new Set(
        context.store.values().map((entry) => htmlFileOf(entry.rendered?.metadata as Record<string, unknown>)),
      );
      for (const name of readdirSync(dir)) {
        if (!kept.has(`${context.collection}/${name}`)) rmSync(join(dir, name), { force: true });
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

/** A note as htmlOnDisk keeps it in its file. */
export interface RenderedNote {
  html: string;
  headings: MarkdownHeading[];
}

/**
 * The HTML and headings of an entry whose HTML htmlOnDisk moved to a file under `cacheDir` (Astro's), or
 * undefined for any other entry (render it with Astro's `render()`).
 */
export function readRenderedNote(
  entry: { id: string; rendered?: { metadata?: object } },
  cacheDir: URL,
): RenderedNote | undefined {
  const name = htmlFileOf(entry.rendered?.metadata as Record<string, unknown> | undefined);
  if (name === undefined) return undefined;
  const file = join(fileURLToPath(cacheDir), FOLDER, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `The rendered HTML of note "${entry.id}" is missing from Astro's cache (${file}). ` +
        'Delete the cache folder (node_modules/.astro) and build again.',
    );
  }
  // The first line is the headings as JSON, which never holds a line break; the HTML follows.
  const end = text.indexOf('\n');
  return { headings: JSON.parse(text.slice(0, end)) as MarkdownHeading[], html: text.slice(end + 1) };
}
