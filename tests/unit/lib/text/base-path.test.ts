import { describe, expect, it } from 'vitest';
import {
  normalizeBasePath,
  rebaseCss,
  rebaseSrcset,
  rebaseUrl,
  stripBase,
} from '../../../../src/lib/text/base-path.ts';
import { rewriteHtmlUrls } from '../../../../src/lib/text/html-urls.ts';

const BASE = '/deep-learning-notes/';
const ORIGIN = 'https://owner.github.io';

describe('normalizeBasePath', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['repo', '/repo/'],
    ['/repo', '/repo/'],
    ['/repo/', '/repo/'],
    ['a//b/', '/a/b/'],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeBasePath(raw)).toBe(expected);
  });

  it.each(['/../x/', '/a b/', '/a?b', '/a#b'])('refuses %j, saying what a base path looks like', (raw) => {
    expect(() => normalizeBasePath(raw)).toThrow(/BASE_PATH .* is not a URL path.*BASE_PATH=\/deep-learning-notes\//);
  });
});

describe('rebaseUrl', () => {
  it('moves root-absolute URLs and the site’s own absolute ones under the base', () => {
    expect(rebaseUrl('/notes/neuron/#bias', BASE)).toBe('/deep-learning-notes/notes/neuron/#bias');
    expect(rebaseUrl('/', BASE)).toBe(BASE);
    expect(rebaseUrl(`${ORIGIN}/og.png`, BASE, ORIGIN)).toBe(`${ORIGIN}/deep-learning-notes/og.png`);
    expect(rebaseUrl(ORIGIN, BASE, ORIGIN)).toBe(`${ORIGIN}${BASE}`);
  });

  it('leaves other sites, relative URLs, fragments and URLs already under the base alone', () => {
    for (const url of ['//cdn.example/x.js', 'https://arxiv.org/abs/1', '#top', '../x/', 'data:image/png;base64,AA'])
      expect(rebaseUrl(url, BASE, ORIGIN)).toBe(url);
    expect(rebaseUrl('/deep-learning-notes/notes/x/', BASE)).toBe('/deep-learning-notes/notes/x/');
    expect(rebaseUrl('/deep-learning-notes', BASE)).toBe('/deep-learning-notes');
    // Only a whole segment counts as the base.
    expect(rebaseUrl('/deep-learning-notes-old/', BASE)).toBe('/deep-learning-notes/deep-learning-notes-old/');
    expect(rebaseUrl('https://owner.github.io.evil.example/x', BASE, ORIGIN)).toBe(
      'https://owner.github.io.evil.example/x',
    );
  });

  it('changes nothing at the root', () => {
    expect(rebaseUrl('/notes/x/', '/')).toBe('/notes/x/');
    expect(rebaseCss('a{background:url(/x.png)}', '/')).toBe('a{background:url(/x.png)}');
  });
});

describe('srcset, CSS and stripping', () => {
  it('moves each srcset candidate and keeps its descriptor', () => {
    expect(rebaseSrcset('/a.png 1x, /b.png 2x,https://x.org/c.png 3x', BASE)).toBe(
      '/deep-learning-notes/a.png 1x, /deep-learning-notes/b.png 2x,https://x.org/c.png 3x',
    );
  });

  it('moves url() in CSS, quoted or not', () => {
    expect(rebaseCss(`@font-face{src:url(/f.woff2) format("woff2"),url('/g.woff')}b{c:url("/h.svg#i")}`, BASE)).toBe(
      `@font-face{src:url(/deep-learning-notes/f.woff2) format("woff2"),url('/deep-learning-notes/g.woff')}b{c:url("/deep-learning-notes/h.svg#i")}`,
    );
  });

  it('finds the file path of a URL under the base', () => {
    expect(stripBase('/deep-learning-notes/notes/x/', BASE)).toBe('/notes/x/');
    expect(stripBase('/elsewhere/', BASE)).toBe('/elsewhere/');
  });
});

describe('rewriteHtmlUrls', () => {
  const rebase = {
    url: (url: string) => rebaseUrl(url, BASE, ORIGIN),
    css: (css: string) => rebaseCss(css, BASE),
    srcset: (srcset: string) => rebaseSrcset(srcset, BASE),
  };

  it('moves URL attributes, srcset, style and <style> and Open Graph URLs, and nothing else', () => {
    const page = [
      '<!doctype html><html><head>',
      `<link rel="canonical" href="${ORIGIN}/notes/x/">`,
      `<meta property="og:image" content="${ORIGIN}/og.png">`,
      '<meta name="description" content="/notes/ is where the notes are">',
      '<style>@font-face{src:url(/_astro/k.woff2)}</style>',
      '</head><body>',
      '<a href=/notes/y/>y</a> <img src="/d.svg" srcset="/d.svg 1x, /d2.svg 2x" alt="">',
      '<form action="/search/"><button formaction=\'/en/search/\'>s</button></form>',
      '<span style="background:url(/i.png)">i</span>',
      '<pre><code>&lt;a href="/notes/z/"&gt;</code></pre>',
      '<p>href="/notes/w/" written in prose</p>',
      '<svg><use xlink:href="/s.svg#a"></use></svg>',
      '<script type="module" src="/_astro/a.js"></script><script>fetch("/x")</script>',
      '</body></html>',
    ].join('');
    const out = rewriteHtmlUrls(page, rebase);
    expect(out).toContain(`href="${ORIGIN}/deep-learning-notes/notes/x/"`);
    expect(out).toContain(`content="${ORIGIN}/deep-learning-notes/og.png"`);
    expect(out).toContain('content="/notes/ is where the notes are"');
    expect(out).toContain('url(/deep-learning-notes/_astro/k.woff2)');
    expect(out).toContain('<a href=/deep-learning-notes/notes/y/>');
    expect(out).toContain(
      'src="/deep-learning-notes/d.svg" srcset="/deep-learning-notes/d.svg 1x, /deep-learning-notes/d2.svg 2x"',
    );
    expect(out).toContain('action="/deep-learning-notes/search/"');
    expect(out).toContain("formaction='/deep-learning-notes/en/search/'");
    expect(out).toContain('style="background:url(/deep-learning-notes/i.png)"');
    expect(out).toContain('<code>&lt;a href="/notes/z/"&gt;</code>');
    expect(out).toContain('<p>href="/notes/w/" written in prose</p>');
    expect(out).toContain('xlink:href="/deep-learning-notes/s.svg#a"');
    expect(out).toContain('src="/deep-learning-notes/_astro/a.js"');
    expect(out).toContain('<script>fetch("/x")</script>');
  });

  it('returns a page with no URL of its own unchanged', () => {
    const page = '<p>Nothing <em>here</em> &amp; <a href="https://example.org/">there</a></p>';
    expect(rewriteHtmlUrls(page, rebase)).toBe(page);
  });
});
