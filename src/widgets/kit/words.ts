// A widget's words, each in both languages side by side (as the site's interface strings are,
// src/i18n/ui-strings.json), so a word missing in one language is a type error where its table is checked.
import type { Lang } from '../../lib/content/lang.ts';

/** Words by key, each in both languages. */
export type Bilingual<Word = unknown> = Readonly<Record<string, Readonly<Record<Lang, Word>>>>;

/** The words of a table in one language, by key. */
export type InLanguage<Table extends Bilingual> = { readonly [Key in keyof Table]: Table[Key][Lang] };

/** The words of `table` in `lang`. */
export function inLanguage<Table extends Bilingual>(table: Table, lang: Lang): InLanguage<Table> {
  return Object.fromEntries(Object.entries(table).map(([key, words]) => [key, words[lang]])) as InLanguage<Table>;
}
