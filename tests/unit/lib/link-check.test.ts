import { describe, expect, it } from 'vitest';
import { findBrokenLinks, isInternalHref, resolveHref, scanHtml } from '../../../src/lib/link-check.ts';

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
