import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentHash,
  fnv1a64,
  normalizeBody,
  readStamp,
  splitFrontmatter,
  STAMP_PATTERN,
  translationState,
  utf8,
  withStamp,
} from '../../../../src/lib/content/translation.ts';

describe('utf8', () => {
  it.each(['', 'abc', 'é', '神经元', '𝛼 and 😀', 'mixed ü 網 𝄞'])('encodes %j as TextEncoder does', (text) => {
    expect(utf8(text)).toEqual([...new TextEncoder().encode(text)]);
  });
  it('encodes a lone surrogate as U+FFFD', () => {
    expect(utf8('\uD800')).toEqual([0xef, 0xbf, 0xbd]);
  });
});

describe('fnv1a64', () => {
  // Reference values of 64-bit FNV-1a (from the algorithm's published test vectors).
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('%j → %s', (text, hash) => {
    expect(fnv1a64(utf8(text))).toBe(hash);
  });
});

describe('contentHash', () => {
  const body = '# 神经元\n\n人工神经元把输入向量映射成一个数。\n\n$$\ny = f(w^\\top x + b)\n$$\n';

  it('is 12 hex digits, stable across calls, and matches its definition', () => {
    const hash = contentHash(body);
    expect(hash).toMatch(STAMP_PATTERN);
    expect(contentHash(body)).toBe(hash);
    expect(hash).toBe(fnv1a64(utf8(normalizeBody(body))).slice(0, 12));
  });

  it('ignores line endings, trailing whitespace, a byte-order mark and blank lines at either end', () => {
    const variants = [
      body.replace(/\n/g, '\r\n'),
      body.replace(/\n/g, '\r'),
      body.replace(/\n/g, '  \n'),
      `\uFEFF\n\n${body}\n\n\n`,
      body.replace(/\n/g, '\t\r\n'),
    ];
    for (const variant of variants) expect(contentHash(variant)).toBe(contentHash(body));
  });

  it('changes with any real edit: a character, a new paragraph, indentation, a changed formula', () => {
    const edits = [
      body.replace('一个数', '一个向量'),
      `${body}\n新段落。`,
      body.replace('人工', ' 人工'),
      body.replace('w^\\top', 'W'),
      body.replace('\n\n人工', '\n人工'),
    ];
    const hashes = new Set([contentHash(body), ...edits.map(contentHash)]);
    expect(hashes.size).toBe(edits.length + 1);
  });
});

describe('translationState', () => {
  const original = '原文。\n';
  it('is current when the stamp matches, stale when the original changed, unstamped without a stamp', () => {
    const stamp = contentHash(original);
    expect(translationState(stamp, original)).toBe('current');
    expect(translationState(stamp, '原文，已修改。\n')).toBe('stale');
    expect(translationState(undefined, original)).toBe('unstamped');
    expect(translationState('', original)).toBe('unstamped');
  });
  it('takes another hash function, e.g. SHA-256 from node:crypto in a script', () => {
    const sha = (text: string) => createHash('sha256').update(normalizeBody(text)).digest('hex').slice(0, 12);
    expect(translationState(sha(original), original, sha)).toBe('current');
    expect(translationState(sha(original), original)).toBe('stale');
  });
});

describe('frontmatter stamps', () => {
  const note = '---\ntitle: Neuron\ndate: 2026-11-29\ntags: [math]\n---\n\nBody with --- inside.\n';

  it('splits frontmatter from body; a file without frontmatter is all body', () => {
    expect(splitFrontmatter(note)).toEqual({
      frontmatter: '---\ntitle: Neuron\ndate: 2026-11-29\ntags: [math]\n---\n',
      body: '\nBody with --- inside.\n',
    });
    expect(splitFrontmatter('No frontmatter.')).toEqual({ frontmatter: '', body: 'No frontmatter.' });
  });

  it('adds translationOf as the last frontmatter line and leaves the body byte for byte', () => {
    const stamped = withStamp(note, 'abcdef012345');
    expect(stamped).toBe(
      '---\ntitle: Neuron\ndate: 2026-11-29\ntags: [math]\ntranslationOf: abcdef012345\n---\n\nBody with --- inside.\n',
    );
    expect(readStamp(stamped)).toBe('abcdef012345');
  });

  it('replaces an existing stamp in place, keeps CRLF files CRLF, and is idempotent', () => {
    const crlf = '---\r\ntitle: T\r\ntranslationOf: 000000000000\r\ntags: [a]\r\n---\r\nBody\r\n';
    const stamped = withStamp(crlf, 'abcdef012345');
    expect(stamped).toBe('---\r\ntitle: T\r\ntranslationOf: abcdef012345\r\ntags: [a]\r\n---\r\nBody\r\n');
    expect(withStamp(stamped, 'abcdef012345')).toBe(stamped);
    expect(withStamp('---\r\ntitle: T\r\n---\r\nB', '111111111111')).toBe(
      '---\r\ntitle: T\r\ntranslationOf: 111111111111\r\n---\r\nB',
    );
  });

  it('reads a quoted stamp or none, and refuses a file without frontmatter', () => {
    expect(readStamp('---\ntranslationOf: "abcdef012345" # stamped\n---\n')).toBe('abcdef012345');
    expect(readStamp(note)).toBeUndefined();
    expect(readStamp('Body only\ntranslationOf: abcdef012345\n')).toBeUndefined();
    expect(() => withStamp('Body only', 'abcdef012345')).toThrow(/no frontmatter/);
  });
});
