// Compares two builds of the site as a reader sees them, for changes that must not show (a CSS refactor, a
// bundler upgrade): each page is rendered from both builds in light and dark theme at a desktop and a phone
// width, and the full-page screenshots are compared pixel by pixel.
//   npx node scripts/compare-screenshots.ts <dist-a> <dist-b> [--pages /,/tags/] [--styles] [--out <folder>]
// --styles also compares the computed style of every element and of its ::before / ::after: it catches what a
// screenshot cannot see (content below a collapsed <details>, a rule that only matters at another width).
// Pages that differ are listed with the differing pixel count (only pixels that still differ after reloading
// both pages: Chromium's antialiasing varies a little between loads); their two screenshots and a diff image
// (the differing pixels red over a faded copy of the second build) go to a temporary folder, or to --out.
// Exits with 1 when anything differs.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic } from '../tests/e2e/support/server.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/support/browser.ts';

/** The page kinds of the site: home, notes with widgets and math, an English note, graph, tags, search, 404. */
const DEFAULT_PAGES = [
  '/',
  '/notes/activation-functions/',
  '/notes/neuron/',
  '/en/notes/machine-learning-process/',
  '/graph/',
  '/tags/',
  '/search/',
  '/this-page-does-not-exist/',
];
const WIDTHS = [1280, 375];
const THEMES = ['light', 'dark'] as const;
/** Differing elements reported per page: enough to see what changed without flooding the output. */
const MAX_REPORTED_ELEMENTS = 8;
/** Reloads of a page whose screenshots differ, to tell a real difference from rendering noise. */
const NOISE_RELOADS = 2;

interface Variant {
  path: string;
  width: number;
  theme: (typeof THEMES)[number];
}

interface PixelDiff {
  width: number;
  height: number;
  /** 1 where the pixel differs. */
  mask: Uint8Array;
  differing: number;
}

interface ElementStyle {
  key: string;
  hash: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pages: { type: 'string' },
    styles: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
if (positionals.length !== 2) {
  console.error('usage: compare-screenshots.ts <dist-a> <dist-b> [--pages /,/tags/] [--styles] [--out <folder>]');
  process.exit(2);
}
const [distA, distB] = positionals as [string, string];
const pages = values.pages ? values.pages.split(',') : DEFAULT_PAGES;
const outDir = values.out ?? mkdtempSync(join(tmpdir(), 'compare-screenshots-'));
mkdirSync(outDir, { recursive: true });

const variantName = (v: Variant) =>
  `${v.path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home'}-${v.width}-${v.theme}`;

async function openPage(browser: Browser, base: string, v: Variant): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: v.width, height: 900 },
    colorScheme: v.theme,
    reducedMotion: 'reduce',
    // The service worker would precache the whole site in the background: slow, and nothing to compare.
    serviceWorkers: 'block',
  });
  // Idle network: the scripts that fill in parts of the page after load (reading progress) have run.
  await page.goto(base + v.path, { waitUntil: 'networkidle' });
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Widgets build their DOM when they come near the viewport: wait until the page stops changing.
    await new Promise<void>((resolve) => {
      let timer = setTimeout(done, 500);
      const observer = new MutationObserver(() => {
        clearTimeout(timer);
        timer = setTimeout(done, 500);
      });
      const deadline = setTimeout(done, 5000);
      function done() {
        observer.disconnect();
        clearTimeout(deadline);
        resolve();
      }
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  });
  return page;
}

const screenshot = (page: Page) => page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });

interface Image {
  width: number;
  height: number;
  /** RGBA, row by row. */
  rgba: Buffer;
}

/**
 * Chromium's screenshots as pixels: 8-bit RGB or RGBA, not interlaced. A codec of a few lines instead of an
 * image library the project does not otherwise need (and the browser's canvas runs out of memory on a
 * 1280 × 14,000 px page).
 */
function decodePng(png: Buffer): Image {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8);
      channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error(`unsupported PNG (${depth}/${colour})`);
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[out + x - channels]! : 0;
      const up = y > 0 ? pixels[out - stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? pixels[out - stride + x - channels]! : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[out + x] = (row[x]! + predicted) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: pixels };
  const rgba = Buffer.alloc(width * height * 4, 255);
  for (let k = 0; k < width * height; k++) pixels.copy(rgba, k * 4, k * 3, k * 3 + 3);
  return { width, height, rgba };
}

