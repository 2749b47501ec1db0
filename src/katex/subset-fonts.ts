// Why: a page with math waits for the KaTeX fonts its formulas use before its first paint (they are requested at
// the highest priority), and whole they weigh 16–28 KB each. The site's formulas use a few dozen characters of
// each font, so the build replaces every font the formulas use with a subset holding just the characters drawn in
// that very font (src/katex/glyphs.ts reads that off KaTeX's stylesheet), over all pages of the site: one
// file per font, shared and cached across pages as before. A font no formula uses is left whole: nothing
// requests it. Subsets are cached in the build's cache (katex-subsets/) by font and characters, so a rebuild
// whose formulas draw the same characters only pays for the scan.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { BUILD_CACHE_DIR } from '../pipeline/build-cache.ts';
import type { PageScan } from '../pipeline/postbuild/built-pages.ts';
import { katexDistDir, katexFontsPath } from './assets.ts';
import { createFontResolver, katexGlyphs, mergeGlyphs, type FontResolver, type GlyphsByFont } from './glyphs.ts';

const CACHE_DIR = join(BUILD_CACHE_DIR, 'katex-subsets');
/** Subsets kept per font in the cache, most recently used first: builds of other notes (test fixtures) have their own. */
const CACHE_KEEP = 4;

/** Code point ranges FreeType hints as Greek and as Cyrillic (its afranges.c); the rest of KaTeX's as Latin. */
const GREEK: readonly [number, number][] = [
  [0x0370, 0x03ff],
  [0x1f00, 0x1fff],
];
const CYRILLIC: readonly [number, number][] = [
  [0x0400, 0x052f],
  [0x1c80, 0x1c8f],
  [0x2de0, 0x2dff],
  [0xa640, 0xa69f],
];
const within = (ranges: readonly [number, number][]) => (char: string) => {
  const code = char.codePointAt(0)!;
  return ranges.some(([first, last]) => code >= first && code <= last);
};
const isGreek = within(GREEK);
const isCyrillic = within(CYRILLIC);

/**
 * FreeType's auto-hinter, which Chromium uses for web fonts on Linux and Android, measures a font's blue zones
 * (cap height, x-height, baseline, descender) and stem widths on a few reference characters of each script
 * (FreeType's src/autofit/afblue.dat and afscript.h). A subset without them is hinted differently: its glyphs
 * land a fraction of a pixel off KaTeX's. So a subset keeps the reference characters of the scripts its glyphs
 * are hinted as. Glyphs of no script of their own (operators, delimiters, arrows) are hinted as Latin.
 */
const HINTING_REFERENCES: readonly { hintedAs: (char: string) => boolean; chars: string }[] = [
  {
    hintedAs: (char) => !isGreek(char) && !isCyrillic(char),
    chars: 'THEZOCQS' + 'HEZLOCUS' + 'fijkdbh' + 'uvxzoesc' + 'nrxzoesc' + 'pqgjy' + 'oO0',
  },
  { hintedAs: isGreek, chars: 'ΓΒΕΖΘΟΩ' + 'ΒΔΖΞΘΟ' + 'βθδζλξ' + 'αειοπστω' + 'βγημρφχψ' + 'οΟ' },
  { hintedAs: isCyrillic, chars: 'БВЕПЗОСЭ' + 'БВЕШЗОСЭ' + 'хпншезос' + 'руф' + 'оО' },
];

/** The characters to keep in a subset for `chars`: those, and the hinting references of their scripts. */
export function subsetChars(chars: Iterable<string>): string {
  const kept = new Set(chars);
  const drawn = [...kept];
  for (const { hintedAs, chars: references } of HINTING_REFERENCES) {
    if (drawn.some(hintedAs)) for (const char of references) kept.add(char);
  }
  return [...kept].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}

export interface FontSubset {
  /** The font's file name, `KaTeX_Main-Regular.woff2`. */
  file: string;
  /** The characters kept (the formulas' and the hinting references), sorted by code point. */
  chars: string;
  before: number;
  after: number;
  cached: boolean;
}

export interface SubsetSummary {
  fonts: FontSubset[];
  /** One line for the build's log. */
  summary: string;
}

/**
 * The characters each KaTeX font draws on the site's pages, gathered while the build reads them
 * (src/pipeline/postbuild/built-pages.ts). A page's finding is its fonts with their characters, as strings.
 */
