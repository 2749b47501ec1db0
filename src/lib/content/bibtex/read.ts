// Reading a .bib file is the job of @retorquere/bibtex-parser, the parser behind Better BibTeX for Zotero: it
// reads entries, @string macros and `#` concatenation, comments and @preamble, splits names and turns LaTeX
// into Unicode. What this module adds is what the site needs on top: plain text instead of the library's
// HTML-like markup, name parts in BibTeX's terms, the line of each entry, and one error naming file:line for
// every problem, because a broken bibliography must stop the build rather than lose references quietly.
import { parse, type Creator, type Entry, type Library, type Options } from '@retorquere/bibtex-parser';
import { LineIndex } from '../../text/line-index.ts';
import { BibtexError, locateError, type Problem } from './problems.ts';

export { BibtexError, type Problem } from './problems.ts';

/** One person's name, split the way BibTeX splits it ("First von Last, Jr"); `others` marks "and others". */
export interface PersonName {
  first: string;
  von: string;
  last: string;
  jr: string;
  others?: true;
}

/** One BibTeX entry, read into plain text. */
export interface BibEntry {
  /** `article`, `inproceedings`, `misc`, … (lowercase). */
  type: string;
  /** The citation key, as written (`lecun1998gradient`). */
  key: string;
  /**
   * Field values by lowercase name, as plain Unicode text: macros expanded, LaTeX converted (`{\"u}` → ü,
   * `--` → –), braces dropped. `url`, `doi` and `eprint` are kept as written. Name lists are in `names`.
   */
  fields: Readonly<Record<string, string>>;
  /** The people of each name list (`author`, `editor`, …). */
  names: Readonly<Record<string, readonly PersonName[]>>;
  /** 1-based line of the `@` that starts the entry. */
  line: number;
}

const OPTIONS: Options = {
  // Titles are shown as the paper writes them, not sentence-cased.
  sentenceCase: false,
  // An unknown command drops out; a group that follows it is its argument and stays.
  unsupported: 'ignore',
};

/**
 * Parses BibTeX source into its entries, in file order.
 *
 * @throws BibtexError naming the line of every problem: a syntax error, an undefined macro, an entry without a
 * type or a key, a duplicate key or a field given twice.
 */
export function parseBibtex(source: string, file?: string): BibEntry[] {
  const lines = new LineIndex(source);
  let library: Library;
  try {
    library = parse(source, OPTIONS);
  } catch (error) {
    // The library gives up on a few inputs, such as a malformed \newcommand inside an @string.
    const message = error instanceof Error ? error.message : String(error);
    throw new BibtexError(`the file cannot be read: ${message.split('\n')[0]}`, 1, file);
  }

  const entries: BibEntry[] = [];
  const problems: Problem[] = [];
  const lineOfKey = new Map<string, number>();
  let searchFrom = 0;
  for (const entry of library.entries) {
    // An entry the parser could not finish has no text; its error is among `library.errors`.
    if (!entry.input) continue;
    // Entries come in file order and `input` is their text as written, so the next match is this entry.
    const at = source.indexOf(entry.input, searchFrom);
    searchFrom = at + entry.input.length;
    const line = lines.lineOf(at);
    problems.push(...entryProblems(entry, line, lineOfKey));
    entries.push(toBibEntry(entry, line));
  }
  problems.push(...library.errors.map((error) => locateError(error, lines, (key) => lineOfKey.get(key))));
  if (problems.length > 0) throw BibtexError.from(problems, file);
  return entries;
}

/** What the library accepts but the site does not: no type, no key, a key used twice, a field given twice. */
function entryProblems(entry: Entry, line: number, lineOfKey: Map<string, number>): Problem[] {
  const problems: Problem[] = [];
  if (!entry.type) problems.push({ line, reason: '"@" must be followed by an entry type such as @article' });
  const first = lineOfKey.get(entry.key);
  if (!entry.key) problems.push({ line, reason: `@${entry.type} needs a citation key: @${entry.type}{key, …}` });
  else if (first !== undefined)
    problems.push({ line, reason: `duplicate key "${entry.key}" (first defined on line ${first})` });
  else lineOfKey.set(entry.key, line);
  for (const field of Object.keys(entry.fields)) {
    // The library keeps a repeated field under a suffixed name instead of failing.
    const repeated = /^(.*)\+duplicate-\d+$/.exec(field)?.[1];
    if (repeated) problems.push({ line, reason: `the field "${repeated}" is given twice in entry "${entry.key}"` });
  }
  return problems;
}

function toBibEntry(entry: Entry, line: number): BibEntry {
  const fields: Record<string, string> = {};
  const names: Record<string, PersonName[]> = {};
  for (const [name, value] of Object.entries(entry.fields as Record<string, string | readonly (string | Creator)[]>)) {
    if (typeof value === 'string') {
      const text = plainText(value);
      // A verbatim field keeps its LaTeX, but a URL or DOI escaped for LaTeX (DBLP writes `\_`) is meant without.
      fields[name] = entry.mode[name] === 'verbatim' ? text.replace(/\\([_%&#$])/g, '$1') : text;
    } else if (value.every((item) => typeof item === 'string')) {
      // Publishers and institutions come split at "and"; keywords at commas.
      fields[name] = (value as string[]).map(plainText).join(name === 'keywords' ? ', ' : ' and ');
    } else {
      names[name] = (value as Creator[]).map(personName);
    }
  }
  return { type: entry.type, key: entry.key, fields, names, line };
}

function personName(creator: Creator): PersonName {
  // A braced name (`{World Health Organization}`) is one name, never split into first and last.
  if (creator.name !== undefined) return { first: '', von: '', last: plainText(creator.name), jr: '' };
  const name = {
    first: plainText(creator.firstName ?? ''),
    von: plainText(creator.prefix ?? ''),
    last: plainText(creator.lastName ?? ''),
    jr: plainText(creator.suffix ?? ''),
  };
  // "and others" arrives as a person whose last name is "others".
  return name.last === 'others' && !name.first && !name.von ? { first: '', von: '', last: '', jr: '', others: true } : name;
}

/**
 * The library's output as plain text. It marks formatting with a few HTML tags (`<i>` for `\emph`, `<sub>` for
 * a subscript without a Unicode form, `<a href>` for `\url`): the site shows references as text, so the tags
 * go and their content stays. It also writes an accent on the dotless ı of `{\'\i}` as ı + U+0301; í is meant.
 */
function plainText(marked: string): string {
  return marked
    .replace(/<(?:br|p|li)>/g, ' ')
    .replace(/<\/?(?:i|b|code|sub|sup|span|a|p|li|ul|blockquote|h\d)(?:\s[^>]*)?>/g, '')
    .replace(/[ıȷ](?=\p{Mn})/gu, (dotless) => (dotless === 'ı' ? 'i' : 'j'))
    .normalize('NFC')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}
