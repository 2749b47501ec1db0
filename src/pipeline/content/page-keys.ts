// Why: a page without a `cacheKey` is rendered again by every build, and at 2,000 notes the pages made from
// every note (the concept graph, the home page, the feeds) are a fair part of a rebuild after one edit. Their key
// covers every input of the page that is data; Astro adds the hash of the page's code. What such a page shows of
// a note is its frontmatter (and, on some, which self-check questions it asks), so an edit to a note's prose
// leaves them to be reused. tests/integration/incremental.test.ts holds each rebuild to a clean build.
import type { Lang } from '../../lib/content/lang.ts';
import { SITE_ENVIRONMENT } from '../../site.config.ts';
import { langParams, notesIn, roadmapHref, sha256 } from './notes.ts';
import { questionsIn } from './questions.ts';

/** What the layout of every page shows of the content: the header's way in (the roadmap note, if written). */
export async function layoutInputs(lang: Lang): Promise<unknown[]> {
  return [await roadmapHref(lang), SITE_ENVIRONMENT];
}

/** Which data a page of each language is made from, beyond its layout. */
export interface PageData {
  /** The frontmatter of every published note of the language, in reading order. */
  notes?: boolean;
  /** The ids of each note's self-check questions (rendered from the notes' bodies). */
  questions?: boolean;
}

async function pageKey(lang: Lang, data: PageData): Promise<string> {
  const inputs: unknown[] = [await layoutInputs(lang)];
  if (data.notes) inputs.push((await notesIn(lang)).map((n) => [n.slug, n.entry.data]));
  if (data.questions) inputs.push((await questionsIn(lang)).map((q) => [q.note.slug, q.ids]));
  return sha256(inputs);
}

/** getStaticPaths of a page in each language (`/…` and `/en/…`), each with its key. */
export async function keyedLangParams(data: PageData) {
  return Promise.all(langParams().map(async (path) => ({ ...path, cacheKey: await pageKey(path.props.lang, data) })));
}
