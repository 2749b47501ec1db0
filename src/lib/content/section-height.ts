// A note's sections below the fold are not laid out until the reader comes near them (CSS
// `content-visibility: auto`); until then each stands in at an estimated height. The estimate keeps the
// scroll bar honest and an anchor link landing near its place. Once drawn, the browser keeps the real height
// (`contain-intrinsic-size: auto …`), so an estimate that is off costs a small jump of the scroll bar, never
// a wrong page. Measured for the desktop column (46rem at 17 px, line height 1.75); a phone's column is
// narrower, and its sections come out taller than estimated.

/** What a section is made of, block by block, as the render stage sees it. */
export type SectionBlock =
  /** A paragraph, list item, heading or caption: wraps at the column's width. */
  | { readonly kind: 'text'; readonly text: string; readonly heading?: boolean }
  /** A display formula. */
  | { readonly kind: 'formula' }
  | { readonly kind: 'code'; readonly lines: number }
  /** An image, a diagram or a widget; `height` in CSS pixels when the page states it. */
  | { readonly kind: 'figure'; readonly height?: number | undefined }
  | { readonly kind: 'table-row' }
  /** A closed `<details>` (a solution, an answer): only its summary line shows. */
  | { readonly kind: 'closed'; readonly summary: string };

const LINE = 30; // 17 px × 1.75
const COLUMN_EM = 46 / (17 / 16); // the column in the text's em
const BLOCK_GAP = 20;
const FORMULA = 72;
const CODE_LINE = 24;
const CODE_CHROME = 56; // the code block's padding, label and gap
const FIGURE = 320;
const TABLE_ROW = 44;
const CLOSED = 52;

/** Characters of the width of one em: CJK ideographs, kana, Hangul and full-width forms; the rest count half. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** The width of `text` in em, on one line. */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const char of text.replace(/\s+/g, ' ').trim()) width += WIDE.test(char) ? 1 : 0.5;
  return width;
}

/** Lines `text` takes in the column: at least one. */
export function textLines(text: string): number {
  return Math.max(1, Math.ceil(textWidthEm(text) / COLUMN_EM));
}

function blockHeight(block: SectionBlock): number {
  switch (block.kind) {
    case 'text':
      return textLines(block.text) * LINE * (block.heading ? 1.2 : 1) + BLOCK_GAP;
    case 'formula':
      return FORMULA;
    case 'code':
      return Math.max(1, block.lines) * CODE_LINE + CODE_CHROME;
    case 'figure':
      return (block.height ?? FIGURE) + BLOCK_GAP;
    case 'table-row':
      return TABLE_ROW;
    case 'closed':
      return CLOSED + (textLines(block.summary) - 1) * LINE;
  }
}

/** The estimated height of a section, in whole CSS pixels. */
export function estimateSectionHeight(blocks: readonly SectionBlock[]): number {
  return Math.round(blocks.reduce((sum, block) => sum + blockHeight(block), 0));
}
