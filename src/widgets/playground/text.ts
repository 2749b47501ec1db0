// The words of the playground's server-rendered markup (Playground.astro and its parts), each in both languages
// side by side in text.json, as the site's own interface strings are (src/i18n/ui-strings.json). What changes
// with the state is written by the model instead (model-view.ts, sentences.json), on the server and in the view.
import type { Lang } from '../../lib/content/lang.ts';
import TEXT from './text.json' with { type: 'json' };

/** Every word in both languages: a key missing in one language is a type error. */
const WORDS = TEXT satisfies Record<string, Record<Lang, string>>;

export type PlaygroundText = { readonly [K in keyof typeof WORDS]: string };

/** The markup's words in `lang`. */
export function playgroundText(lang: Lang): PlaygroundText {
  return Object.fromEntries(Object.entries(WORDS).map(([key, words]) => [key, words[lang]])) as PlaygroundText;
}
