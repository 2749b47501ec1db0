// A small BibTeX reader and the formatters the site needs: a numbered reference, its plain text for a
// tooltip, and "cite this note" in BibTeX and plain text. Pure (no DOM, no file system): the remark plugin
// and the components pass the text in.

/** One BibTeX entry. Types and field names are lowercase; values have `@string` macros expanded and keep their LaTeX. */
export interface BibEntry {
  /** `article`, `inproceedings`, `misc`, … */
  type: string;
  /** The citation key, as written (`lecun1998gradient`). */
  key: string;
  fields: Readonly<Record<string, string>>;
  /** 1-based line of the `@` that starts the entry. */
  line: number;
}

/** A malformed .bib file: the message names the file (when known) and the line. */
export class BibtexError extends Error {
  override name = 'BibtexError';
  /** What is wrong, without the location. */
  readonly reason: string;
  readonly line: number;
  readonly file: string | undefined;
  constructor(reason: string, line: number, file?: string) {
    super(`${file ?? 'BibTeX'}:${line}  ${reason}`);
    this.reason = reason;
    this.line = line;
    this.file = file;
  }
}

/** The month macros every BibTeX style predefines. */
const MONTHS: Record<string, string> = {
  jan: 'January',
  feb: 'February',
  mar: 'March',
  apr: 'April',
  may: 'May',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
};

