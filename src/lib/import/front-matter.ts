import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ImportError } from './problems.ts';

export interface JekyllPost {
  /** The parsed YAML front matter (`{}` when the post has none). */
  frontMatter: Record<string, unknown>;
  /** The Markdown after the front matter, with `\n` line ends. */
  body: string;
  /** The line of the post's file the body starts on, so that messages about the body name file lines. */
  bodyLine: number;
}

/** Jekyll's own rule: a `---` line, the YAML, then a `---` or `...` line (trailing spaces allowed). */
const OPENING = /^---[ \t]*(?:\n|$)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

function lineCount(text: string): number {
  return text.split('\n').length - 1;
}

/**
 * Splits a Jekyll post into its YAML front matter and its body. A byte-order mark is dropped and Windows
 * line ends become `\n`, which keeps every line number. Throws `ImportError`, with the line, on broken YAML
 * or a front matter that is never closed (Jekyll would not take the file for a post at all).
 */
export function parseJekyllPost(source: string): JekyllPost {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const opening = OPENING.exec(text);
  if (!opening) return { frontMatter: {}, body: text, bodyLine: 1 };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    throw new ImportError('the front matter has no closing "---" line: add one after its last key', 1);
  }
  const yaml = rest.slice(0, closing.index);
  let data: unknown;
  try {
    // The core schema keeps `2017-09-22 12:15:00` a string, so the date is taken as written.
    data = parseYaml(yaml, { schema: 'core' });
  } catch (error) {
    const line = error instanceof YAMLParseError ? error.linePos?.[0].line : undefined;
    throw new ImportError(
      `the front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      line === undefined ? 1 : line + 1,
    );
  }
  const frontMatter = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const afterClosing = closing.index + closing[0].length;
  const bodyStart = rest[afterClosing] === '\n' ? afterClosing + 1 : afterClosing;
  const consumed = opening[0].length + bodyStart;
  return { frontMatter, body: text.slice(consumed), bodyLine: lineCount(text.slice(0, consumed)) + 1 };
}

/** `2017-09-22 12:15:00 +0800` → `2017-09-22` (the calendar date as the author wrote it, no time-zone shift). */
export function jekyllDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[\sT])/.exec(value);
  return m ? m[1] : undefined;
}

/**
 * One of Jekyll's taxonomies the way Jekyll reads it: the plural key wins over the singular one; a list is
 * taken as it is, a plural string is split on spaces (and commas, which people write), a singular string is
 * one name (`category: Deep Learning`).
 */
function taxonomy(frontMatter: Record<string, unknown>, plural: string, singular: string): string[] {
  const raw = frontMatter[plural] ?? frontMatter[singular];
  const list = Array.isArray(raw)
    ? raw
    : typeof raw === 'string'
      ? frontMatter[plural] !== undefined
        ? raw.split(/[\s,]+/)
        : [raw]
      : typeof raw === 'number'
        ? [raw]
        : [];
  return list.map((t) => (typeof t === 'string' || typeof t === 'number' ? String(t).trim() : '')).filter(Boolean);
}

/**
 * A post's tags and then its categories (this site has only tags): `tags: [a, b]`, a YAML list, or a string
 * split on spaces (`tags: ml python`); the same for `categories`.
 */
/** The post's categories, which Jekyll puts in its URL (`:categories`). */
export function jekyllCategories(frontMatter: Record<string, unknown>): string[] {
  return taxonomy(frontMatter, 'categories', 'category');
}

export function jekyllTags(frontMatter: Record<string, unknown>): string[] {
  return [...taxonomy(frontMatter, 'tags', 'tag'), ...taxonomy(frontMatter, 'categories', 'category')];
}
