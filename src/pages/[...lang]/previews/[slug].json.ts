// Hover-preview data of one note, built at build time and fetched the first time a reader hovers or focuses
// a link to that note (src/client/previews.ts). One small file per note: a single file for all notes grew
// with the site (25 MB at 10,000 notes) and was downloaded whole on the first hover.
import type { APIContext } from 'astro';
import { LANGS } from '../../../lib/content/lang.ts';
import { extractPreview } from '../../../lib/content/previews.ts';
import { notesIn, type Note } from '../../../pipeline/content/notes.ts';
import { noteDigest } from '../../../pipeline/content/page-keys.ts';
import { noteSource } from '../../../pipeline/content/note-source.ts';

export async function getStaticPaths() {
  const perLang = await Promise.all(LANGS.map(async (lang) => ({ lang, notes: await notesIn(lang) })));
  return perLang.flatMap(({ lang, notes }) =>
    notes.map((note) => ({
      params: { lang: lang === 'zh' ? undefined : lang, slug: note.slug },
      props: { note },
      cacheKey: noteDigest(note),
    })),
  );
}

export function GET(context: APIContext) {
  const { note } = context.props as { note: Note };
  const preview = extractPreview(noteSource(note.entry), { title: note.title, description: note.description });
  return new Response(JSON.stringify(preview), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
