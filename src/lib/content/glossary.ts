import type { Lang } from './lang.ts';
import { slugProblem } from './slug.ts';

/** A glossary term (content/glossary.json): the source of the glossary notes' tables and of search synonyms. */
export interface GlossaryTerm {
  /** The usual short form, e.g. `ReLU`. */
  term: string;
  /** The short form Chinese readers use, where it is not `term` (e.g. `偏置` for `Bias`). */
  termZh?: string;
  zh: string;
  en: string;
  /** Other names readers search for, in either language. */
  aliases: string[];
  definition: { zh: string; en: string };
  /** Slug of the note that explains the term. */
  note: string;
}

export interface GlossaryGroup {
  zh: string;
  en: string;
  terms: GlossaryTerm[];
}

export interface Glossary {
  groups: GlossaryGroup[];
}

const HEADER: Record<Lang, string> = {
  zh: '| 术语 | 中文 | English | 释义 | 笔记 |',
  en: '| Term | Chinese | English | Definition | Note |',
};

/**
 * A definition is Markdown (it may hold `$…$` math or `*emphasis*`): only a `|` would end its cell early. In
 * math an escaped `\|` would reach KaTeX as `\|` (a double bar), so there a bar is written `\vert`.
 */
const cell = (text: string) =>
  text
    .split(/(\$[^$]*\$)/)
    .map((part, at) => (at % 2 === 1 ? part.replace(/\|/g, '\\vert ') : part.replace(/\|/g, '\\|')))
    .join('');
/**
 * A name or a note title is plain text: every character Markdown could read as syntax is escaped, so that
 * `<T>`, `a]b`, `*x*`, `$x$` or `&amp;` show as written instead of becoming HTML, a broken link, emphasis or math.
 */
export const plainText = (text: string) => text.replace(/[\\`*_[\]<>&$|~!#{}]/g, '\\$&');

/**
 * What in the glossary cannot be rendered, by term: a `note` that is not a slug would be written into the
 * table's link as it is (`x) [y](javascript:…`), so it must be one.
 */
export function glossaryProblems(glossary: Glossary): { term: string; message: string }[] {
  return glossary.groups.flatMap((group) =>
    group.terms.flatMap((t) => {
      const problem = slugProblem(t.note);
      return problem ? [{ term: t.term, message: `note "${t.note}" is not a note's slug: ${problem}` }] : [];
    }),
  );
}

/** The glossary as Markdown: a `##` heading and a table per group, rows linking to their notes. */
export function glossaryMarkdown(glossary: Glossary, lang: Lang, noteTitles: Record<string, string>): string {
  const prefix = lang === 'zh' ? '/notes/' : '/en/notes/';
  return glossary.groups
    .map((group) => {
      const rows = group.terms.map((t) => {
        const shown = lang === 'zh' ? (t.termZh ?? t.term) : t.term;
        return `| ${plainText(shown)} | ${plainText(t.zh)} | ${plainText(t.en)} | ${cell(t.definition[lang])} | [${plainText(noteTitles[t.note] ?? t.note)}](${prefix}${t.note}/) |`;
      });
      return [`## ${group[lang]}`, '', HEADER[lang], '| --- | --- | --- | --- | --- |', ...rows].join('\n');
    })
    .join('\n\n');
}

/** Every name of a term, for search: the short form, both names and the aliases, without duplicates. */
export function namesOf(term: GlossaryTerm): string[] {
  return [
    ...new Set([term.term, term.termZh ?? '', term.zh, term.en, ...term.aliases].map((n) => n.trim()).filter(Boolean)),
  ];
}

/** The compact list search needs: per term, all its names. */
export function synonymSets(glossary: Glossary): string[][] {
  return glossary.groups.flatMap((g) => g.terms.map(namesOf));
}

const CJK = /[\u3400-\u9fff]/;
const normalize = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Other queries that mean the same as `query`, in the reader's language: `线性整流函数` on the English site
 * also searches `ReLU` and `rectified linear unit`; `ReLU` on the Chinese site also searches `修正线性单元`.
 * Only names in the page's language are searched (its index holds no other), at most three.
 * Empty when the query names no glossary term.
 */
export function expandQuery(query: string, sets: readonly string[][], lang: Lang): string[] {
  const q = normalize(query);
  const set = sets.find((names) => names.some((n) => normalize(n) === q));
  if (!set) return [];
  const inLanguage = (n: string) => (lang === 'zh' ? CJK.test(n) : !CJK.test(n));
  return set.filter((n) => normalize(n) !== q && inLanguage(n) && !/[（(]/.test(n)).slice(0, 3);
}

/**
 * Every query to search for what the reader typed, best first: the query and its synonyms (see expandQuery).
 * On the English site a Chinese query is a request for translation: English pages hold Chinese only where
 * they name a term (the glossary above all), so the English names come first and the notes that explain the
 * term rank above the glossary. Latin names are ordinary Chinese prose (ReLU, Core ML), so on the Chinese
 * site the reader's own words stay first.
 */
export function searchQueries(query: string, sets: readonly string[][], lang: Lang): string[] {
  const synonyms = expandQuery(query, sets, lang);
  return lang === 'en' && CJK.test(query) ? [...synonyms, query] : [query, ...synonyms];
}
