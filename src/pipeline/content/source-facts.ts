// Why: pages made from every note need two facts of each note's Markdown: the notes it links to (the backlinks
// of each note page, and so its incremental-build key) and the source of its self-check questions (the review
// and home pages). The store keeps no Markdown (strictGlob's `retainBody: false`), so every build read all the
// notes' files again for them: 2,000 files, a tenth of a second of a rebuild after one edit. This loader wrapper
// takes the facts from the file when Astro stores an entry it has just rendered (a new or changed note) and keeps
// them in the entry's metadata, which the store carries over to the next build with the entry; factsOf reads them
// back, and reads the file of an entry stored without them (an MDX note, a note `astro dev` renders on request).
import type { Loader, LoaderContext } from 'astro/loaders';
import { linkedSlugs } from '../../lib/content/graph.ts';
import { quizSources } from '../../lib/study/quiz-source.ts';
import { noteSource, readNoteSource } from './note-source.ts';

type DataEntry = Parameters<LoaderContext['store']['set']>[0];

/** The key of the facts in an entry's `rendered.metadata`. */
const FACTS = 'sourceFacts';

export interface SourceFacts {
  /** The slugs of the notes the Markdown links to (src/lib/content/graph.ts linkedSlugs). */
  links: string[];
  /** The Markdown of each self-check question (src/lib/study/quiz-source.ts). */
  quizzes: string[];
}

interface SourceEntry {
  id: string;
  body?: string;
  filePath?: string;
  digest?: string | number;
  rendered?: { metadata?: object };
}

function factsOfBody(body: string, filePath: string | undefined): SourceFacts {
  return { links: linkedSlugs(body), quizzes: quizSources(body, filePath?.endsWith('.mdx') ?? false) };
}

const isFacts = (value: unknown): value is SourceFacts =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as SourceFacts).links) &&
  Array.isArray((value as SourceFacts).quizzes);

/** The facts of a note: kept with its entry when it was rendered, else read from its file. */
export function factsOf(entry: SourceEntry): SourceFacts {
  const kept = (entry.rendered?.metadata as Record<string, unknown> | undefined)?.[FACTS];
  return isFacts(kept) ? kept : factsOfBody(noteSource(entry), entry.filePath);
}

export function withSourceFacts(inner: Loader): Loader {
  return {
    name: `${inner.name}+source-facts`,
    load: (context: LoaderContext) => {
      const set = (entry: DataEntry): boolean => {
        const rendered = entry.rendered;
        if (!rendered || !entry.filePath) return context.store.set(entry);
        let facts: SourceFacts;
        try {
          // Not noteSource: it keeps each body it reads for the rest of the build (10,000 bodies in a cold build).
          facts = factsOfBody(entry.body ?? readNoteSource(entry.filePath), entry.filePath);
        } catch {
          return context.store.set(entry); // gone since Astro read it: factsOf reads it when a page asks
        }
        return context.store.set({ ...entry, rendered: { ...rendered, metadata: { ...rendered.metadata, [FACTS]: facts } } });
      };
      return inner.load({ ...context, store: { ...context.store, set } });
    },
  };
}
