// Translation drift: an English note records, in its `translationOf` frontmatter field, a hash of the Chinese
// note's body as it was when translated. When the Chinese note changes, the hashes differ, the English page
// says so and `npm run translations:check` lists the note. Pure: callers read the files.

/** Length of the stamp in hexadecimal digits (48 bits: a collision among one note's versions is negligible). */
export const STAMP_LENGTH = 12;

/** A valid `translationOf` value. */
export const STAMP_PATTERN = /^[0-9a-f]{12}$/;

/**
 * The body as far as translation is concerned: line endings unified to `\n`, a byte-order mark, trailing
 * spaces on each line and blank lines at the start and end removed. Re-saving a file with other line endings
 * or an editor that trims whitespace does not make a translation stale; any visible edit does.
 */
export function normalizeBody(body: string): string {
  return body
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** The UTF-8 bytes of a string (src/lib has no TextEncoder: it compiles without DOM or Node types). */
export function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    let cp = char.codePointAt(0)!;
    // A lone surrogate is encoded as U+FFFD, as TextEncoder does.
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return bytes;
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

/**
 * 64-bit FNV-1a over bytes: h₀ = 14695981039346656037, hᵢ = ((hᵢ₋₁ XOR byteᵢ) × 1099511628211) mod 2⁶⁴,
 * as 16 hexadecimal digits. Not cryptographic; it only has to notice an edit.
 */
export function fnv1a64(bytes: readonly number[]): string {
  let hash = FNV_OFFSET;
  for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  return hash.toString(16).padStart(16, '0');
}

/** The stamp of a note body: the first 12 hex digits of FNV-1a 64 over the UTF-8 of `normalizeBody(body)`. */
export function contentHash(body: string): string {
  return fnv1a64(utf8(normalizeBody(body))).slice(0, STAMP_LENGTH);
}

/** `current`: the stamp matches the original; `stale`: the original changed since; `unstamped`: no stamp to compare. */
export type TranslationState = 'current' | 'stale' | 'unstamped';

/**
 * Compares a translation's stamp with the original's body.
 * @param hash the hash function (default `contentHash`); injectable so a script may use another one.
 */
export function translationState(
  stamp: string | undefined,
  originalBody: string,
  hash: (body: string) => string = contentHash,
): TranslationState {
  if (!stamp) return 'unstamped';
  return stamp === hash(originalBody) ? 'current' : 'stale';
}

/** Splits a Markdown file into its frontmatter block (with the `---` lines) and its body. */
export function splitFrontmatter(source: string): { frontmatter: string; body: string } {
  const match = /^(?:\uFEFF)?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { frontmatter: '', body: source };
  return { frontmatter: match[0], body: source.slice(match[0].length) };
}

/**
 * The file with `translationOf: <stamp>` set in its frontmatter: an existing line is replaced in place, a new
 * one goes last in the block. The rest of the file is left byte for byte as it was.
 * @throws Error when the file has no frontmatter.
 */
export function withStamp(source: string, stamp: string): string {
  const { frontmatter, body } = splitFrontmatter(source);
  if (!frontmatter) throw new Error('the file has no frontmatter block');
  const eol = frontmatter.includes('\r\n') ? '\r\n' : '\n';
  const line = `translationOf: ${stamp}`;
  const updated = /^translationOf:.*$/m.test(frontmatter)
    ? frontmatter.replace(/^translationOf:[^\r\n]*/m, line)
    : frontmatter.replace(/(\r?\n)---[ \t]*(\r?\n|$)$/, `$1${line}${eol}---$2`);
  return updated + body;
}

/** The `translationOf` value in a file's frontmatter, if any (quotes removed). */
export function readStamp(source: string): string | undefined {
  const { frontmatter } = splitFrontmatter(source);
  const match = /^translationOf:[ \t]*["']?([^"'\r\n#]*?)["']?[ \t]*(?:#.*)?$/m.exec(frontmatter);
  return match?.[1] || undefined;
}
