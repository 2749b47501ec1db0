// Notes as the pages see them: parsed ids, drafts filtered, grouped by language and ordered along the roadmap.
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { cacheDir } from 'astro:config/server';
import type { MarkdownHeading } from 'astro';
import { readRenderedNote } from './html-on-disk.ts';
import { LANGS, type Lang } from '../../lib/content/lang.ts';
import { langPrefix, noteUrl, parseNoteId, type Slug } from '../../lib/content/slug.ts';
import { groupBySection, type Section } from '../../lib/content/sections.ts';
import { backlinks, topologicalOrder, type Edge } from '../../lib/content/graph.ts';
import { SECTIONS } from './registry.ts';
import { factsOf } from './source-facts.ts';

export interface Note {
  entry: CollectionEntry<'notes'>;
  lang: Lang;
  slug: Slug;
  title: string;
  description: string;
  date: Date;
  updated?: Date | undefined;
  tags: string[];
  prerequisites: string[];
}

let cache: Promise<Note[]> | undefined;

/** Every published note (drafts only in `astro dev`). */
export function allNotes(): Promise<Note[]> {
  cache ??= getCollection('notes', (e) => import.meta.env.DEV || !e.data.draft).then((entries) =>
    entries.map((entry) => {
      const { lang, slug } = parseNoteId(entry.id);
      const { title, description, date, updated, tags, prerequisites } = entry.data;
      return { entry, lang, slug, title, description, date, updated, tags, prerequisites };
    }),
  );
  return cache;
}

/** Prerequisite edges among the notes of a language (`from` is read before `to`). */
export function prerequisiteEdges(notes: readonly Note[]): Edge[] {
  const slugs = new Set<string>(notes.map((n) => n.slug));
  return notes.flatMap((n) => n.prerequisites.filter((p) => slugs.has(p)).map((p) => ({ from: p, to: n.slug })));
}

const readingOrders = new Map<Lang, Promise<Note[]>>();
const sectionLists = new Map<Lang, Promise<Section<Note>[]>>();

/**
 * Notes of a language in reading order: every note after its prerequisites; where they leave a choice,
 * the order of content/sections.json.
 */
export function notesIn(lang: Lang): Promise<Note[]> {
  // Computed once per language and build: every page asks (the sidebar, previous/next), and at 1,000 notes
  // ordering them costs more than rendering a page. Callers copy before sorting.
  let ordered = readingOrders.get(lang);
  if (!ordered) {
    ordered = allNotes().then((all) => {
      const notes = all.filter((n) => n.lang === lang);
      const preferred = groupBySection(notes, SECTIONS).flatMap((g) => g.items.map((n) => n.slug));
      const bySlug = new Map<string, Note>(notes.map((n) => [n.slug, n]));
      return topologicalOrder(preferred, prerequisiteEdges(notes), preferred).map((slug) => bySlug.get(slug)!);
    });
    readingOrders.set(lang, ordered);
  }
  return ordered;
}

/** Roadmap sections of a language, each listing its notes in reading order (computed once per language). */
export function sectionsIn(lang: Lang): Promise<Section<Note>[]> {
  let sections = sectionLists.get(lang);
  if (!sections) {
    sections = notesIn(lang).then((ordered) => {
      const position = new Map(ordered.map((n, i) => [n, i]));
      return groupBySection(ordered, SECTIONS).map((group) => ({
        ...group,
        items: [...group.items].sort((a, b) => position.get(a)! - position.get(b)!),
      }));
    });
    sectionLists.set(lang, sections);
  }
  return sections;
}

let byLangAndSlug: Promise<Map<string, Note>> | undefined;

/** The note with this slug in this language, if it has been written. */
export async function noteAt(lang: Lang, slug: string): Promise<Note | undefined> {
  // Every note page asks (and its translation notice): an index, not a scan of every note per page.
  byLangAndSlug ??= allNotes().then((all) => new Map(all.map((n) => [`${n.lang}/${n.slug}`, n])));
  return (await byLangAndSlug).get(`${lang}/${slug}`);
}

/** The same note in another language, if it has been written. */
export function translationOf(note: { slug: string }, lang: Lang): Promise<Note | undefined> {
  return noteAt(lang, note.slug);
}

/** Every slug that exists in at least one language: each gets a page in both (a placeholder where untranslated). */
export async function allSlugs(): Promise<Slug[]> {
  return [...new Set((await allNotes()).map((n) => n.slug))];
}

/** getStaticPaths helper for routes under `[...lang]`: `/` for Chinese, `/en/` for English. */
export function langParams() {
  return LANGS.map((lang) => ({ params: { lang: lang === 'zh' ? undefined : lang }, props: { lang } }));
}

/** The way in: the roadmap note, or the home page's list on a site without one (a fixture, a fork). */
export async function roadmapHref(lang: Lang): Promise<string> {
  const hasRoadmap = (await allNotes()).some((n) => n.slug === 'roadmap' && n.lang === lang);
  return hasRoadmap ? noteUrl(lang, 'roadmap') : `${langPrefix(lang)}#roadmap-sections`;
}

const referrers = new Map<Lang, Promise<Map<string, Note[]>>>();

/**
 * For each note of a language, the notes that link to it, in reading order. Computed once per language
 * and build: scanning every note for every page would cost O(N²) at build time.
 */
export function referencedByIn(lang: Lang): Promise<Map<string, Note[]>> {
  let map = referrers.get(lang);
  if (!map) {
    map = notesIn(lang).then((ordered) => {
      const bySlug = new Map<string, Note>(ordered.map((n) => [n.slug, n]));
      const position = new Map<string, number>(ordered.map((n, i) => [n.slug, i]));
      const links = backlinks(new Map(ordered.map((n) => [n.slug, factsOf(n.entry).links])));
      return new Map(
        [...links].map(([slug, sources]) => [
          slug,
          sources
            .filter((s) => bySlug.has(s))
            .sort((a, b) => position.get(a)! - position.get(b)!)
            .map((s) => bySlug.get(s)!),
        ]),
      );
    });
    referrers.set(lang, map);
  }
  return map;
}

export interface NoteBody {
  /** A Markdown note's HTML (src/pipeline/content/html-on-disk.ts) … */
  html?: string;
  /** … or an MDX note's component. */
  Content?: Awaited<ReturnType<typeof render>>['Content'];
  headings: MarkdownHeading[];
  /** What remark plugins found (remark-note-meta: reading minutes, math). */
  remarkPluginFrontmatter: Record<string, unknown>;
}

/** A note's rendered body with its headings. */
export async function noteBody(entry: CollectionEntry<'notes'>): Promise<NoteBody> {
  const stored = readRenderedNote(entry, cacheDir);
  if (stored !== undefined) {
    const metadata = entry.rendered?.metadata as { frontmatter?: Record<string, unknown> } | undefined;
    return { ...stored, remarkPluginFrontmatter: metadata?.frontmatter ?? {} };
  }
  const { Content, headings, remarkPluginFrontmatter } = await render(entry);
  return { Content, headings, remarkPluginFrontmatter };
}
