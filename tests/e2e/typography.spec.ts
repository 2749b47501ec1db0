// English pages draw Latin text, apostrophes and quotes in a Latin face, also on a Linux whose only sans-serif
// fonts are Noto Sans CJK (like this machine and CI): there the self-hosted Source Sans 3 (src/styles/fonts.css)
// stands in, and "neuron’s" keeps a narrow apostrophe instead of the CJK face's full-width one. Chinese pages keep
// the CJK face for Han characters and for “ ”, full-width as Chinese typography sets them.
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useCheckedPage } from './support/page.ts';

const base = inject('baseUrl');
const CJK_FACE = /CJK|Source Han|PingFang|Hiragino|YaHei|WenQuanYi/i;
/** The Latin faces of the English stack that this machine has installed (fontconfig's list). */
const SYSTEM_LATIN = installedFamilies().filter((family) => ['Segoe UI', 'Helvetica Neue', 'Arial'].includes(family));

function installedFamilies(): string[] {
  try {
    return execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' }).split(/[\n,]/);
  } catch {
    return []; // no fontconfig: not a Linux like CI's, the checks that need it are skipped
  }
}

interface Probe {
  /** Widths in px of each measured piece of text, drawn in the page's body text. */
  readonly widths: Record<string, number>;
  /** The font size of that text in px. */
  readonly fontSize: number;
}

/**
 * Appends `<span id="typography-probe">` with `pieces` to the note's first paragraph (its body text, with all
 * of its styles), waits for the fonts it needs and measures each piece with a Range.
 */
async function probe(page: Page, pieces: readonly string[]): Promise<Probe> {
  return page.evaluate(async (texts) => {
    const paragraph = document.querySelector('.prose > p')!;
    const span = document.createElement('span');
    span.id = 'typography-probe';
    span.style.whiteSpace = 'nowrap'; // one line, so each Range's box is the text's own width
    for (const text of texts) span.append(document.createTextNode(text));
    paragraph.append(' ', span);
    span.getBoundingClientRect();
    await document.fonts.ready;
    const widths: Record<string, number> = {};
    for (const node of span.childNodes) {
      const range = document.createRange();
      range.selectNodeContents(node);
      widths[node.textContent!] = range.getBoundingClientRect().width;
    }
    return { widths, fontSize: parseFloat(getComputedStyle(span).fontSize) };
  }, pieces);
}

/** The fonts Chromium actually drew the probe's text with (DevTools' "Rendered Fonts"). */
async function renderedFonts(
  page: Page,
): Promise<Array<{ familyName: string; isCustomFont: boolean; glyphCount: number }>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#typography-probe' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts;
}

describe('typography', () => {
  const checked = useCheckedPage({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });

  it('draws the apostrophe of an English page narrow, in a Latin face', async () => {
    const { page } = checked;
    const fontFiles: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.woff2')) fontFiles.push(new URL(response.url()).pathname);
    });
    await page.goto(`${base}/en/notes/neuron/`);
    const { widths, fontSize } = await probe(page, ['neuron’s', '’', '“', '”', '中']);
    // A full-width character is one em; a Latin apostrophe or quote about a quarter to a half of one.
    expect(widths['中']).toBeCloseTo(fontSize, 0);
    for (const mark of ['’', '“', '”']) expect(widths[mark], mark).toBeLessThan(0.5 * widths['中']!);
    expect(widths['neuron’s']).toBeLessThan(5 * fontSize);

    const fonts = await renderedFonts(page);
    const latin = fonts.filter((font) => !CJK_FACE.test(font.familyName));
    // Only 中 comes from a CJK face: every Latin letter and mark comes from one Latin face.
    expect(latin, JSON.stringify(fonts)).toHaveLength(1);
    expect(latin[0]!.glyphCount).toBe([...'neuron’s’“”'].length);
    if (SYSTEM_LATIN.length === 0) {
      // This machine and CI: no Latin face of the system's in the stack, so the site's own draws the text.
      // (Its name table says "Source Sans 3 ExtraLight", the variable font's default instance.)
      expect(latin[0]).toMatchObject({ familyName: expect.stringMatching(/^Source Sans 3\b/), isCustomFont: true });
      expect(fontFiles).toContainEqual(
        expect.stringMatching(/^\/_astro\/source-sans-3-latin-wght-normal\.[\w-]+\.woff2$/),
      );
    } else {
      expect(latin[0]!.familyName).toMatch(new RegExp(`^(?:${SYSTEM_LATIN.join('|')}|Source Sans 3)\\b`));
    }
  });

  it('keeps the CJK face for Han characters and full-width quotes on a Chinese page', async () => {
    const { page } = checked;
    await page.goto(`${base}/notes/neuron/`);
    const { widths, fontSize } = await probe(page, ['神经元', '“', '”']);
    expect(widths['神经元']).toBeCloseTo(3 * fontSize, 0);
    for (const mark of ['“', '”']) expect(widths[mark], mark).toBeCloseTo(fontSize, 0);
    const fonts = await renderedFonts(page);
    expect(fonts.map((font) => font.familyName)).toEqual([expect.stringMatching(CJK_FACE)]);
    expect(fonts[0]!.isCustomFont).toBe(false);
  });
});
