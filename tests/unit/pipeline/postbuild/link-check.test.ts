import { describe, expect, it } from 'vitest';
import {
  findBrokenLinks,
  isInternalHref,
  resolveHref,
  pageProblems,
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
  it('reports a broken link on every page that has it, and a relative one by where it is', () => {
    const shared = findBrokenLinks(
      [page('/a/', ['/gone/', 'b/', '#x'], ['x']), page('/b/', ['/gone/', 'b/', '#x']), page('/a/b/', [])],
      new Set(),
    );
    expect(shared.map((b) => `${b.page} ${b.href}`)).toEqual(['/a/ /gone/', '/b/ /gone/', '/b/ b/', '/b/ #x']);
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
  it('finds ids and link targets, decoded, in document order', () => {
    const { ids, hrefs } = scanHtml(
      '<h2 id="a&amp;b">x</h2><a class="x" href="/p/?q=1&amp;r=2">y</a><img alt="" src="/i.svg"><link rel="icon" href="/f.svg">',
    );
    expect(ids).toEqual(['a&b']);
    expect(hrefs).toEqual(['/p/?q=1&r=2', '/i.svg', '/f.svg']);
  });
  it('reads markup, not text that looks like it (a code block showing an id or a link)', () => {
    const code = '<pre><code>&lt;a id="x" href="/nowhere/"&gt; <span>id="y" href="/gone/"</span></code></pre>';
    expect(scanHtml(code)).toMatchObject({ ids: [], hrefs: [] });
  });
  it('reads attributes however they are quoted, and single-quoted ids', () => {
    expect(scanHtml("<h2 id='one'>a</h2><h3 id=two>b</h3><a href=/x/>c</a>")).toMatchObject({
      ids: ['one', 'two'],
      hrefs: ['/x/'],
    });
  });
});

describe('pageProblems', () => {
  const page = (body: string, head = '<title>T</title><meta name="description" content="D">') =>
    pageProblems(scanHtml(`<html><head>${head}</head><body>${body}</body></html>`));
  it('accepts a page with one h1, a title and a description', () => {
    expect(page('<h1>One</h1><h2 id="two">Two</h2><a href="https://example.org/">x</a>')).toEqual([]);
  });
  it('names each missing piece', () => {
    expect(page('<h1>a</h1><h1 class="x">b</h1>')).toEqual([
      "has 2 <h1> elements; a page needs exactly one (the note's title)",
    ]);
    expect(page('<p>no heading</p>', '<title> </title>')).toEqual([
      "has 0 <h1> elements; a page needs exactly one (the note's title)",
      'has no <title>',
      'has no <meta name="description">',
    ]);
  });
  it('refuses an id used twice (a heading that repeats a widget part, say), naming it once', () => {
    const problems = page('<h1>a</h1><h2 id="plot-en">Plot</h2><svg id="plot-en"></svg><p id="plot-en"></p>');
    expect(problems).toEqual([expect.stringMatching(/^uses the id "plot-en" 3 times; /)]);
  });
  it.each([
    ['<a href="javascript:alert(1)">x</a>', '<a href> "javascript:alert(1)" is a javascript: URL'],
    ['<a href="java&#9;script:alert(1)">x</a>', '<a href> "java script:alert(1)" is a javascript: URL'],
    [
      '<iframe src="data:text/html,<b>x</b>"></iframe>',
      '<iframe src> "data:text/html,<b>x</b>" is a data: URL of type text/html',
    ],
    ['<form action=" JAVASCRIPT:x"></form>', '<form action> "JAVASCRIPT:x" is a javascript: URL'],
    ['<img alt="" srcset="/a.png 1x, javascript:x 2x">', '<img srcset> "javascript:x" is a javascript: URL'],
  ])('refuses a URL that runs script wherever it was assembled: %s', (body, found) => {
    expect(page(`<h1>a</h1>${body}`)).toEqual([`has ${found}, which runs script: link to an http(s) URL`]);
  });
  it('lets an inline image through', () => {
    expect(page('<h1>a</h1><img alt="" src="data:image/svg+xml,%3Csvg%3E">')).toEqual([]);
  });
});
