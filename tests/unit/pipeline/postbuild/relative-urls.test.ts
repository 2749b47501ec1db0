import { describe, expect, it } from 'vitest';
import {
  relativeUrl,
  rewriteCss,
  rewriteHtml,
  rewriteStyleElements,
  rootPrefix,
} from '../../../../src/pipeline/postbuild/relative-urls.ts';

describe('rootPrefix', () => {
  it.each([
    ['index.html', './'],
    ['notes/neuron/index.html', '../../'],
    ['en/notes/neuron/index.html', '../../../'],
    ['_astro/site.css', '../'],
  ])('%s → %s', (file, prefix) => expect(rootPrefix(file)).toBe(prefix));
});

describe('relativeUrl', () => {
  it('points folders at their index.html, relative to the page', () => {
    expect(relativeUrl('/', 'index.html')).toBe('./index.html');
    expect(relativeUrl('/notes/neuron/', 'index.html')).toBe('./notes/neuron/index.html');
    expect(relativeUrl('/notes/neuron/', 'en/notes/neuron/index.html')).toBe('../../../notes/neuron/index.html');
    expect(relativeUrl('/en', 'notes/x/index.html')).toBe('../../en/index.html');
  });
  it('keeps files, queries and fragments', () => {
    expect(relativeUrl('/_astro/a.css', 'notes/x/index.html')).toBe('../../_astro/a.css');
    expect(relativeUrl('/notes/x/?highlight=a#b', 'index.html')).toBe('./notes/x/index.html?highlight=a#b');
    expect(relativeUrl('/notes/x/#权重', 'tags/index.html')).toBe('../notes/x/index.html#权重');
  });
  it('leaves other URLs alone', () => {
    for (const url of [
      'https://katex.org',
      '//cdn.example.com/x',
      '#top',
      'fonts/a.woff2',
      'data:image/png;base64,x',
      'mailto:a@b.c',
    ]) {
      expect(relativeUrl(url, 'notes/x/index.html')).toBe(url);
    }
  });
});

describe('rewriteHtml and rewriteCss', () => {
  it('rewrites attributes of a page', () => {
    const html =
      '<a href="/notes/a/">a</a><img src="/diagrams/x.svg" alt=""><a href="https://x.org/">x</a><form action="/search/">';
    expect(rewriteHtml(html, 'notes/b/index.html')).toBe(
      '<a href="../../notes/a/index.html">a</a><img src="../../diagrams/x.svg" alt=""><a href="https://x.org/">x</a><form action="../../search/index.html">',
    );
  });
  it('rewrites url() in stylesheets', () => {
    expect(
      rewriteCss('a{background:url(/img/x.png)}b{src:url("/f.woff2")}c{src:url(fonts/k.woff2)}', '_astro/s.css'),
    ).toBe('a{background:url(../img/x.png)}b{src:url("../f.woff2")}c{src:url(fonts/k.woff2)}');
  });
  it('rewrites url() in inline <style> elements relative to the page, and nothing outside them', () => {
    const html =
      '<style>@font-face{src:url(/vendor/k/fonts/a.woff2) format("woff2")}</style>' +
      '<style media="print">b{background:url("/img/x.png")}</style><pre>url(/not/css)</pre>';
    expect(rewriteStyleElements(html, 'en/notes/a/index.html')).toBe(
      '<style>@font-face{src:url(../../../vendor/k/fonts/a.woff2) format("woff2")}</style>' +
        '<style media="print">b{background:url("../../../img/x.png")}</style><pre>url(/not/css)</pre>',
    );
  });
});
