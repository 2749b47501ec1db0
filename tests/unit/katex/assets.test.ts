import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { katexDistDir, katexFontsPath, katexInlineCss, woff2Only } from '../../../src/katex/assets.ts';

describe('KaTeX assets', () => {
  it('ships the CSS of the very KaTeX that rehype-katex renders with', () => {
    const require = createRequire(import.meta.url);
    const root = JSON.parse(readFileSync(require.resolve('katex/package.json'), 'utf8')) as { version: string };
    const { version, dir } = katexDistDir();
    expect(version).toBe(root.version);
    expect(readFileSync(`${dir}/katex.min.css`, 'utf8')).toContain(`.katex{`);
    expect(katexFontsPath(version)).toBe(`/vendor/katex-${version}/fonts/`);
  });
  it('inlines the CSS with every font fetched, woff2 only, from the copy the site serves', () => {
    const css = katexInlineCss();
    expect(css).toContain('.katex{');
    const urls = [...css.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(15);
    for (const url of urls)
      expect(url).toMatch(new RegExp(`^/vendor/katex-${katexDistDir().version}/fonts/KaTeX_[\\w-]+\\.woff2$`));
  });
  it('keeps only woff2 font sources', () => {
    const css =
      '@font-face{font-family:KaTeX_Main;src:url(fonts/KaTeX_Main-Regular.woff2) format("woff2"),url(fonts/KaTeX_Main-Regular.woff) format("woff"),url(fonts/KaTeX_Main-Regular.ttf) format("truetype")}';
    expect(woff2Only(css)).toBe(
      '@font-face{font-family:KaTeX_Main;src:url(fonts/KaTeX_Main-Regular.woff2) format("woff2")}',
    );
    const real = woff2Only(readFileSync(`${katexDistDir().dir}/katex.min.css`, 'utf8'));
    expect(real).not.toMatch(/\.woff\)|\.ttf/);
    expect(real.match(/\.woff2/g)!.length).toBeGreaterThan(15);
  });
});
