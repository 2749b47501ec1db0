import { describe, expect, it } from 'vitest';
import { slugProblem } from '../../../../src/lib/content/slug.ts';
import { dateFromFileName, slugFromFileName, slugify } from '../../../../src/lib/text/slugify.ts';

describe('slugFromFileName', () => {
  it.each([
    ['2017-09-22-深度学习.md', '深度学习'],
    ['_posts/2017-09-22-深度学习.markdown', '深度学习'],
    ['2019-03-10-Images & Figures.md', 'images-and-figures'],
    ['2019-01-05-Tips&Tricks.md', 'tips-and-tricks'],
    ['2020-01-01-PyTorch 入门（一）.md', 'pytorch-入门-一'],
    ['2020-01-01-Transformer：注意力机制.md', 'transformer-注意力机制'],
    ['2018-06-01-C++ and C#.md', 'cpp-and-c-sharp'],
    ['2018-06-01-Ünïcödé Tëst.md', 'unicode-test'],
    ['2018-06-01-ＡＢＣ　全角.md', 'abc-全角'],
    ['2018-06-01-don’t_panic!!.md', 'dont-panic'],
    ['no-date-here.md', 'no-date-here'],
    ['2017-9-22-not-a-date.md', '2017-9-22-not-a-date'],
    ['2017-09-22-.md', undefined],
    ['&&&.md', 'and-and-and'],
    ['!!!.md', undefined],
    ['ニューロン.md', undefined],
  ])('%s → %s', (name, slug) => {
    const result = slugFromFileName(name);
    expect(result).toBe(slug);
    if (result) expect(slugProblem(result)).toBeUndefined();
  });
});

describe('slugify', () => {
  it('makes tags and titles into valid slugs', () => {
    expect(slugify('Machine Learning')).toBe('machine-learning');
    expect(slugify('  --Deep__Learning--  ')).toBe('deep-learning');
    expect(slugify('其他')).toBe('其他');
    expect(slugify('')).toBeUndefined();
  });
});

describe('dateFromFileName', () => {
  it('reads the date Jekyll puts before the title', () => {
    expect(dateFromFileName('/a/_posts/2017-09-22-深度学习.md')).toBe('2017-09-22');
    expect(dateFromFileName('深度学习.md')).toBeUndefined();
  });
});
