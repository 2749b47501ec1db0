// Hover-preview data for every note of a language, built at build time and fetched the first time a
// reader hovers or focuses a link to a note (src/scripts/previews.ts).
import type { APIContext } from 'astro';
import type { Lang } from '../../lib/lang.ts';
import { extractPreview } from '../../lib/previews.ts';
import { langParams, notesIn } from '../../data/notes.ts';

export const getStaticPaths = langParams;

export async function GET(context: APIContext) {
  const lang = (context.props as { lang: Lang }).lang;
  const notes = await notesIn(lang);
  const data = Object.fromEntries(
    notes.map((n) => [n.slug, extractPreview(n.entry.body ?? '', { title: n.title, description: n.description })]),
  );
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
