// BibTeX for the site: reading a .bib file (./bibtex/read.ts, on @retorquere/bibtex-parser), the formatters a
// reference needs (a numbered reference, its plain text for a tooltip) and "cite this note" in BibTeX and plain
// text. Pure (no DOM, no file system): the remark plugin and the components pass the text in.
import type { BibEntry, PersonName } from './bibtex/read.ts';
import { scriptUrlReason, shownUrl } from './script-url.ts';

export { BibtexError, parseBibtex, type BibEntry, type PersonName, type Problem } from './bibtex/read.ts';

// ---------------------------------------------------------------------------------------------------------
// Names

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

/** The reference pieces of an entry. */
export function toReference(entry: BibEntry): Reference {
  const f = (name: string) => entry.fields[name] ?? '';
  const eprint = entry.fields.eprint;
  const isArxiv =
    eprint !== undefined && /^arxiv$/i.test(entry.fields.archiveprefix ?? entry.fields.eprinttype ?? 'arxiv');
  const volume = [f('volume'), f('number') ? `(${f('number')})` : ''].join('');
  const details = [volume, f('pages')].filter((p) => p !== '').join(', ');
  const venue =
    f('journal') || f('booktitle') || f('howpublished') || f('publisher') || f('school') || f('institution');
  const doi = entry.fields.doi?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  const url = doi
    ? `https://doi.org/${doi}`
    : entry.fields.url || (isArxiv ? `https://arxiv.org/abs/${eprint}` : undefined);
  const preprint = isArxiv ? `arXiv:${eprint}` : '';
  return {
    key: entry.key,
    authors: formatAuthors(entry.names.author ?? entry.names.editor ?? []),
    title: f('title'),
    venue,
    details: [details, venue ? '' : preprint].filter((p) => p !== '').join(', '),
    year: f('year'),
    note: f('note'),
    ...(url ? { url } : {}),
  };
}

/**
 * Why an entry's link may not be published (its `url` runs script: `javascript:…`), or undefined. A `doi` is
 * always linked through https://doi.org/, so only `url` can carry one.
 */
export function unsafeReferenceUrl(entry: BibEntry): string | undefined {
  const url = toReference(entry).url;
  const reason = url === undefined ? undefined : scriptUrlReason(url);
  return reason && `the url of "${entry.key}" ("${shownUrl(url!)}") is ${reason}, which runs script`;
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