function encodePng({ width, height, rgba }: Image): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Pixel by pixel: which pixels differ, counting every pixel one image has and the other lacks. */
function comparePixels(a: Image, b: Image): PixelDiff {
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  const mask = new Uint8Array(width * height);
  const offset = (image: Image, x: number, y: number) =>
    x < image.width && y < image.height ? (y * image.width + x) * 4 : -1;
  let differing = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = offset(a, x, y);
      const j = offset(b, x, y);
      const same =
        i >= 0 &&
        j >= 0 &&
        a.rgba[i] === b.rgba[j] &&
        a.rgba[i + 1] === b.rgba[j + 1] &&
        a.rgba[i + 2] === b.rgba[j + 2];
      if (!same) {
        mask[y * width + x] = 1;
        differing++;
      }
    }
  }
  return { width, height, mask, differing };
}

/** The pixels that differ in both comparisons (of the same size; else the later one stands). */
function bothTimes(earlier: PixelDiff, later: PixelDiff): PixelDiff {
  if (earlier.width !== later.width || earlier.height !== later.height) return later;
  const mask = earlier.mask.map((bit, k) => bit & later.mask[k]!);
  return { ...later, mask, differing: mask.reduce((sum, bit) => sum + bit, 0) };
}

/** The differing pixels red over a faded copy of `b`, so they stand out and can still be placed. */
function diffImage({ width, height, mask }: PixelDiff, b: Image): Buffer {
  const rgba = Buffer.alloc(width * height * 4, 255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const k = y * width + x;
      if (mask[k]) {
        rgba[k * 4 + 1] = rgba[k * 4 + 2] = 0;
        rgba[k * 4] = 230;
      } else if (x < b.width && y < b.height) {
        rgba[k * 4] =
          rgba[k * 4 + 1] =
          rgba[k * 4 + 2] =
            255 - Math.round((255 - b.rgba[(y * b.width + x) * 4 + 1]!) / 4);
      }
    }
  }
  return encodePng({ width, height, rgba });
}

/**
 * A hash of the computed style of every element (and of its ::before / ::after when they exist), in document
 * order. `key` names the element for the report; both builds must have the same elements in the same order.
 */
