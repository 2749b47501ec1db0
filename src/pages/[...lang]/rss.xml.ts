import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE } from '../../site.config.ts';
import type { Lang } from '../../lib/content/lang.ts';
import { noteUrl } from '../../lib/content/slug.ts';
import { notesIn } from '../../pipeline/content/notes.ts';
import { keyedLangParams } from '../../pipeline/content/page-keys.ts';

export const getStaticPaths = () => keyedLangParams({ notes: true });

export async function GET(context: APIContext) {
  const lang = (context.props as { lang: Lang }).lang;
  const notes = [...(await notesIn(lang))].sort((a, b) => b.date.getTime() - a.date.getTime());
  return rss({
    title: SITE.title[lang],
    description: SITE.tagline[lang],
    site: context.site ?? SITE.url,
    items: notes.map((note) => ({
      title: note.title,
      description: note.description,
      pubDate: note.date,
      link: noteUrl(lang, note.slug),
      categories: note.tags,
    })),
    customData: `<language>${lang === 'zh' ? 'zh-cn' : 'en'}</language>`,
  });
}
