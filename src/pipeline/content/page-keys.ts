// Why: with Astro's incremental build, a page whose `cacheKey` (from getStaticPaths) and code are unchanged is
// reused from the last build; a page without one is rendered by every build. Each key here covers every input of
// its page that is data (Astro adds the hash of the page's code). What a page shows of other notes is their
// frontmatter, their order and, on some, which self-check questions they ask, so an edit to a note's prose
// re-renders that note's own pages and leaves the rest alone. tests/integration/incremental.test.ts holds each
// rebuild to a clean build.
import { createHash } from 'node:crypto';
import type { Lang } from '../../lib/content/lang.ts';
import { SITE_ENVIRONMENT } from '../../site.config.ts';
import { langParams, notesIn, referencedByIn, roadmapHref, sectionsIn, type Note } from './notes.ts';
import { questionsIn } from './questions.ts';

const keyOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/** The content layer's digest of a note's file (its body and frontmatter): the key of its preview. */
export function noteDigest(note: Note): string {
  const { digest } = note.entry as { digest?: string | number };
  return digest === undefined ? keyOf([note.entry.body, note.entry.data]) : String(digest);
}

/** What the layout of every page shows of the content: the header's way in (the roadmap note, if written). */
async function layoutInputs(lang: Lang): Promise<unknown[]> {
  return [await roadmapHref(lang), SITE_ENVIRONMENT];
}

const outlines = new Map<Lang, Promise<string>>();

/**
 * What a note page shows of the other notes of its language: the sidebar, previous/next and the backlinks show
 * their titles, sections and reading order. One fingerprint per language and build: a title or an order
 * change rebuilds that language's note pages, an edit to a note's body does not.
 */
function outlineOf(lang: Lang): Promise<string> {
  let outline = outlines.get(lang);
  if (!outline) {
    outline = sectionsIn(lang).then((sections) =>
      keyOf(sections.map((s) => [s.spec.id, s.items.map((n) => [n.slug, n.title, n.description])])),
    );
    outlines.set(lang, outline);
  }
  return outline;
}

/**
 * The key of a note page: the note's own file, its translation's (the language switch, the stale-translation
 * notice), the backlinks to it, the outline of its language (which holds the header's roadmap link), and the site
 * URL and repository the environment may set (canonical and "edit this page" links).
 */
export async function notePageKey(
  lang: Lang,
  slug: string,
  note: Note | undefined,
  translation: Note | undefined,
): Promise<string> {
  const referencedBy = (await referencedByIn(lang)).get(slug)?.map((n) => n.slug) ?? [];
  const digests = [note, translation].map((n) => n && noteDigest(n));
  return keyOf([await outlineOf(lang), ...digests, referencedBy, SITE_ENVIRONMENT]);
}

/**
 * The key of a page that lists notes as cards (a tag's page): its layout and the cards' text and dates.
 * `extra`: the page's other data.
 */
export async function cardListKey(lang: Lang, notes: readonly Note[], extra: unknown): Promise<string> {
  const cards = notes.map((n) => [n.lang, n.slug, n.title, n.description, n.date, n.updated]);
  return keyOf([await layoutInputs(lang), cards, extra]);
}

/** Which data a page of each language is made from, beyond its layout. */
export interface PageData {
  /** The frontmatter of every published note of the language, in reading order. */
  notes?: boolean;
  /** The ids of each note's self-check questions (rendered from the notes' bodies). */
  questions?: boolean;
}

async function langPageKey(lang: Lang, data: PageData): Promise<string> {
  const inputs: unknown[] = [await layoutInputs(lang)];
  if (data.notes) inputs.push((await notesIn(lang)).map((n) => [n.slug, n.entry.data]));
  if (data.questions) inputs.push((await questionsIn(lang)).map((q) => [q.note.slug, q.ids]));
  return keyOf(inputs);
}

/** getStaticPaths of a page in each language (`/…` and `/en/…`), each with its key. */
export async function keyedLangParams(data: PageData) {
  return Promise.all(
    langParams().map(async (path) => ({ ...path, cacheKey: await langPageKey(path.props.lang, data) })),
  );
}
