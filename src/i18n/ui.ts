import type { Lang } from '../lib/content/lang.ts';
import UI_STRINGS from './ui-strings.json' with { type: 'json' };

/** Every interface string, in both languages (ui-strings.json). A key missing in one language is a type error. */
const STRINGS = UI_STRINGS satisfies Record<string, Record<Lang, string>>;

export type UiKey = keyof typeof STRINGS;

/** The interface string `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

// One formatter per language: creating one costs far more than formatting a date (home pages list every note).
const DATE_FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};

/** Dates as readers of each language write them: 2026年11月29日 / 29 November 2026. */
export function formatDate(lang: Lang, date: Date): string {
  return DATE_FORMATS[lang].format(date);
}
