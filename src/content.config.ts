// Not from `astro:content`: Astro loads this file through Vite's module runner on every build and dev start, and
// the virtual module brings Astro's whole page runtime with it (about 80 modules, a third of a second of a rebuild).
// `astro/content/config` is the public export of the same defineCollection.
import { defineCollection } from 'astro/content/config';
import { noteSchema } from './lib/content/note-schema.ts';
import { TAG_IDS } from './pipeline/content/registry.ts';
import { strictGlob } from './pipeline/content/strict-glob.ts';
import { htmlOnDisk } from './pipeline/content/html-on-disk.ts';
import { withSourceFacts } from './pipeline/content/source-facts.ts';

/**
 * Where notes are read from. Tests point this at a fixture folder (NOTES_DIR) to build a small site.
 */
export const NOTES_DIR = process.env.NOTES_DIR ?? './content/notes';

/**
 * `astro dev` renders a note when its page is requested, not all of them before the first page: at 2,000 notes
 * rendering them all took over a minute of a cold start. The pages need nothing of other notes but their
 * frontmatter (in the store) and Markdown source (read from the file: sidebar, backlinks). A build renders every
 * note up front, where strictGlob turns a render error into a failed build.
 */
const RENDER_ON_REQUEST = import.meta.env.DEV;

const notes = defineCollection({
  loader: htmlOnDisk(
    withSourceFacts(
      strictGlob({
        pattern: '{zh,en}/*.{md,mdx}',
        base: NOTES_DIR,
        deferRender: RENDER_ON_REQUEST,
        // Read from the file where needed (note-source.ts): kept in the store, the sources were 95 % of it.
        retainBody: false,
      }),
    ),
  ),
  schema: noteSchema(TAG_IDS),
});

export const collections = { notes };
