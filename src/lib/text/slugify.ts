import { isSlug, type Slug } from '../content/slug.ts';

/** A Jekyll post's file name starts with its date: `2017-09-22-title.md`. */
const JEKYLL_DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})-/;

/** Symbols that carry a word, spelt out so `Tips & Tricks` does not become `tips-tricks`. */
const SPELLED: ReadonlyArray<[RegExp, string]> = [
  [/&/g, ' and '],
  [/\+\+/g, 'pp'], // C++ → cpp, the usual spelling in URLs and Shiki ids
  [/#/g, ' sharp '], // C# → c-sharp
  [/@/g, ' at '],
];

/**
 * Turns free text (a file name, a title, a tag) into a slug: NFKC (full-width `ＡＢ１` → `AB1`), lowercase,
 * accents dropped (`Ünïcode` → `unicode`), `&` → `and`, every run of other symbols, spaces and
 * punctuation (ASCII or Chinese) → one hyphen. Chinese characters are kept as they are: the site's
 * slug rule (`slug.ts`) accepts them, and no transliteration is done (pinyin needs a dictionary and
 * would still guess wrong on polyphones). Returns `undefined` when nothing usable is left.
 */
export function slugify(text: string): Slug | undefined {
  let s = text.normalize('NFKC');
  for (const [pattern, words] of SPELLED) s = s.replace(pattern, words);
  s = s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // combining marks left by NFKD: é → e
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '') // don't → dont, not don-t
    .replace(/[^a-z0-9\p{Script=Han}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return isSlug(s) ? s : undefined;
}

/** The date a Jekyll file name starts with (`2017-09-22-…` → `2017-09-22`), if any. */
export function dateFromFileName(fileName: string): string | undefined {
  const m = JEKYLL_DATE_PREFIX.exec(baseName(fileName));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * The slug of a note imported from `fileName`: the directory and the extension are dropped, then the
 * leading Jekyll date, then `slugify`. `2017-09-22-深度学习.md` → `深度学习`,
 * `2019-01-05-Tips & Tricks.markdown` → `tips-and-tricks`.
 */
export function slugFromFileName(fileName: string): Slug | undefined {
  const stem = baseName(fileName)
    .replace(/\.[^.]+$/, '')
    .replace(JEKYLL_DATE_PREFIX, '');
  return slugify(stem);
}

function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}
