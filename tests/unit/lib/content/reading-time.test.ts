import { describe, expect, it } from 'vitest';
import { readableText, readingMinutes } from '../../../../src/lib/content/reading-time.ts';

describe('readingMinutes', () => {
  it('is at least one minute', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('短')).toBe(1);
  });
  it('reads 300 Chinese characters a minute', () => {
    expect(readingMinutes('字'.repeat(300))).toBe(1);
    expect(readingMinutes('字'.repeat(301))).toBe(2);
    expect(readingMinutes('字'.repeat(1500))).toBe(5);
  });
  it('reads 200 English words a minute', () => {
    expect(readingMinutes('word '.repeat(200))).toBe(1);
    expect(readingMinutes('word '.repeat(1000))).toBe(5);
  });
  it('adds both in mixed text', () => {
    expect(readingMinutes(`${'字'.repeat(600)} ${'ReLU '.repeat(200)}`)).toBe(3);
  });
});

describe('readableText', () => {
  it('drops frontmatter, code, display math and link targets', () => {
    const text = readableText(
      '---\ntitle: x\n---\nHello [link](https://example.com/very/long)\n```js\ncode code\n```\n$$a+b$$',
    );
    expect(text).not.toContain('title');
    expect(text).not.toContain('code code');
    expect(text).not.toContain('example.com');
    expect(text).toContain('Hello [link]');
  });
});
