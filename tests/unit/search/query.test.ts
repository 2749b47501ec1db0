import { describe, expect, it } from 'vitest';
import {
  excerptSegments,
  hasCjk,
  highlightTerms,
  MAX_QUERY_LENGTH,
  mergeRanked,
  normalizeQuery,
  phraseQuery,
} from '../../../src/search/query.ts';

describe('normalizeQuery', () => {
  it('collapses whitespace and trims', () => {
    expect(normalizeQuery('  gradient \n descent ')).toBe('gradient descent');
  });
  it('gives an empty query for punctuation, symbols and emoji only', () => {
    for (const q of ['', '   ', '?!…', '。，、', '🙂🚀', '<>', '$$']) expect(normalizeQuery(q), q).toBe('');
  });
  it('keeps letters of any script and digits', () => {
    expect(normalizeQuery('激活函数')).toBe('激活函数');
    expect(normalizeQuery('σ 2')).toBe('σ 2');
  });
  it(`cuts long input to ${MAX_QUERY_LENGTH} characters`, () => {
    expect(normalizeQuery('a'.repeat(1000))).toHaveLength(MAX_QUERY_LENGTH);
  });
  it('keeps HTML as text (rendering never interprets it)', () => {
    expect(normalizeQuery('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('phraseQuery and hasCjk', () => {
  it('quotes the query and drops inner quotes', () => {
    expect(phraseQuery('梯度下降')).toBe('"梯度下降"');
    expect(phraseQuery('say "hi"')).toBe('"say  hi"');
  });
  it('detects Chinese characters', () => {
    expect(hasCjk('ReLU 函数')).toBe(true);
    expect(hasCjk('ReLU')).toBe(false);
  });
});

describe('mergeRanked', () => {
  const r = (id: string) => ({ id });
  it("puts exact-phrase matches first, in the plain query's relevance order, without duplicates", () => {
    expect(mergeRanked([r('d'), r('b')], [r('a'), r('b'), r('c'), r('d')]).map((x) => x.id)).toEqual([
      'b',
      'd',
      'a',
      'c',
    ]);
  });
  it('keeps phrase matches the plain query missed, after the ranked phrase matches', () => {
    expect(mergeRanked([r('z'), r('b')], [r('a'), r('b')]).map((x) => x.id)).toEqual(['b', 'z', 'a']);
  });
  it('falls back to the plain order when nothing matches as a phrase', () => {
    expect(mergeRanked([], [r('a'), r('b')]).map((x) => x.id)).toEqual(['a', 'b']);
  });
});

describe('excerptSegments', () => {
  it('splits marked and plain text and decodes entities', () => {
    expect(excerptSegments('the <mark>ReLU</mark> &amp; its &lt;kink&gt;')).toEqual([
      { text: 'the ', marked: false },
      { text: 'ReLU', marked: true },
      { text: ' & its <kink>', marked: false },
    ]);
  });
  it('never lets markup through', () => {
    const text = excerptSegments('<img src=x onerror=alert(1)><mark>x</mark>')
      .map((s) => s.text)
      .join('');
    expect(text).toBe('x');
  });
});

describe('highlightTerms', () => {
  it('keeps words of two or more characters and single CJK characters, longest first', () => {
    expect(highlightTerms('a gradient descent 神')).toEqual(['gradient', 'descent', '神']);
    expect(highlightTerms('?!')).toEqual([]);
  });
});
