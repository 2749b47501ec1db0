// A note's sections below the fold are not laid out until the reader comes near them (CSS
// `content-visibility: auto`); until then each stands in at an estimated height. The estimate keeps the
// scroll bar honest and an anchor link landing near its place. Once drawn, the browser keeps the real height
// (`contain-intrinsic-size: auto …`), so an estimate that is off costs a small jump of the scroll bar, never
// a wrong page. Measured for the desktop column (46rem at 17 px, line height 1.75); on a narrower column the
// text's part is scaled up in CSS. Text is rounded up to whole lines, so an estimate tends to be high rather
// than low: a section estimated too short would, laid out, overrun what follows it in tools that measure the
// page without drawing it (axe, in Lighthouse, found a link after one "obscured").

/** What a section is made of, block by block, as the render stage sees it. */
export type SectionBlock =
  /** A paragraph, list item, heading or caption: wraps at the column's width. */
  | { readonly kind: 'text'; readonly text: string; readonly heading?: boolean }
  /** A display formula. */
  | { readonly kind: 'formula' }
  | { readonly kind: 'code'; readonly lines: number }
  /** An image, a diagram or a widget; `height` in CSS pixels when the page states it. */
  | { readonly kind: 'figure'; readonly height?: number | undefined }
  /** A table row: its cells' text, which wraps in the cells' share of the column. */
  | { readonly kind: 'table-row'; readonly cells: readonly string[] }
  /** An interactive widget, at its height on the desktop column; its controls stack on a narrow one. */
  | { readonly kind: 'widget'; readonly height: number }
  /** A closed `<details>` (a solution, an answer): only its summary line shows. */
  | { readonly kind: 'closed'; readonly summary: string };

const LINE = 30; // 17 px × 1.75
const LATIN_EM = 0.46;
const COLUMN_EM = 46 / (17 / 16); // the column in the text's em
const BLOCK_GAP = 20;
const FORMULA = 72;
const CODE_LINE = 24;
const CODE_CHROME = 56; // the code block's padding, label and gap
const FIGURE = 320;
const TABLE_LINE = 26; // 15 px × 1.7 in a cell
const TABLE_ROW_PADDING = 18;
const CLOSED = 52;

/**
 * Characters of the width of one em: CJK ideographs, kana, Hangul and full-width forms. The rest average a
 * little under half an em in the site's sans-serif, spaces included.
 */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** The width of `text` in em, on one line. */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const char of text.replace(/\s+/g, ' ').trim()) width += WIDE.test(char) ? 1 : LATIN_EM;
  return width;
}

/** Lines `text` takes in the column: at least one. */
export function textLines(text: string): number {
  return Math.max(1, Math.ceil(textWidthEm(text) / COLUMN_EM));
}

/** A section's estimated height in CSS pixels on the desktop column: its wrapped text, and the rest. */
export interface SectionHeight {
  /** Lines of text: on a narrower column they wrap into more (see `--text-scale` in src/styles/prose.css). */
  readonly text: number;
  /** Formulas, code, figures, rows and the gaps between blocks, whose height the column's width barely changes. */
  readonly other: number;
}

function blockHeight(block: SectionBlock): SectionHeight {
  switch (block.kind) {
    case 'text':
      return { text: textLines(block.text) * LINE * (block.heading ? 1.2 : 1), other: BLOCK_GAP };
    case 'formula':
      return { text: 0, other: FORMULA };
    case 'code':
      return { text: 0, other: Math.max(1, block.lines) * CODE_LINE + CODE_CHROME };
    case 'figure':
      return { text: 0, other: (block.height ?? FIGURE) + BLOCK_GAP };
    case 'table-row': {
      // Auto table layout gives each cell a share of the width close to its share of the text; the cells'
      // padding and the short ones (a term beside its definition) leave the text less than the whole width.
      const width = block.cells.reduce((sum, cell) => sum + textWidthEm(cell), 0);
      const lines = Math.max(1, Math.ceil(width / (COLUMN_EM * 0.7)));
      return { text: lines * TABLE_LINE, other: TABLE_ROW_PADDING };
    }
    case 'widget':
      return { text: block.height, other: BLOCK_GAP };
    case 'closed':
      return { text: (textLines(block.summary) - 1) * LINE, other: CLOSED };
  }
}

/** The estimated height of a section, in whole CSS pixels. */
export function estimateSectionHeight(blocks: readonly SectionBlock[]): SectionHeight {
  let text = 0;
  let other = 0;
  for (const block of blocks) {
    const height = blockHeight(block);
    text += height.text;
    other += height.other;
  }
  return { text: Math.round(text), other: Math.round(other) };
}

/**
 * The section's `contain-intrinsic-size`: the text's part grows as the column narrows, by the page's
 * `--text-scale` (1 on the desktop column).
 */
export function intrinsicSizeStyle({ text, other }: SectionHeight): string {
  return `contain-intrinsic-size:auto calc(${other}px + ${text}px * var(--text-scale, 1))`;
}
