// What is wrong with a .bib file, on the line a contributor should look at. @retorquere/bibtex-parser reports a
// syntax error as "<what> at line L, column C in "<directive>"", skips to the next entry and goes on; a
// problem it finds later (an undefined @string macro, LaTeX it cannot read) comes without a place. These
// helpers give each one a line and say what to fix.
import type { ParseError } from '@retorquere/bibtex-parser';
import type { LineIndex } from '../../text/line-index.ts';

/** One problem in a .bib file. */
export interface Problem {
  /** 1-based line. */
  line: number;
  /** What is wrong, without the location. */
  reason: string;
}

/** A malformed .bib file: the message names the file (when known) and the line of every problem found. */
export class BibtexError extends Error {
  override name = 'BibtexError';
  /** What is wrong, without the location (the first problem, when there are several). */
  readonly reason: string;
  readonly line: number;
  readonly file: string | undefined;
  /** The problems after the first one, in line order. */
  readonly more: readonly Problem[];
  constructor(reason: string, line: number, file?: string, more: readonly Problem[] = []) {
    const where = file ?? 'BibTeX';
    super([{ line, reason }, ...more].map((p) => `${where}:${p.line}  ${p.reason}`).join('\n'));
    this.reason = reason;
    this.line = line;
    this.file = file;
    this.more = more;
  }

  /** One error for all the problems of a file, first line first. */
  static from(problems: readonly Problem[], file?: string): BibtexError {
    const [first, ...more] = [...problems].sort((a, b) => a.line - b.line);
    if (!first) throw new RangeError('BibtexError.from needs at least one problem');
    return new BibtexError(first.reason, first.line, file, more);
  }
}

const SYNTAX = /^(.*) at line (\d+), column (\d+)(?: in "(.*)")?$/s;
const UNRESOLVED = /^Unresolved @string reference "(.*)"$/;
/** The key of an entry as it starts: `@misc{key,`, `@misc(key)`. */
const ENTRY_KEY = /^@[^{(]*[{(]\s*([^\s,={}()"#%']+)\s*[,})]/;

/**
 * Places and words one error of the library.
 * @param lineOfKey the line of an entry read without error, by key (for problems the library tags with a key)
 */
export function locateError(
  error: ParseError,
  lines: LineIndex,
  lineOfKey: (key: string) => number | undefined,
): Problem {
  const syntax = SYNTAX.exec(error.error);
  if (syntax) {
    const [, what = '', line = '1', column = '1', directive = ''] = syntax;
    return syntaxProblem(what, Number(line), Number(column), directive, error.input ?? '', lines);
  }
  const unresolved = UNRESOLVED.exec(error.error);
  if (unresolved) return macroProblem(unresolved[1]!, lines);
  // Found while turning an entry's LaTeX into text: tagged "@key: …", or carrying the entry's text as input.
  const [first = ''] = error.error.split('\n');
  const tagged = /^@(.*?): (.*)$/.exec(first);
  if (tagged) return { line: lineOfKey(tagged[1]!) ?? 1, reason: `${tagged[2]} in entry "${tagged[1]}"` };
  const at = error.input ? lines.text.indexOf(error.input) : -1;
  return { line: at >= 0 ? lines.lineOf(at) : 1, reason: first };
}

/**
 * A syntax error. Where the parser stopped is the place to fix, except at the end of the file or at the next
 * entry's "@": there, something opened earlier was never closed, and the entry that opened it is where to look.
 */
function syntaxProblem(
  what: string,
  line: number,
  column: number,
  directive: string,
  input: string,
  lines: LineIndex,
): Problem {
  const { text } = lines;
  const stop = offsetAt(text, line, column);
  const atEnd = stop >= text.length;
  const found = (text.slice(stop).split('\n')[0] ?? '').trim().slice(0, 40);
  const overrun = atEnd || found.startsWith('@');
  // `input` is the failed entry's text from its "@" on; the entry starts at or before the place it failed.
  const start = input ? text.lastIndexOf(input, stop) : -1;
  const key = start >= 0 ? ENTRY_KEY.exec(input)?.[1] : undefined;
  const subject = directive === 'string' ? '@string' : key ? `entry "${key}"` : `this @${directive}`;
  return {
    line: overrun && start >= 0 ? lines.lineOf(start) : line,
    reason: syntaxReason(what, { subject, directive, atEnd, found }),
  };
}

/** The library's syntax message, said as what to fix. */
function syntaxReason(
  what: string,
  { subject, directive, atEnd, found }: { subject: string; directive: string; atEnd: boolean; found: string },
): string {
  if (what.startsWith('Unterminated brace-value')) return `a value in ${subject} opens a "{" that is never closed`;
  if (what.startsWith('Unterminated quote-value')) return `a value in ${subject} opens a quote that is never closed`;
  if (what.startsWith('Unclosed math section')) return `a value in ${subject} opens math with "$" but never closes it`;
  if (what.startsWith(`Token mismatch, expected '{' or '('`)) return `@${directive} must be followed by "{" or "("`;
  const close = /^Token mismatch, expected "(.)"/.exec(what)?.[1];
  if (close && atEnd) return `${subject} is never closed: add "${close}"`;
  if (close && found.startsWith('@'))
    return `${subject} runs into the next entry: a "{" in it is never closed, or its closing "${close}" is missing`;
  if (close && directive === 'string') return `expected "${close}" to end the @string, found "${found}"`;
  if (close) return `expected "," or "${close}" in ${subject}, found "${found}"`;
  const field = /^(.*) = value expected, equals sign missing/s.exec(what)?.[1];
  if (field !== undefined && directive === 'string') return `expected "=" after the @string name "${field}"`;
  if (field !== undefined) return `expected "=" after the field "${field}" in ${subject}`;
  if (atEnd) return `${subject} is never closed: the file ends inside it`;
  return what;
}

/** The offset of a 1-based line and column, counted as the library counts them. */
function offsetAt(text: string, line: number, column: number): number {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return text.length;
    start = newline + 1;
  }
  return start + column - 1;
}

/** An undefined macro: the library does not say where it was used, so find the bare word standing as a value. */
function macroProblem(name: string, lines: LineIndex): Problem {
  const use =
    name === ''
      ? /[=#]\s*(?=[,})]|$)/
      : new RegExp(String.raw`[=#]\s*${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\p{L}\p{N}+'&;_:\\./-])`, 'u');
  const at = use.exec(lines.text)?.index;
  return {
    line: at === undefined ? 1 : lines.lineOf(at),
    reason:
      name === ''
        ? 'expected a value ({…}, "…", a number or a macro) after "="'
        : `"${name}" is not a defined @string macro: put the value in braces, {${name}}`,
  };
}
