import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import katex from 'katex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { katexDistDir, katexFontsPath } from '../../../src/katex/assets.ts';
import { listBuiltFiles, visitPages } from '../../../src/pipeline/postbuild/built-pages.ts';
import { katexGlyphScan, subsetChars, subsetKatexFonts } from '../../../src/katex/subset-fonts.ts';

/** Subsets a built site's fonts, its pages read as the build reads them. */
async function subsetSite(site: string, cacheDir: string) {
  const { scan, glyphs } = katexGlyphScan();
  await visitPages(site, listBuiltFiles(site).pages, { scans: [scan] });
  return subsetKatexFonts(site, glyphs, { cacheDir });
}

const work = mkdtempSync(join(tmpdir(), 'dln-katex-subset-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('subsetChars', () => {
  const LATIN_REFERENCES = 'THEZOCQSLUfijkdbhuvxzoescnrpqgyO0';

  it('keeps the Latin references of the auto-hinter for Latin letters and for symbols of no script', () => {
    for (const drawn of ['x', '∑', '(']) {
      const kept = subsetChars([drawn]);
      expect(kept).toContain(drawn);
      for (const char of LATIN_REFERENCES) expect(kept).toContain(char);
      expect(kept).not.toContain('θ');
    }
  });

  it('keeps the Greek references for Greek letters, and no Latin ones for Greek alone', () => {
    const kept = subsetChars(['δ']);
    for (const char of 'ΓΘΩβθδζλξαειοπστωγημρφχψ') expect(kept).toContain(char);
    expect(kept).not.toContain('T');
  });

  it('sorts by code point, without duplicates', () => {
    const kept = [...subsetChars(['z', 'a', 'z', '𝔸'])];
    expect(kept).toEqual([...new Set(kept)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!));
    expect(kept.at(-1)).toBe('𝔸');
  });
});

describe('subsetKatexFonts', () => {
  const { dir: katexDir, version } = katexDistDir();
  const site = join(work, 'site');
  const fonts = join(site, katexFontsPath(version));
  const cacheDir = join(work, 'cache');
  const originalOf = (file: string) => readFileSync(join(katexDir, 'fonts', file));
  // A built site: two pages with math, and KaTeX's fonts where the build copies them.
  beforeAll(() => {
    mkdirSync(fonts, { recursive: true });
    cpSync(join(katexDir, 'fonts'), fonts, { recursive: true, filter: (src) => !/\.(woff|ttf)$/.test(src) });
    writeFileSync(join(site, 'index.html'), `<!doctype html><p>${katex.renderToString(String.raw`x+\mathbb{R}`)}</p>`);
    mkdirSync(join(site, 'en'));
    writeFileSync(join(site, 'en', 'index.html'), `<p>${katex.renderToString(String.raw`\mathbf{W}`)}</p>`);
  });

  it('replaces each font the formulas use with a smaller subset, and leaves the others whole', async () => {
    const result = await subsetSite(site, cacheDir);
    expect(result.fonts.map((f) => f.file)).toEqual([
      'KaTeX_AMS-Regular.woff2',
      'KaTeX_Main-Bold.woff2',
      'KaTeX_Main-Regular.woff2',
      'KaTeX_Math-Italic.woff2',
    ]);
    for (const font of result.fonts) {
      const served = readFileSync(join(fonts, font.file));
      expect(served.length, font.file).toBe(font.after);
      expect(font.after, font.file).toBeLessThan(originalOf(font.file).length);
      expect(font.cached).toBe(false);
    }
    expect(result.fonts.find((f) => f.file === 'KaTeX_AMS-Regular.woff2')?.chars).toContain('R');
    expect(result.fonts.find((f) => f.file === 'KaTeX_Main-Regular.woff2')?.chars).toContain('+');
    expect(
      readFileSync(join(fonts, 'KaTeX_Fraktur-Regular.woff2')).equals(originalOf('KaTeX_Fraktur-Regular.woff2')),
    ).toBe(true);
    expect(result.summary).toMatch(/^KaTeX fonts: 4 of 20 used, .* KB → .* KB$/);
  });

  it('takes unchanged subsets from its cache on the next build, and subsets KaTeX’s fonts, not its own output', async () => {
    const first = new Map(readdirSync(fonts).map((f) => [f, readFileSync(join(fonts, f))]));
    const again = await subsetSite(site, cacheDir);
    expect(again.fonts.every((f) => f.cached)).toBe(true);
    expect(again.summary).toContain('(4 from cache)');
    for (const [file, bytes] of first) expect(readFileSync(join(fonts, file)).equals(bytes), file).toBe(true);
  });

  it('keeps the few most recently used subsets of each font in its cache', async () => {
    const old = new Date('2020-01-01');
    for (let i = 0; i < 6; i++) {
      const stale = join(cacheDir, `KaTeX_Main-Bold-${String(i).repeat(20)}.woff2`);
      writeFileSync(stale, 'stale');
      utimesSync(stale, old, old);
    }
    const result = await subsetSite(site, cacheDir);
    const mainBold = readdirSync(cacheDir).filter((f) => f.startsWith('KaTeX_Main-Bold-'));
    expect(mainBold).toHaveLength(4);
    expect(mainBold.filter((f) => readFileSync(join(cacheDir, f)).toString() !== 'stale')).toHaveLength(1); // in use
    expect(result.fonts.find((f) => f.file === 'KaTeX_Main-Bold.woff2')?.cached).toBe(true);
    expect(readdirSync(cacheDir).filter((f) => f.startsWith('KaTeX_Math-Italic-'))).toHaveLength(1);
  });
});
