/** Longest query sent to the index; longer input is cut (a pasted paragraph must not stall the page). */
export const MAX_QUERY_LENGTH = 100;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Whether the query contains Chinese characters, which Pagefind segments into words. */
export function hasCjk(query: string): boolean {
  return CJK.test(query);
}

/**
 * The query as sent to the index: whitespace collapsed, cut to MAX_QUERY_LENGTH, and empty when it holds
 * no letter or digit in any script (only punctuation, symbols or emoji), since such a query matches nothing useful.
 */
export function normalizeQuery(raw: string): string {
  const collapsed = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
  return /[\p{L}\p{N}]/u.test(collapsed) ? collapsed : '';
}

/** The exact-phrase form of a query: Pagefind treats text in double quotes as a phrase. */
export function phraseQuery(query: string): string {
  return `"${query.replace(/"/g, ' ').trim()}"`;
}

/**
 * Chinese ranking: pages that contain the query as an exact phrase first, then the other pages a plain
 * query finds. Pagefind gives phrase results no meaningful order (every score is 1), so both groups keep
 * the plain query's relevance order; phrase matches the plain query missed follow the first group.
 * A plain Chinese query also matches pages holding the pieces of a word far apart, and a phrase query misses
 * matches across segmentation boundaries: merged, nothing is lost and the top results are real matches.
 */
export function mergeRanked<T extends { id: string }>(phrase: readonly T[], plain: readonly T[]): T[] {
  const inPhrase = new Set(phrase.map((r) => r.id));
  const inPlain = new Set(plain.map((r) => r.id));
  return [
    ...plain.filter((r) => inPhrase.has(r.id)),
    ...phrase.filter((r) => !inPlain.has(r.id)),
    ...plain.filter((r) => !inPhrase.has(r.id)),
  ];
}

export interface Segment {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };

/**
 * Splits a Pagefind excerpt (escaped text with `<mark>` around matches) into plain-text segments, so the
 * view renders it with text nodes only and nothing in an excerpt can ever become markup.
 */
export function excerptSegments(excerpt: string): Segment[] {
  const segments: Segment[] = [];
  const decode = (s: string) =>
    s.replace(/<[^>]*>/g, '').replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole);
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) segments.push({ text: decode(part), marked });
  }
  return segments;
}

/**
 * The words to highlight on the page a reader lands on: the query's words (at least 2 characters, or
 * a single CJK character), longest first so a longer match wins over its parts.
 */
export function highlightTerms(query: string): string[] {
  const words = normalizeQuery(query)
    .split(' ')
    .filter((w) => w.length >= 2 || hasCjk(w));
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}
