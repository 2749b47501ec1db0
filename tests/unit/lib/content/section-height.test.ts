import { describe, expect, it } from 'vitest';
import {
  estimateSectionHeight,
  intrinsicSizeStyle,
  textLines,
  textWidthEm,
  type SectionBlock,
} from '../../../../src/lib/content/section-height.ts';

/** The height on the desktop column. */
const total = (blocks: readonly SectionBlock[]) => {
  const { text, other } = estimateSectionHeight(blocks);
  return text + other;
};

describe('section height estimate', () => {
  it('counts a CJK character as one em and any other as a little under half', () => {
    expect(textWidthEm('神经元')).toBe(3);
    expect(textWidthEm('neuron')).toBeCloseTo(2.76);
    expect(textWidthEm('ＲｅＬＵ（修正）')).toBe(8);
    expect(textWidthEm('  a \n\n b  ')).toBeCloseTo(3 * 0.46); // runs of white space are one space
  });

  it('wraps text at the column: about 43 CJK characters or 94 Latin ones a line', () => {
    expect(textLines('')).toBe(1);
    expect(textLines('字'.repeat(43))).toBe(1);
    expect(textLines('字'.repeat(44))).toBe(2);
    expect(textLines('a'.repeat(94))).toBe(1);
    expect(textLines('a'.repeat(95))).toBe(2);
  });

  it('wraps a table row by all its cells, and scales a widget with the text', () => {
    const short = estimateSectionHeight([{ kind: 'table-row', cells: ['ReLU', 'max(0, x)'] }]);
    const long = estimateSectionHeight([{ kind: 'table-row', cells: ['ReLU', '修正线性单元。'.repeat(20)] }]);
    expect(long.text).toBeGreaterThanOrEqual(short.text * 4);
    expect(long.other).toBe(short.other);
    expect(estimateSectionHeight([{ kind: 'widget', height: 900 }]).text).toBe(900);
  });

  it('adds up the blocks: a longer paragraph, more code or a stated image height makes a taller section', () => {
    const one = total([{ kind: 'text', text: '字'.repeat(40) }]);
    expect(total([{ kind: 'text', text: '字'.repeat(200) }])).toBeGreaterThan(one * 3);
    expect(total([{ kind: 'code', lines: 20 }])).toBeGreaterThan(
      total([{ kind: 'code', lines: 2 }]),
    );
    expect(total([{ kind: 'figure', height: 900 }])).toBeGreaterThan(
      total([{ kind: 'figure' }]),
    );
    expect(total([])).toBe(0);
  });

  it('counts a closed <details> as its summary line, whatever it hides', () => {
    const closed = total([{ kind: 'closed', summary: '答案' }]);
    const paragraph = total([{ kind: 'text', text: '答案' }]);
    expect(closed).toBeGreaterThanOrEqual(paragraph);
    expect(closed).toBeLessThan(paragraph * 2);
  });

  it('keeps the text apart, for the page to scale as the column narrows, in whole pixels', () => {
    const paragraph = estimateSectionHeight([{ kind: 'text', text: '字'.repeat(100) }]);
    expect(paragraph.text).toBe(3 * 30);
    expect(estimateSectionHeight([{ kind: 'formula' }, { kind: 'code', lines: 3 }]).text).toBe(0);
    expect(intrinsicSizeStyle({ text: 90, other: 20 })).toBe(
      'contain-intrinsic-size:auto calc(20px + 90px * var(--text-scale, 1))',
    );
    const height = total([
      { kind: 'text', text: 'x', heading: true },
      { kind: 'formula' },
      { kind: 'table-row', cells: ['a', 'b'] },
      { kind: 'figure', height: 123.4 },
    ]);
    expect(Number.isInteger(height)).toBe(true);
    expect(Number.isInteger(estimateSectionHeight([{ kind: 'figure', height: 0.4 }]).other)).toBe(true);
  });
});
