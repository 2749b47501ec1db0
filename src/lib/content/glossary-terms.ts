// Finding glossary terms in a note's prose, so that the first use of each can show its definition: which names of
// a term a note in each language may use, and where in a run of text the first use of each not yet marked term
// is. Pure: strings in, offsets out (the render step src/pipeline/render/rehype-glossary-terms.ts marks them up).
import { slug } from 'github-slugger';
import type { Glossary, GlossaryTerm } from './glossary.ts';
import type { Lang } from './lang.ts';

const HAN = /[\u3400-\u9fff]/;
/** A Latin letter or digit: what must not touch a Latin name (`AI` is not found in `AIM`, nor `RNN` in `RNNs`'s `s`). */
const WORD = '[A-Za-z0-9]';

/** The name of a term as it is found in prose, and the term it belongs to. */
export interface TermName {
  readonly name: string;
  /** The term's `term` (its short form), which identifies it. */
  readonly term: string;
  /**
   * Whether case matters: for acronyms and names with inner capitals (`ReLU`, `SGD`, `Core ML`) and proper names
   * (`Accelerate`, the framework, is not the verb); `Neural network` also finds `neural network`.
   */
  readonly caseSensitive: boolean;
}

/** `修正线性单元（整流线性单元）` → `修正线性单元`, `fully connected (dense) layer` → `fully connected layer`. */
function withoutParentheses(name: string): string {
  return name
    .replace(/\s*[（(][^）)]*[）)]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function caseMatters(name: string, term: GlossaryTerm): boolean {
  return /[A-Z]/.test(name.slice(1)) || (name === term.en && /^[A-Z]/.test(name));
}

/**
 * The names a note in `lang` may use for `term`. Chinese: its Chinese short form and name, its aliases, and its
 * short form when Chinese readers use that one too (`ReLU`, `SGD`: no `termZh`). English: its short form, its
 * English name and its aliases in Latin script. Each name once, whatever its case (the first one written).
 */
export function namesIn(term: GlossaryTerm, lang: Lang): TermName[] {
  const names =
    lang === 'zh'
      ? [term.termZh ?? term.term, term.zh, ...term.aliases]
      : [term.term, term.en, ...term.aliases.filter((alias) => !HAN.test(alias))];
  const unique = new Map<string, TermName>();
  for (const written of names) {
    const name = withoutParentheses(written);
    const key = name.toLowerCase();
    if (name.length < 2 || unique.has(key)) continue;
    unique.set(key, { name, term: term.term, caseSensitive: caseMatters(name, term) });
  }
  return [...unique.values()];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every term's names in one pattern, tried longest first, so `梯度下降` wins over `梯度` where both begin. */
export interface TermMatcher {
  readonly pattern: RegExp;
  /** Each name by its lower-case form; the first term to claim a name keeps it. */
  readonly byLowerCase: ReadonlyMap<string, TermName>;
}

/**
 * A matcher for the names of `terms` in `lang` (see `namesIn`). A name that begins or ends with a Latin letter or
 * digit is found only where no other one touches it there; an English name may take a plural `s` or `es`.
 */
export function termMatcher(terms: readonly GlossaryTerm[], lang: Lang): TermMatcher {
  const byLowerCase = new Map<string, TermName>();
  for (const term of terms)
    for (const name of namesIn(term, lang)) {
      const key = name.name.toLowerCase();
      if (!byLowerCase.has(key)) byLowerCase.set(key, name);
    }
  const alternatives = [...byLowerCase.values()]
    .sort((a, b) => b.name.length - a.name.length || a.name.localeCompare(b.name))
    .map(({ name }) => {
      const start = new RegExp(`^${WORD}`).test(name) ? `(?<!${WORD})` : '';
      const latinEnd = new RegExp(`${WORD}$`).test(name);
      const plural = latinEnd && /[a-z]$/i.test(name) ? '(?:e?s)?' : '';
      return `${start}(${escape(name)})${plural}${latinEnd ? `(?!${WORD})` : ''}`;
    });
  // No names, no matches: a pattern that never matches.
  const source = alternatives.length > 0 ? alternatives.join('|') : '(?!)';
  return { pattern: new RegExp(source, 'giu'), byLowerCase };
}

/** A use of a term in a text: `text.slice(start, end)` is the name as written (with a plural ending). */
export interface TermUse {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The first use, in `text`, of each term not in `marked`, which it adds them to (pass the same set for every run
 * of text of a note, in reading order). Every name found takes its text, marked or not: in `随机梯度下降` neither
 * `梯度下降` nor `梯度` is found again, even when SGD is already marked.
 */
export function firstUses(text: string, matcher: TermMatcher, marked: Set<string>): TermUse[] {
  const uses: TermUse[] = [];
  matcher.pattern.lastIndex = 0;
  for (const match of text.matchAll(matcher.pattern)) {
    const written = match.slice(1).find((group) => group !== undefined)!;
    const name = matcher.byLowerCase.get(written.toLowerCase());
    if (!name || (name.caseSensitive && written !== name.name) || marked.has(name.term)) continue;
    marked.add(name.term);
    uses.push({ term: name.term, start: match.index, end: match.index + match[0].length });
  }
  return uses;
}

/** The short form a glossary table's first column shows for `term` (as `glossaryMarkdown` writes it). */
export function shownTerm(term: GlossaryTerm, lang: Lang): string {
  return lang === 'zh' ? (term.termZh ?? term.term) : term.term;
}

/** The id of a term's row in the glossary note: `term-relu`. */
export function termRowId(term: GlossaryTerm): string {
  return `term-${slug(term.term)}`;
}

/**
 * Where in the glossary note of `lang` (its Markdown source) each term is explained, by term: its table row's id
 * when the note has a row for it, else its group's heading id, else '' (the note as a whole). A glossary edited
 * but not yet written into the notes (`npm run glossary -- --write`) so still gets links that resolve.
 */
export function glossaryAnchors(glossary: Glossary, lang: Lang, noteSource: string): Record<string, string> {
  const lines = new Set(noteSource.split(/\r?\n/).map((line) => line.trim()));
  const rows = noteSource.split(/\r?\n/).filter((line) => line.startsWith('| '));
  const anchors: Record<string, string> = {};
  for (const group of glossary.groups)
    for (const term of group.terms) {
      const cell = `| ${shownTerm(term, lang).replace(/\|/g, '\\|')} |`;
      if (rows.some((row) => row.startsWith(cell))) anchors[term.term] = termRowId(term);
      else anchors[term.term] = lines.has(`## ${group[lang]}`) ? slug(group[lang]) : '';
    }
  return anchors;
}

/**
 * The ids of the hidden glossary definitions in rendered `html` (those a link's `aria-describedby` names), and the
 * references to them, with the note's slug in front: the review page shows questions of many notes together, and
 * these ids are unique in one note only. Only those: a question's own ids (`glossary-1a2b3c4d` in the glossary
 * note) stay as they are on the note, or the review page's links to them would miss.
 */
export function prefixTermIds(html: string, noteSlug: string): string {
  const termIds = new Set([...html.matchAll(/\saria-describedby="([^"]+)"/g)].map((m) => m[1]!));
  return html.replace(/(\s(?:id|aria-describedby)=")([^"]+)"/g, (whole, attribute: string, id: string) =>
    termIds.has(id) ? `${attribute}${noteSlug}-${id}"` : whole,
  );
}
