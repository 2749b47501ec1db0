import { describe, expect, it } from 'vitest';
import { normalizedPath, postPermalink, type PostIdentity } from '../../../../src/lib/import/permalinks.ts';

const post: PostIdentity = { date: '2015-12-19', fileTitle: 'Regular Expressions', categories: ['Tech', 'Web Dev'] };

describe('postPermalink (https://jekyllrb.com/docs/permalinks/)', () => {
  it.each([
    ['date', '/tech/web-dev/2015/12/19/Regular Expressions.html'],
    ['pretty', '/tech/web-dev/2015/12/19/Regular Expressions/'],
    ['none', '/tech/web-dev/Regular Expressions.html'],
    ['ordinal', '/tech/web-dev/2015/353/Regular Expressions.html'],
    ['weekdate', '/tech/web-dev/2015/W51/Sat/Regular Expressions.html'],
    ['/:year/:i_month/:i_day/:slug/', '/2015/12/19/regular-expressions/'],
    ['/posts/:short_year/:title:output_ext', '/posts/15/Regular Expressions.html'],
  ])('%s', (permalink, url) => {
    expect(postPermalink(permalink, post)).toBe(url);
  });

  it('uses the front matter slug, the time of day, and no empty category segment', () => {
    expect(
      postPermalink('/:categories/:year/:month/:day/:hour:minute/:title/', {
        date: '2020-01-05 9:07:00',
        fileTitle: 'x',
        slug: 'custom',
        categories: [],
      }),
    ).toBe('/2020/01/05/0907/custom/');
  });
});

describe('normalizedPath', () => {
  it.each([
    ['/2015/12/19/Regular%20Expressions.html', '', '/2015/12/19/regular expressions'],
    ['/blog/2015/12/19/regular/index.html#top', '/blog', '/2015/12/19/regular'],
    ['/blog/2015/12/19/regular/?x=1', '/blog/', '/2015/12/19/regular'],
    ['/blogger/x/', '/blog', '/blogger/x'],
    ['/', '', '/'],
    ['/%E0%A4%A', '', undefined],
  ])('%s (baseurl %j) → %s', (path, baseurl, expected) => {
    expect(normalizedPath(path, baseurl)).toBe(expected);
  });
});
