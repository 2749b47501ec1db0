import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { katexDistDir, katexPublicPath, woff2Only } from '../../../src/integrations/katex-assets.ts';

describe('KaTeX assets', () => {
  it('ships the CSS of the very KaTeX that rehype-katex renders with', () => {
    const require = createRequire(import.meta.url);
    const root = JSON.parse(readFileSync(require.resolve('katex/package.json'), 'utf8')) as { version: string };
    const { version, dir } = katexDistDir();
    expect(version).toBe(root.version);
    expect(readFileSync(`${dir}/katex.min.css`, 'utf8')).toContain(`.katex{`);
    expect(katexPublicPath(version)).toBe(`/vendor/katex-${version}/katex.min.css`);
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