function styleHashes(page: Page): Promise<ElementStyle[]> {
  return page.evaluate(() => {
    const fnv = (text: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
      return h >>> 0;
    };
    // Sorted by name: custom properties are listed in the order they were declared, which a build may change.
    const serialise = (style: CSSStyleDeclaration) => {
      const entries: string[] = [];
      for (let i = 0; i < style.length; i++) entries.push(`${style[i]}:${style.getPropertyValue(style[i]!)}`);
      return entries.sort().join(';');
    };
    // Inside a formula only the few elements the site's own rules reach: KaTeX's stylesheet (unlayered, the
    // same in both builds) styles the thousands of others, and reading them all takes minutes.
    const ownedByKatex = (element: Element) =>
      element.parentElement?.closest('.katex') &&
      element.localName !== 'svg' &&
      !element.matches('.katex-html, .katex-mathml');
    const out: { key: string; hash: number }[] = [];
    document.querySelectorAll('*').forEach((element, index) => {
      if (ownedByKatex(element)) return;
      const name = `${index}:${element.localName}${element.id ? `#${element.id}` : ''}${[...element.classList]
        .slice(0, 2)
        .map((c) => `.${c}`)
        .join('')}`;
      out.push({ key: name, hash: fnv(serialise(getComputedStyle(element))) });
      for (const pseudo of ['::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        if (style.content !== 'none' && style.content !== 'normal')
          out.push({ key: `${name}${pseudo}`, hash: fnv(serialise(style)) });
      }
    });
    return out;
  });
}

/** The properties whose computed values differ for one element (`key` as styleHashes names it). */
async function styleDetails(page: Page, key: string): Promise<Record<string, string>> {
  const [, index, pseudo] = /^(\d+):.*?(::before|::after)?$/.exec(key) ?? [];
  return page.evaluate(
    ([i, p]) => {
      const element = document.querySelectorAll('*')[Number(i)];
      if (!element) return {};
      const style = getComputedStyle(element, p || null);
      const values: Record<string, string> = {};
      for (let k = 0; k < style.length; k++) values[style[k]!] = style.getPropertyValue(style[k]!);
      return values;
    },
    [index ?? '0', pseudo ?? ''] as const,
  );
}

async function compareStyles(pageA: Page, pageB: Page): Promise<string[]> {
  let [a, b] = await Promise.all([styleHashes(pageA), styleHashes(pageB)]);
  // A script that adds elements (copy buttons, a widget) can still be loading on a busy machine: give it time.
  for (let retry = 0; retry < 5 && a.length !== b.length; retry++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    [a, b] = await Promise.all([styleHashes(pageA), styleHashes(pageB)]);
  }
  if (a.length !== b.length) return [`different element counts: ${a.length} and ${b.length}`];
  const differing = a.filter((entry, i) => entry.key !== b[i]!.key || entry.hash !== b[i]!.hash);
  const report: string[] = [];
  for (const entry of differing.slice(0, MAX_REPORTED_ELEMENTS)) {
    const [styleA, styleB] = await Promise.all([styleDetails(pageA, entry.key), styleDetails(pageB, entry.key)]);
    const changed = Object.keys({ ...styleA, ...styleB })
      .filter((property) => styleA[property] !== styleB[property])
      .map((property) => `${property}: ${styleA[property]} → ${styleB[property]}`);
    report.push(`${entry.key} { ${changed.join('; ')} }`);
  }
  if (differing.length > MAX_REPORTED_ELEMENTS)
    report.push(`… and ${differing.length - MAX_REPORTED_ELEMENTS} more elements`);
  return report;
}

/** Compares one page variant and reports it; false when it differs. */
async function compareVariant(browser: Browser, urlA: string, urlB: string, variant: Variant): Promise<boolean> {
  const name = variantName(variant);
  const open = () => Promise.all([openPage(browser, urlA, variant), openPage(browser, urlB, variant)]);
  let [pageA, pageB] = await open();
  // Styles first: the screenshot injects a style of its own (hidden caret) that it removes asynchronously.
  const styles = values.styles ? await compareStyles(pageA, pageB) : [];
  let shots = await Promise.all([screenshot(pageA), screenshot(pageB)]);
  const imagesA = [decodePng(shots[0])];
  const imagesB = [decodePng(shots[1])];
  let pixels = comparePixels(imagesA[0]!, imagesB[0]!);
  // Chromium antialiases a few edges under the sticky header's backdrop blur differently from one page
  // load to the next: a pixel counts only if it differs between every shot of one build and every shot
  // of the other.
  for (let retry = 0; retry < NOISE_RELOADS && pixels.differing > 0; retry++) {
    await Promise.all([pageA.close(), pageB.close()]);
    [pageA, pageB] = await open();
    shots = await Promise.all([screenshot(pageA), screenshot(pageB)]);
    const [a, b] = [decodePng(shots[0]), decodePng(shots[1])];
    for (const [x, y] of [[a, b], ...imagesB.map((earlier) => [a, earlier]), ...imagesA.map((earlier) => [earlier, b])])
      if (pixels.differing > 0) pixels = bothTimes(pixels, comparePixels(x!, y!));
    imagesA.push(a);
    imagesB.push(b);
  }
  await Promise.all([pageA.close(), pageB.close()]);
  if (pixels.differing === 0 && styles.length === 0) {
    console.log(`same     ${name} (${pixels.width}×${pixels.height})`);
    return true;
  }
  console.log(`DIFFERS  ${name}: ${pixels.differing} pixels of ${pixels.width}×${pixels.height}`);
  for (const line of styles) console.log(`         ${line}`);
  if (pixels.differing > 0) {
    writeFileSync(join(outDir, `${name}-a.png`), shots[0]);
    writeFileSync(join(outDir, `${name}-b.png`), shots[1]);
    writeFileSync(join(outDir, `${name}-diff.png`), diffImage(pixels, imagesB.at(-1)!));
  }
  return false;
}

const [servedA, servedB] = await Promise.all([serveStatic(distA), serveStatic(distB)]);
const launch = () => chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
let browser = await launch();
let failures = 0;
try {
  for (const path of pages) {
    for (const width of WIDTHS) {
      for (const theme of THEMES) {
        const variant: Variant = { path, width, theme };
        try {
          if (!(await compareVariant(browser, servedA.url, servedB.url, variant))) failures++;
        } catch (error) {
          // A renderer that runs out of memory on a busy machine: report the variant, go on with a new browser.
          failures++;
          console.log(`ERROR    ${variantName(variant)}: ${(error as Error).message.split('\n')[0]}`);
          if (!browser.isConnected()) browser = await launch();
        }
      }
    }
  }
} finally {
  await browser.close();
  servedA.server.close();
  servedB.server.close();
}
console.log(
  failures === 0 ? 'No differences.' : `${failures} page variants differ; screenshots and diffs in ${outDir}`,
);
process.exit(failures === 0 ? 0 : 1);
