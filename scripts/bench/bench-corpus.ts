// The corpus that `npm run bench -- peers` and `-- dev` build and serve, written where Astro can read it.
import { relative, resolve } from 'node:path';
import { generateCorpus, registryTags, writeSiteCorpus, type CorpusNote } from './corpus.ts';

/**
 * Writes the benchmark's corpus of `n` notes in the site's layout, inside the project (Astro renders Markdown only
 * from within its root), and returns it with its folder.
 */
export function writeBenchCorpus(n: number): { notes: CorpusNote[]; corpus: string } {
  const notes = generateCorpus(n, registryTags());
  const corpus = relative('.', resolve('tests', '.tmp', `bench-corpus-${n}`));
  writeSiteCorpus(corpus, notes);
  return { notes, corpus };
}
