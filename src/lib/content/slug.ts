import { isLang, type Lang } from './lang.ts';

/**
 * A note slug: lowercase words joined by single hyphens, e.g. `activation-functions`. A word is made of
 * ASCII letters and digits and/or Chinese characters (`深度学习`, `pytorch-入门`), so a note imported from a
 * Chinese file name keeps a readable name; pinyin would need a dictionary, and a made-up ASCII slug would
 * hide what the note is. Links to such a note are percent-encoded by the browser; the link check and the
 * servers decode them. Only Han characters are allowed beside ASCII: no kana, no full-width punctuation.
 */
export type Slug = string & { readonly __brand: 'Slug' };

const SLUG_PATTERN = /^[a-z0-9\p{Script=Han}]+(?:-[a-z0-9\p{Script=Han}]+)*$/u;

export function isSlug(value: string): value is Slug {
  return SLUG_PATTERN.test(value);
}

/** Why a candidate slug is rejected, in words a contributor can act on; `undefined` when it is valid. */
export function slugProblem(value: string): string | undefined {
  if (value === '') return 'the slug is empty';
  if (/[A-Z]/.test(value)) return `use lowercase letters: "${value.toLowerCase()}"`;
  if (/\s|_/.test(value)) return 'use hyphens instead of spaces or underscores';
  if (!SLUG_PATTERN.test(value))
    return 'use only a-z, 0-9, Chinese characters and single hyphens, not at the start or end (e.g. "gradient-descent" or "梯度下降")';
  return undefined;
}

export interface NoteKey {
  lang: Lang;
  slug: Slug;
}

/**
 * Splits a content-collection id such as `zh/neuron` into language and slug.
 * Throws with the fix when the file sits outside `content/notes/{zh,en}/` or has a bad name.
 */
export function parseNoteId(id: string): NoteKey {
  const [lang, slug, ...rest] = id.split('/');
  if (!lang || !isLang(lang) || !slug || rest.length > 0) {
    throw new Error(
      `Note "${id}" is not in a language folder: put it at content/notes/zh/<slug>.md or content/notes/en/<slug>.md`,
    );
  }
  const problem = slugProblem(slug);
  if (problem) throw new Error(`Note "${id}" has an invalid file name: ${problem}`);
  return { lang, slug: slug as Slug };
}

/** Prefix of every URL of a language: Chinese at the root, English under `/en/`. */
export function langPrefix(lang: Lang): string {
  return lang === 'zh' ? '/' : '/en/';
}

/** Root-relative URL of a note page, with the trailing slash Astro's directory format emits. */
export function noteUrl(lang: Lang, slug: string): string {
  return `${langPrefix(lang)}notes/${slug}/`;
}

export function tagUrl(lang: Lang, tag?: string): string {
  return `${langPrefix(lang)}tags/${tag ? `${tag}/` : ''}`;
}

/**
 * The same page in the other language, for routes that exist in both (home, tags, search).
 * `/en/tags/` ⇄ `/tags/`.
 */
export function translatePath(path: string, to: Lang): string {
  const bare = path.startsWith('/en/') ? path.slice(3) : path === '/en' ? '/' : path;
  return to === 'zh' ? bare : `/en${bare}`;
}
