import { describe, expect, it } from 'vitest';
import { rebaseHeaders, rebaseManifest, rebaseOriginUrls } from '../../../../src/pipeline/postbuild/base-path.ts';

const BASE = '/repo/';
const ORIGIN = 'https://owner.github.io';

describe('the base path in files that are not pages', () => {
  it('moves the site’s absolute URLs in a feed or sitemap, not another site’s', () => {
    const rss = `<link>${ORIGIN}/</link><link>${ORIGIN}/notes/x/</link><link>${ORIGIN}.evil.example/a</link><link>https://arxiv.org/abs/1</link>`;
    expect(rebaseOriginUrls(rss, BASE, ORIGIN)).toBe(
      `<link>${ORIGIN}/repo/</link><link>${ORIGIN}/repo/notes/x/</link><link>${ORIGIN}.evil.example/a</link><link>https://arxiv.org/abs/1</link>`,
    );
    expect(rebaseOriginUrls(`Sitemap: ${ORIGIN}/sitemap-index.xml\n`, BASE, ORIGIN)).toBe(
      `Sitemap: ${ORIGIN}/repo/sitemap-index.xml\n`,
    );
  });

  it('moves the web app manifest’s start URL, scope and icons', () => {
    const manifest = JSON.parse(
      rebaseManifest(
        JSON.stringify({ name: 'n', start_url: '/', scope: '/', icons: [{ src: '/icon-192.png', sizes: '192x192' }] }),
        BASE,
      ),
    ) as { name: string; start_url: string; scope: string; icons: { src: string }[] };
    expect(manifest).toEqual({
      name: 'n',
      start_url: BASE,
      scope: BASE,
      icons: [{ src: '/repo/icon-192.png', sizes: '192x192' }],
    });
  });

  it('moves each rule of _headers, not the headers under it or the comments', () => {
    const headers =
      "# /not-a-rule\n/*\n  X-Frame-Options: DENY\n/diagrams/*\n  Content-Security-Policy: default-src 'none'\n";
    expect(rebaseHeaders(headers, BASE)).toBe(
      "# /not-a-rule\n/repo/*\n  X-Frame-Options: DENY\n/repo/diagrams/*\n  Content-Security-Policy: default-src 'none'\n",
    );
  });
});
