import { describe, expect, it } from 'vitest';
import {
  findBrokenLinks,
  isInternalHref,
  resolveHref,
  scanHtml,
} from '../../../../src/pipeline/postbuild/link-check.ts';

const page = (path: string, hrefs: string[], ids: string[] = []) => ({ path, hrefs, ids: new Set(ids) });

describe('findBrokenLinks', () => {
  const pages = [
    page(
      '/notes/neuron/',
      ['/notes/activation-functions/#relu', '#权重', '../activation-functions/', '/style.css'],
      ['权重'],
    ),
    page(
      '/notes/activation-functions/',
      ['/notes/neuron/', '/notes/nueron/', '/notes/neuron', '/notes/neuron/#missing', 'https://example.com/x'],
      ['relu'],
    ),
  ];
  const broken = findBrokenLinks(pages, new Set(['/style.css']));

  it('accepts pages, anchors, relative links and files that exist', () => {
    expect(broken.filter((b) => b.page === '/notes/neuron/')).toEqual([]);
  });
  it('reports a missing page with the nearest guess', () => {
    expect(broken).toContainEqual({
      page: '/notes/activation-functions/',
      href: '/notes/nueron/',
      problem: 'no page at /notes/nueron/; did you mean /notes/neuron/?',
    });
  });
  it('asks for the trailing slash', () => {
    expect(broken).toContainEqual(
      expect.objectContaining({ href: '/notes/neuron', problem: 'add the trailing slash: /notes/neuron/' }),
    );
  });
  it('reports a missing anchor', () => {
    expect(broken).toContainEqual(
      expect.objectContaining({
        href: '/notes/neuron/#missing',
        problem: expect.stringMatching(/no heading or element with id "missing"/),
      }),
    );
  });
  it('ignores external links', () => {
    expect(broken.some((b) => b.href.startsWith('https:'))).toBe(false);
    expect(isInternalHref('mailto:a@b.c')).toBe(false);
    expect(isInternalHref('//cdn.example.com/x.js')).toBe(false);
    expect(isInternalHref('/notes/')).toBe(true);
  });
});

describe('resolveHref and scanHtml', () => {
  it('decodes percent-encoded Chinese fragments', () => {
    expect(resolveHref('#%E6%9D%83%E9%87%8D', '/notes/neuron/')).toEqual({ path: '/notes/neuron/', fragment: '权重' });
  });
  it('finds ids and link targets', () => {
    const { ids, hrefs } = scanHtml(
      '<h2 id="a&amp;b">x</h2><a class="x" href="/p/?q=1&amp;r=2">y</a><img alt="" src="/i.svg"><link rel="icon" href="/f.svg">',
    );
    expect([...ids]).toEqual(['a&b']);
    expect(hrefs).toEqual(['/p/?q=1&r=2', '/f.svg', '/i.svg']);
  });
});

describe('pageBasicsProblems', () => {
  const page = (body: string, head = '<title>T</title><meta name="description" content="D">') =>
    `<html><head>${head}</head><body>${body}</body></html>`;
  it('accepts a page with one h1, a title and a description', async () => {
    const { pageBasicsProblems } = await import('../../../../src/pipeline/postbuild/link-check.ts');
    expect(pageBasicsProblems(page('<h1>One</h1><h2>Two</h2>'))).toEqual([]);
  });
  it('names each missing piece', async () => {
    const { pageBasicsProblems } = await import('../../../../src/pipeline/postbuild/link-check.ts');
    expect(pageBasicsProblems(page('<h1>a</h1><h1 class="x">b</h1>'))).toEqual([
      "has 2 <h1> elements; a page needs exactly one (the note's title)",
    ]);
    expect(pageBasicsProblems(page('<p>no heading</p>', '<title></title>'))).toEqual([
      "has 0 <h1> elements; a page needs exactly one (the note's title)",
      'has no <title>',
      'has no <meta name="description">',
    ]);
  });
});