const KEY_CHARS = /[^\s,{}()=#"%']/;
const NAME_CHARS = /[A-Za-z0-9_\-:.+]/;

/**
 * Parses BibTeX source into its entries, in file order.
 *
 * Accepts `{…}` and `"…"` values with nested braces, `#` concatenation, bare numbers, `@string` macros (and the
 * month names), `@comment` / `@preamble` blocks, `%` line comments and free text between entries (which BibTeX
 * ignores), entries delimited by `(…)` as well as `{…}`, and a trailing comma. Whitespace inside a value,
 * newlines included, collapses to one space.
 *
 * @throws BibtexError naming the line: an unclosed entry or value, a missing `=` or `,`, an undefined macro,
 * a duplicate key or a field given twice.
 */
export function parseBibtex(source: string, file?: string): BibEntry[] {
  const text = source.replace(/^\uFEFF/, '');
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (index: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail = (reason: string, index: number): never => {
    throw new BibtexError(reason, lineAt(index), file);
  };

  const macros = new Map<string, string>(Object.entries(MONTHS));
  const entries: BibEntry[] = [];
  const seen = new Map<string, number>();
  let pos = 0;

  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  /** Between fields (not inside a value) a `%` line is a comment, as biber reads it. */
  const skipSpaceAndComments = () => {
    skipSpace();
    while (text[pos] === '%') {
      while (pos < text.length && text[pos] !== '\n') pos++;
      skipSpace();
    }
  };
  const readName = (): string => {
    const start = pos;
    while (pos < text.length && NAME_CHARS.test(text[pos]!)) pos++;
    return text.slice(start, pos);
  };
  /** A `{…}` group starting at `pos`; returns its inside, braces included as written. */
  const readBraced = (): string => {
    const open = pos;
    let depth = 0;
    for (; pos < text.length; pos++) {
      const c = text[pos];
      if (c === '\\') {
        pos++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          pos++;
          return text.slice(open + 1, pos - 1);
        }
      }
    }
    return fail('this value opens a "{" that is never closed', open);
  };
  /** A `"…"` string; a quote inside braces does not end it. */
  const readQuoted = (): string => {
    const open = pos;
    let depth = 0;
    for (pos++; pos < text.length; pos++) {
      const c = text[pos];
      if (c === '\\') {
        pos++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0) fail('unbalanced "}" inside a quoted value', pos);
        depth--;
      } else if (c === '"' && depth === 0) {
        pos++;
        return text.slice(open + 1, pos - 1);
      }
    }
    return fail('this value opens a quote that is never closed', open);
  };
  /** A value: parts joined by `#`. */
  const readValue = (): string => {
    let value = '';
    for (;;) {
      skipSpace();
      const c = text[pos];
      if (c === '{') value += readBraced();
      else if (c === '"') value += readQuoted();
      else if (c !== undefined && /[0-9]/.test(c)) {
        const start = pos;
        while (pos < text.length && /[0-9]/.test(text[pos]!)) pos++;
        value += text.slice(start, pos);
      } else if (c !== undefined && /[A-Za-z]/.test(c)) {
        const at = pos;
        const name = readName();
        const expansion = macros.get(name.toLowerCase());
        if (expansion === undefined)
          fail(`"${name}" is not a defined @string macro: put the value in braces, {${name}}`, at);
        value += expansion;
      } else {
        fail(
          c === undefined
            ? 'the file ends where a value was expected'
            : `expected a value ({…}, "…", a number or a macro), found "${c}"`,
          pos,
        );
      }
      skipSpace();
      if (text[pos] !== '#') return value.replace(/\s+/g, ' ').trim();
      pos++;
    }
  };

  while (pos < text.length) {
    const c = text[pos];
    if (c === '%') {
      while (pos < text.length && text[pos] !== '\n') pos++;
      continue;
    }
    if (c !== '@') {
      pos++;
      continue;
    }
    const at = pos;
    pos++;
    skipSpace();
    const type = readName().toLowerCase();
    if (!type) fail('"@" must be followed by an entry type such as @article', at);
    skipSpace();
    const open = text[pos];
    if (open !== '{' && open !== '(') fail(`@${type} must be followed by "{" or "("`, pos);
    const close = open === '{' ? '}' : ')';

    if (type === 'comment' || type === 'preamble') {
      if (open === '{') readBraced();
      else {
        const end = text.indexOf(')', pos);
        if (end < 0) fail(`@${type} is never closed`, at);
        pos = end + 1;
      }
      continue;
    }
    pos++;

    if (type === 'string') {
      skipSpace();
      const nameAt = pos;
      const name = readName();
      if (!name) fail('@string needs a name: @string{name = {value}}', nameAt);
      skipSpace();
      if (text[pos] !== '=') fail(`expected "=" after the @string name "${name}"`, pos);
      pos++;
      macros.set(name.toLowerCase(), readValue());
      skipSpace();
      if (text[pos] !== close) fail(`@string{${name} = …} must end with "${close}"`, pos);
      pos++;
      continue;
    }

    skipSpace();
    const keyAt = pos;
    while (pos < text.length && KEY_CHARS.test(text[pos]!)) pos++;
    const key = text.slice(keyAt, pos);
    if (!key) fail(`@${type} needs a citation key: @${type}{key, …}`, keyAt);
    const previous = seen.get(key);
    if (previous !== undefined) fail(`duplicate key "${key}" (first defined on line ${previous})`, keyAt);
    seen.set(key, lineAt(at));
    skipSpaceAndComments();
    const fields: Record<string, string> = {};
    for (;;) {
      if (pos >= text.length) fail(`entry "${key}" is never closed: add "${close}"`, at);
      if (text[pos] === close) {
        pos++;
        break;
      }
      if (text[pos] !== ',') fail(`expected "," or "${close}" in entry "${key}", found "${text[pos]}"`, pos);
      pos++;
      skipSpaceAndComments();
      if (text[pos] === close) {
        pos++;
        break;
      }
      const fieldAt = pos;
      const field = readName().toLowerCase();
      if (!field)
        fail(`expected a field name in entry "${key}"${pos < text.length ? `, found "${text[pos]}"` : ''}`, fieldAt);
      skipSpace();
      if (text[pos] !== '=') fail(`expected "=" after the field "${field}" in entry "${key}"`, pos);
      pos++;
      if (Object.hasOwn(fields, field)) fail(`the field "${field}" is given twice in entry "${key}"`, fieldAt);
      fields[field] = readValue();
      skipSpaceAndComments();
    }
    entries.push({ type, key, fields, line: lineAt(at) });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------------------
// LaTeX → Unicode

/** Combining marks for TeX's accent commands: `\'e` is e + U+0301, normalised to é. */
const ACCENTS: Record<string, string> = {
  '`': '\u0300',
  "'": '\u0301',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  u: '\u0306',
  '.': '\u0307',
  '"': '\u0308',
  r: '\u030A',
  H: '\u030B',
  v: '\u030C',
  d: '\u0323',
  c: '\u0327',
  k: '\u0328',
  b: '\u0331',
};
/** Commands that stand for one character. */
const SYMBOLS: Record<string, string> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  textendash: '–',
  textemdash: '—',
  textquoteleft: '‘',
  textquoteright: '’',
  textquotedblleft: '“',
  textquotedblright: '”',
  dots: '…',
  ldots: '…',
  textellipsis: '…',
  S: '§',
  P: '¶',
  copyright: '©',
  textregistered: '®',
  texttrademark: '™',
  pounds: '£',
  euro: '€',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  textbackslash: '\\',
  textasciitilde: '~',
  textasciicircum: '^',
  textunderscore: '_',
};
/** A backslash before one of these is just that character. */
const ESCAPED = new Set(['&', '%', '$', '#', '_', '{', '}', '@', '/', '-']);

/**
 * Turns BibTeX's LaTeX into plain Unicode text: accents (`{\"u}`, `\"{u}`, `\'{\i}` → ü, ü, í), letters such as
 * `\ss` and `\o`, escaped specials (`\&`), `--` → – and `---` → —, `~` → no-break space, formatting commands
 * such as `\emph{…}` reduced to their argument, and grouping braces and math dollars removed.
 */
export function latexToText(input: string): string {
  let pos = 0;
  const out: string[] = [];

  /** The next argument of a command: a `{…}` group or one (possibly escaped) character, converted. */
  const readArgument = (): string => {
    while (input[pos] === ' ') pos++;
    if (input[pos] === '{') {
      const start = ++pos;
      let depth = 1;
      for (; pos < input.length; pos++) {
        if (input[pos] === '\\') pos++;
        else if (input[pos] === '{') depth++;
        else if (input[pos] === '}' && --depth === 0) break;
      }
      const inner = input.slice(start, pos);
      pos++;
      return latexToText(inner);
    }
    if (input[pos] === '\\') {
      const match = /^\\([A-Za-z]+|.)/.exec(input.slice(pos));
      if (match) {
        pos += match[0].length;
        const name = match[1]!;
        if (name === 'i' || name === 'j') return name;
        return SYMBOLS[name] ?? (ESCAPED.has(name) ? name : '');
      }
    }
    const char = String.fromCodePoint(input.codePointAt(pos) ?? 32);
    pos += char.length;
    return char;
  };
  const accent = (mark: string) => {
    // An accent on the dotless \i or \j (`\'{\i}`) is an accent on i or j: í has no dotless form.
    const [first = '', ...rest] = Array.from(readArgument());
    out.push((first === 'ı' ? 'i' : first === 'ȷ' ? 'j' : first) + mark + rest.join(''));
  };

  while (pos < input.length) {
    const c = input[pos]!;
    if (c === '\\') {
      const next = input[pos + 1];
      if (next === undefined) {
        pos++;
        continue;
      }
      if (/[A-Za-z]/.test(next)) {
        const name = /^[A-Za-z]+/.exec(input.slice(pos + 1))![0];
        pos += 1 + name.length;
        const mark = name.length === 1 ? ACCENTS[name] : undefined;
        if (mark) {
          accent(mark);
          continue;
        }
        // TeX swallows the spaces after a control word.
        while (input[pos] === ' ') pos++;
        const symbol = SYMBOLS[name];
        if (symbol !== undefined) {
          out.push(symbol);
          // `\ss{}`: an empty group only ends the command name.
          if (input.startsWith('{}', pos)) pos += 2;
          continue;
        }
        // \emph{x}, \textbf{x}, \url{x} and any unknown command: keep what its argument says.
        if (input[pos] === '{') out.push(readArgument());
        continue;
      }
      pos += 2;
      const mark = ACCENTS[next];
      if (mark) accent(mark);
      else if (next === '\\' || next === ' ' || next === ',' || next === ';') out.push(' ');
      else if (ESCAPED.has(next)) out.push(next);
      continue;
    }
    if (c === '{' || c === '}' || c === '$') {
      pos++;
      continue;
    }
    if (c === '~') {
      out.push('\u00A0');
      pos++;
      continue;
    }
    if (input.startsWith('---', pos)) {
      out.push('—');
      pos += 3;
      continue;
    }
    if (input.startsWith('--', pos)) {
      out.push('–');
      pos += 2;
      continue;
    }
    out.push(c);
    pos++;
  }
  return out
    .join('')
    .normalize('NFC')
    .replace(/[ \t\n]+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------------------
// Names

/** One person's name, split the way BibTeX splits it ("First von Last, Jr"); `others` marks "and others". */
export interface PersonName {
  first: string;
  von: string;
  last: string;
  jr: string;
  others?: true;
}

/** Splits `text` at `separator` (a regex matched at brace depth 0 only). */
function splitTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0) {
      const match = separator.exec(text.slice(i));
      if (match && match.index === 0) {
        parts.push(text.slice(start, i));
        i += match[0].length - 1;
        start = i + 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Whether a raw name word starts with a lowercase letter at brace depth 0 (the "von" test of BibTeX). */
function isLowercaseWord(word: string): boolean {
  if (word.startsWith('{')) return false;
  const first = latexToText(word).charAt(0);
  return first !== '' && first === first.toLowerCase() && first !== first.toUpperCase();
}

/**
 * Parses an `author` or `editor` field: names separated by ` and `, each written "First von Last",
 * "von Last, First" or "von Last, Jr, First". A braced group (`{World Health Organization}`) is one word.
 */
export function parseNames(field: string): PersonName[] {
  return splitTopLevel(field, /^\s+and\s+/i).map((raw): PersonName => {
    if (raw.toLowerCase() === 'others') return { first: '', von: '', last: '', jr: '', others: true };
    const commas = splitTopLevel(raw, /^,/);
    const words = (s: string) => splitTopLevel(s, /^\s+/);
    const text = (ws: string[]) => latexToText(ws.join(' '));
    if (commas.length === 1) {
      const ws = words(raw);
      const vonStart = ws.slice(0, -1).findIndex(isLowercaseWord);
      if (vonStart < 0) return { first: text(ws.slice(0, -1)), von: '', last: text(ws.slice(-1)), jr: '' };
      let vonEnd = vonStart;
      for (let i = vonStart; i < ws.length - 1; i++) if (isLowercaseWord(ws[i]!)) vonEnd = i;
      return {
        first: text(ws.slice(0, vonStart)),
        von: text(ws.slice(vonStart, vonEnd + 1)),
        last: text(ws.slice(vonEnd + 1)),
        jr: '',
      };
    }
    const [lastPart = '', second = '', third] = commas;
    const ws = words(lastPart);
    let vonEnd = -1;
    for (let i = 0; i < ws.length - 1; i++) if (isLowercaseWord(ws[i]!)) vonEnd = i;
    const von = text(ws.slice(0, vonEnd + 1));
    const last = text(ws.slice(vonEnd + 1));
    return third === undefined
      ? { first: latexToText(second), von, last, jr: '' }
      : { first: latexToText(third), von, last, jr: latexToText(second) };
  });
}

/** "Diederik P." → "D. P.", "Jean-Pierre" → "J.-P."; an initial already written stays as it is. */
export function initials(first: string): string {
  return first
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((word) =>
      word
        .split('-')
        .map((part) => (Array.from(part)[0] ?? '') + '.')
        .join('-'),
    )
    .join(' ');
}

/** A name as references show it: initials, then the family name ("D. E. Rumelhart", "L. van der Maaten"). */
export function displayName(name: PersonName): string {
  return (
    [initials(name.first), name.von, name.last].filter((p) => p !== '').join(' ') + (name.jr ? `, ${name.jr}` : '')
  );
}

/** Up to three authors in full ("A", "A and B", "A, B, and C"); four or more, or "and others", as "A et al.". */
export function formatAuthors(names: readonly PersonName[]): string {
  const people = names.filter((n) => !n.others);
  if (people.length === 0) return '';
  if (people.length > 3 || people.length < names.length) return `${displayName(people[0]!)} et al.`;
  const shown = people.map(displayName);
  if (shown.length === 1) return shown[0]!;
  if (shown.length === 2) return `${shown[0]} and ${shown[1]}`;
  return `${shown.slice(0, -1).join(', ')}, and ${shown.at(-1)}`;
}

// ---------------------------------------------------------------------------------------------------------
// References

/** What a reference list shows for one entry, as plain text pieces. */
export interface Reference {
  key: string;
  /** "D. E. Rumelhart, G. E. Hinton, and R. J. Williams"; empty when the entry has no author. */
  authors: string;
  title: string;
  /** The journal or proceedings, set in italics ("Nature", "CVPR"); empty for a preprint. */
  venue: string;
  /** Volume, number, pages or the preprint id ("323, 533–536", "86(11), 2278–2324", "arXiv:1406.1078"). */
  details: string;
  year: string;
  /** Any `note` field ("bAbI"). */
  note: string;
  /** `https://doi.org/<doi>`, else `url`, else the arXiv abstract page. */
  url?: string;
}

/** The reference pieces of an entry, with LaTeX turned into text. */
export function toReference(entry: BibEntry): Reference {
  const f = (name: string) => latexToText(entry.fields[name] ?? '');
  const eprint = entry.fields.eprint?.trim();
  const isArxiv =
    eprint !== undefined && /^arxiv$/i.test(entry.fields.archiveprefix ?? entry.fields.eprinttype ?? 'arxiv');
  const volume = [f('volume'), f('number') ? `(${f('number')})` : ''].join('');
  const details = [volume, f('pages')].filter((p) => p !== '').join(', ');
  const venue =
    f('journal') || f('booktitle') || f('howpublished') || f('publisher') || f('school') || f('institution');
  const doi = entry.fields.doi?.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  const url = doi
    ? `https://doi.org/${doi}`
    : entry.fields.url?.trim() || (isArxiv ? `https://arxiv.org/abs/${eprint}` : undefined);
  const preprint = isArxiv ? `arXiv:${eprint}` : '';
  return {
    key: entry.key,
    authors: formatAuthors(parseNames(entry.fields.author ?? entry.fields.editor ?? '')),
    title: f('title'),
    venue,
    details: [details, venue ? '' : preprint].filter((p) => p !== '').join(', '),
    year: f('year'),
    note: f('note'),
    ...(url ? { url } : {}),
  };
}

/** Ends a piece with a full stop unless it already ends with punctuation. */
function sentence(text: string): string {
  return /[.?!…]$/.test(text) ? text : `${text}.`;
}

/** "Nature 323, 533–536, 1986 (note)": the venue line without its final full stop. */
export function publicationLine(ref: Reference): string {
  const where = [ref.venue, ref.details].filter((p) => p !== '').join(' ');
  const when = ref.year + (ref.note ? ` (${ref.note})` : '');
  return [where, when].filter((p) => p.trim() !== '').join(', ');
}

/**
 * A reference as one line of plain text, for a tooltip or a copy:
 * "A, B, and C. Title. Venue details, year (note)." plus the link when `withUrl` is set.
 */
export function referenceText(ref: Reference, { withUrl = false } = {}): string {
  const parts = [ref.authors, ref.title, publicationLine(ref)].filter((p) => p !== '').map(sentence);
  if (withUrl && ref.url) parts.push(ref.url);
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------------------
// Writing BibTeX

/** Escapes text for a braced BibTeX value (`&`, `%`, `$`, `#`, `_`, braces, backslash, `~`, `^`). */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`,
  );
}

/** An entry as BibTeX text, fields aligned, values braced as given (escape them first with `escapeBibtex`). */
export function formatBibtex(entry: { type: string; key: string; fields: Readonly<Record<string, string>> }): string {
  const names = Object.keys(entry.fields);
  const width = Math.max(0, ...names.map((n) => n.length));
  const lines = names.map((name) => `  ${name.padEnd(width)} = {${entry.fields[name]}}`);
  return `@${entry.type}{${entry.key},\n${lines.join(',\n')}\n}`;
}

/** What "cite this note" needs to know about a note. */
export interface NoteCitation {
  lang: 'zh' | 'en';
  title: string;
  /** The site's name in the note's language. */
  siteTitle: string;
  /** Who is credited (a group name is braced so BibTeX does not split it into first and last names). */
  author: string;
  /** The note's absolute URL. */
  url: string;
  /** Publication or revision date; only its year is used. */
  date: Date;
  /** The citation key; use `citationKey`. */
  key: string;
}

/**
 * A citation key for a note: its slug's ASCII part prefixed by the site's initials (`dln-network-architectures`),
 * or, for a slug in Chinese characters that classic BibTeX cannot read, the given fallback.
 */
export function citationKey(slug: string, fallback: string, prefix = 'dln'): string {
  const ascii = slug
    .replace(/[^a-z0-9-]+/gi, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `${prefix}-${ascii || fallback}`;
}

/** "Cite this note" as BibTeX: an `@misc` entry with the title, the site, the URL and the year. */
export function noteBibtex(note: NoteCitation): string {
  return formatBibtex({
    type: 'misc',
    key: note.key,
    fields: {
      author: `{${escapeBibtex(note.author)}}`,
      // Double braces keep the title's capitals: BibTeX styles lowercase titles otherwise.
      title: `{${escapeBibtex(note.title)}}`,
      howpublished: escapeBibtex(note.siteTitle),
      year: String(note.date.getUTCFullYear()),
      url: note.url.replace(/[{}]/g, encodeURIComponent),
    },
  });
}

/**
 * "Cite this note" as plain text. English: `Author. “Title.” Site, year. URL`; Chinese, after GB/T 7714:
 * `Author. Title[EB/OL]. Site, year. URL`.
 */
export function noteCitationText(note: NoteCitation): string {
  const year = note.date.getUTCFullYear();
  return note.lang === 'zh'
    ? `${sentence(note.author)} ${note.title}[EB/OL]. ${note.siteTitle}, ${year}. ${note.url}`
    : `${sentence(note.author)} “${sentence(note.title)}” ${note.siteTitle}, ${year}. ${note.url}`;
}
