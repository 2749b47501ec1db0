import { describe, expect, it } from 'vitest';
import { postPermalink } from '../../../../src/lib/import/permalinks.ts';
import { PostIndex, type IndexedPost } from '../../../../src/lib/import/post-index.ts';

const posts: IndexedPost[] = [
  {
    fileName: '2015-12-19-Regular.md',
    slug: 'regular',
    urls: [postPermalink('pretty', { date: '2015-12-19', fileTitle: 'Regular', categories: ['tech'] })],
  },
  { fileName: '2016-01-02-Tips & Tricks.markdown', slug: 'tips-and-tricks', urls: ['/2016/01/02/Tips%20&%20Tricks/'] },
  // Two posts with the same name: the second was renamed.
  { fileName: '2017-05-05-notes.md', slug: 'notes', urls: ['/2017/05/05/notes/'] },
  { fileName: '2018-05-05-notes.md', slug: 'notes-2018-05-05', urls: ['/2018/05/05/notes/'] },
];

describe('PostIndex', () => {
  const index = new PostIndex(posts, {
    lang: 'zh',
    baseurl: '/blog',
    siteUrl: 'https://old.example.org',
    existingSlugs: new Set(['neuron']),
  });

  it.each([
    ['2015-12-19-Regular.md', '/notes/regular/'],
    ['../_posts/2015-12-19-regular.md', '/notes/regular/'],
    ['/tech/2015/12/19/Regular/', '/notes/regular/'],
    ['/blog/tech/2015/12/19/regular/index.html', '/notes/regular/'],
    ['/2016/01/02/Tips%20&%20Tricks/', '/notes/tips-and-tricks/'],
    ['2016-01-02-Tips%20&%20Tricks.markdown', '/notes/tips-and-tricks/'],
    ['2018-05-05-notes.md', '/notes/notes-2018-05-05/'],
    ['/2018/05/05/notes/', '/notes/notes-2018-05-05/'],
    ['/notes/neuron/', '/notes/neuron/'],
  ])('%s → %s', (url, expected) => {
    expect(index.resolve(url)?.url).toBe(expected);
  });

  it('drops an anchor of the old page, and says so', () => {
    expect(index.resolve('2015-12-19-Regular.md#section-2')).toEqual({
      url: '/notes/regular/',
      note: 'anchor #section-2 dropped (heading ids differ)',
    });
  });

  it('links a page that was not imported on the original site', () => {
    expect(index.resolve('/about/')).toEqual({
      url: 'https://old.example.org/blog/about/',
      note: 'not imported: linked to the original site',
    });
    expect(index.resolve('/blog/assets/paper.pdf')?.url).toBe('https://old.example.org/blog/assets/paper.pdf');
  });

  it('leaves a note that does not exist, and a scheme-less domain, to the caller', () => {
    expect(index.resolve('/notes/nowhere/')).toBeUndefined();
    expect(index.resolve('2020-01-01-draft.md')).toBeUndefined();
    expect(index.resolve('github.com/google/protobuf')).toBeUndefined();
  });

  it('without the original site, knows only the imported posts and existing notes', () => {
    const bare = new PostIndex(posts, { lang: 'en' });
    expect(bare.resolve('/tech/2015/12/19/regular/')?.url).toBe('/en/notes/regular/');
    expect(bare.resolve('/about/')).toBeUndefined();
  });
});