export function katexGlyphScan() {
  let resolver: FontResolver | undefined;
  const fontResolver = () =>
    (resolver ??= createFontResolver(readFileSync(join(katexDistDir().dir, 'katex.min.css'), 'utf8')));
  const glyphs: GlyphsByFont = new Map();
  const scan: PageScan<Record<string, string>> = {
    name: 'katex-glyphs',
    scan: (_, html) =>
      Object.fromEntries([...katexGlyphs(html, fontResolver())].map(([font, chars]) => [font, [...chars].join('')])),
    add: (_, found) => {
      mergeGlyphs(glyphs, new Map(Object.entries(found).map(([font, chars]) => [font, new Set(chars)])));
    },
  };
  return {
    scan,
    glyphs: glyphs as ReadonlyMap<string, ReadonlySet<string>>,
    /** Reads KaTeX's font rules ahead of the first page to scan (scripts/build.ts, while Astro builds). */
    prepare: () => void fontResolver(),
  };
}

/** Where a font's subset for `chars` is cached: keyed by the font's bytes, the characters and the subsetter. */
function cachePath(cacheDir: string, file: string, original: Buffer, chars: string, subsetter: string): string {
  const digest = createHash('sha256').update(original).update('\0').update(chars).update('\0').update(subsetter);
  return join(cacheDir, `${file.replace(/\.woff2$/, '')}-${digest.digest('hex').slice(0, 20)}.woff2`);
}

/** Drops all but the `CACHE_KEEP` most recently used subsets of each font. */
function pruneCache(cacheDir: string): void {
  const byFont = new Map<string, { path: string; used: number }[]>();
  for (const name of readdirSync(cacheDir)) {
    const font = /^(.*)-[0-9a-f]{20}\.woff2$/.exec(name)?.[1];
    if (font === undefined) continue;
    const path = join(cacheDir, name);
    byFont.set(font, [...(byFont.get(font) ?? []), { path, used: statSync(path).mtimeMs }]);
  }
  for (const entries of byFont.values()) {
    for (const { path } of entries.sort((a, b) => b.used - a.used).slice(CACHE_KEEP)) rmSync(path, { force: true });
  }
}

function writeAtomically(path: string, bytes: Buffer): void {
  // A new file renamed over the old one: the built file may share its inode with public/ (a hard link or a
  // copy-on-write clone), which must keep KaTeX's whole font.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Subsets the KaTeX fonts of a built site in `dir` (`<dir>/vendor/katex-<version>/fonts/`) to the characters its
 * pages' formulas draw in each (`glyphs`, from {@link katexGlyphScan}), from KaTeX's own fonts (so a rebuild
 * never subsets a subset).
 */
export async function subsetKatexFonts(
  dir: string,
  glyphs: ReadonlyMap<string, ReadonlySet<string>>,
  { cacheDir = CACHE_DIR }: { cacheDir?: string } = {},
): Promise<SubsetSummary> {
  const katex = katexDistDir();
  const fontsDir = join(dir, katexFontsPath(katex.version));

  // The subsetter's identity for the cache: subset-font's version and the HarfBuzz build it runs.
  const fromSubsetFont = createRequire(createRequire(import.meta.url).resolve('subset-font'));
  const subsetter = createHash('sha256')
    .update((fromSubsetFont('./package.json') as { version: string }).version)
    .update(readFileSync(fromSubsetFont.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')))
    .digest('hex');
  mkdirSync(cacheDir, { recursive: true });
  const fonts: FontSubset[] = [];
  for (const [file, charSet] of [...glyphs].sort(([a], [b]) => a.localeCompare(b))) {
    const target = join(fontsDir, file);
    if (!existsSync(target)) continue; // a face of a family the page styles itself: not one of KaTeX's files
    const original = readFileSync(join(katex.dir, 'fonts', file));
    const chars = subsetChars(charSet);
    const cached = cachePath(cacheDir, file, original, chars, subsetter);
    const hit = existsSync(cached);
    let subset = hit ? readFileSync(cached) : await subsetFont(original, chars, { targetFormat: 'woff2' });
    if (hit)
      utimesSync(cached, new Date(), new Date()); // used: kept by pruneCache
    else writeAtomically(cached, subset);
    if (subset.length >= original.length) subset = original;
    writeAtomically(target, subset);
    fonts.push({ file, chars, before: original.length, after: subset.length, cached: hit });
  }
  pruneCache(cacheDir);
  const before = fonts.reduce((sum, font) => sum + font.before, 0);
  const after = fonts.reduce((sum, font) => sum + font.after, 0);
  const cachedCount = fonts.filter((font) => font.cached).length;
  const total = readdirSync(fontsDir).filter((f) => f.endsWith('.woff2')).length;
  return {
    fonts,
    summary:
      `KaTeX fonts: ${fonts.length} of ${total} used, subset to their formulas' characters, ` +
      `${kb(before)} → ${kb(after)}${cachedCount > 0 ? ` (${cachedCount} from cache)` : ''}`,
  };
}
