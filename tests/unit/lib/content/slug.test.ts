import { describe, expect, it } from 'vitest';
import { langPrefix, noteUrl, parseNoteId, slugProblem, tagUrl, translatePath } from '../../../../src/lib/content/slug.ts';

describe('parseNoteId', () => {
  it('splits a collection id into language and slug', () => {
    expect(parseNoteId('zh/activation-functions')).toEqual({ lang: 'zh', slug: 'activation-functions' });
    expect(parseNoteId('en/neuron')).toEqual({ lang: 'en', slug: 'neuron' });
  });
  it('rejects notes outside a language folder, with the fix', () => {
    expect(() => parseNoteId('neuron')).toThrow(/content\/notes\/zh\/<slug>\.md/);
    expect(() => parseNoteId('fr/neuron')).toThrow(/language folder/);
    expect(() => parseNoteId('zh/a/b')).toThrow(/language folder/);
  });
  it('rejects invalid slugs', () => {
    expect(() => parseNoteId('zh/Neuron')).toThrow(/lowercase/);
  });
  it('accepts Chinese slugs, for notes imported from Chinese file names', () => {
    expect(parseNoteId('zh/深度学习')).toEqual({ lang: 'zh', slug: '深度学习' });
  });
});

describe('slugProblem', () => {
  it.each([
    ['gradient-descent', undefined],
    ['a1-b2', undefined],
    ['', /empty/],
    ['Gradient', /lowercase/],
    ['gradient descent', /hyphens/],
    ['gradient_descent', /hyphens/],
    ['-leading', /single hyphens/],
    ['double--hyphen', /single hyphens/],
    ['神经元', undefined],
    ['pytorch-入门', undefined],
    ['深度学习2', undefined],
    ['神经元，激活', /Chinese characters/],
    ['ニューロン', /Chinese characters/],
    ['ｎｅｕｒｏｎ', /Chinese characters/],
    ['a&b', /a-z, 0-9/],
  ])('%j → %s', (slug, expected) => {
    const problem = slugProblem(slug);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});

describe('URLs', () => {
  it('puts Chinese at the root and English under /en/', () => {
    expect(langPrefix('zh')).toBe('/');
    expect(noteUrl('zh', 'neuron')).toBe('/notes/neuron/');
    expect(noteUrl('en', 'neuron')).toBe('/en/notes/neuron/');
    expect(tagUrl('en')).toBe('/en/tags/');
    expect(tagUrl('zh', 'math')).toBe('/tags/math/');
  });
  it('translates paths between languages', () => {
    expect(translatePath('/tags/', 'en')).toBe('/en/tags/');
    expect(translatePath('/en/tags/', 'zh')).toBe('/tags/');
    expect(translatePath('/', 'en')).toBe('/en/');
    expect(translatePath('/en/', 'zh')).toBe('/');
  });
});
