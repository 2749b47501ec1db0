import { describe, expect, it } from 'vitest';
import {
  asOneIndex,
  currentResults,
  planSearchUpdate,
  separateWords,
  type SearchBase,
} from '../../../src/search/delta.ts';

/** A base of `n` indexed pages `p0…` with digests `d0…` and fragment ids `id0…`, plus one page Pagefind skipped. */
function base(n: number): SearchBase {
  const pages: SearchBase['pages'] = { '404.html': { digest: 'x' } };
  for (let i = 0; i < n; i++) pages[`notes/p${i}/index.html`] = { digest: `d${i}`, id: `id${i}` };
  return { options: '{}', pagefind: '1.6.0', pages };
}
const built = (n: number, edits: Record<number, string> = {}) =>
  new Map<string, string>([
    ['404.html', 'x'],
    ...Array.from({ length: n }, (_, i) => [`notes/p${i}/index.html`, edits[i] ?? `d${i}`] as [string, string]),
  ]);

describe('planSearchUpdate', () => {
  it('re-indexes nothing and drops nothing when no page changed', () => {
    expect(planSearchUpdate(base(100), built(100))).toEqual({ kind: 'delta', changed: [], superseded: [] });
  });

  it('re-indexes an edited page and drops its old fragment', () => {
    expect(planSearchUpdate(base(100), built(100, { 7: 'new' }))).toEqual({
      kind: 'delta',
      changed: ['notes/p7/index.html'],
      superseded: ['id7'],
    });
  });

  it('indexes a new page (nothing to drop) and drops a page that is gone', () => {
    const pages = built(100);
    pages.delete('notes/p3/index.html');
    pages.set('notes/new/index.html', 'n');
    expect(planSearchUpdate(base(100), pages)).toEqual({
      kind: 'delta',
      changed: ['notes/new/index.html'],
      superseded: ['id3'],
    });
  });

  it('a changed page Pagefind did not index has nothing to drop', () => {
    const pages = built(10);
    pages.set('404.html', 'y');
    expect(planSearchUpdate(base(10), pages)).toEqual({ kind: 'delta', changed: ['404.html'], superseded: [] });
  });

  it('indexes everything again once the changes pass the limit', () => {
    const edits = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [i, 'new']));
    // 21 changes: over the minimum of 20 and over 2 % of 101 pages.
    expect(planSearchUpdate(base(100), built(100, edits)).kind).toBe('full');
    // 21 changes of 2,001 pages is 1 %: still a delta.
    expect(planSearchUpdate(base(2000), built(2000, edits)).kind).toBe('delta');
    expect(planSearchUpdate(base(2000), built(2000, edits), { maxShare: 0.005 }).kind).toBe('full');
  });
});

describe('currentResults', () => {
  const r = (id: string) => ({ id });
  it('drops superseded results and keeps the first of each id, in order', () => {
    const results = [r('a'), r('old'), r('b'), r('a'), r('c')];
    expect(currentResults(results, new Set(['old']))).toEqual([r('a'), r('b'), r('c')]);
  });
});

describe('separateWords', () => {
  it('lists the words of a query once, without quotes, a run of Chinese cut into words as Pagefind cuts it', () => {
    expect(separateWords(' "gradient  descent" gradient ReLU ')).toEqual(['gradient', 'descent', 'ReLU']);
    expect(separateWords('示例笔记')).toEqual(['示例', '笔记']);
    expect(separateWords('神经网络 ReLU 神经网络', 'zh-CN')).toEqual(['神经', '网络', 'ReLU']);
  });

  it('keeps a run of Chinese whole for an index Pagefind does not segment', () => {
    expect(separateWords('激活函数 ReLU', 'en')).toEqual(['激活函数', 'ReLU']);
  });
});

describe('asOneIndex', () => {
  const results = ['edited', 'prefix-a', 'prefix-b'].map((id) => ({ id }));

  it('drops pages matched by prefix when a word is held exactly somewhere, as one full index does', () => {
    // "revised" is held exactly only by the edited page (in the delta); the base matched revision, revisit.
    expect(asOneIndex(results, [new Set(['edited'])])).toEqual([{ id: 'edited' }]);
  });

  it('keeps prefix matches for a word no page holds exactly', () => {
    expect(asOneIndex(results, [new Set<string>()])).toEqual(results);
  });

  it('checks each word on its own: a page must hold exactly every word that some page holds exactly', () => {
    const exact = [new Set(['edited', 'prefix-a']), new Set<string>(), new Set(['prefix-a', 'prefix-b'])];
    expect(asOneIndex(results, exact)).toEqual([{ id: 'prefix-a' }]);
  });

  it('checks a result against the pages of its own language only, as Pagefind searches each language apart', () => {
    const both = ['en_a', 'en_b', 'zh-cn_c', 'zh-cn_d'].map((id) => ({ id }));
    // "only" is held exactly by an English page alone: the Chinese results stand as the Chinese index gave them.
    expect(asOneIndex(both, [new Set(['en_a'])])).toEqual([{ id: 'en_a' }, { id: 'zh-cn_c' }, { id: 'zh-cn_d' }]);
    expect(asOneIndex(both, [new Set(['en_a', 'zh-cn_d'])])).toEqual([{ id: 'en_a' }, { id: 'zh-cn_d' }]);
  });
});
