import { describe, expect, it } from 'vitest';
import { estimateSectionHeight, textLines, textWidthEm } from '../../../../src/lib/content/section-height.ts';

describe('section height estimate', () => {
  it('counts a CJK character as one em and any other as half', () => {
    expect(textWidthEm('神经元')).toBe(3);
    expect(textWidthEm('neuron')).toBe(3);
    expect(textWidthEm('ＲｅＬＵ（修正）')).toBe(8);
    expect(textWidthEm('  a \n\n b  ')).toBe(1.5); // runs of white space are one space
  });

  it('wraps text at the column: about 43 CJK characters or 86 Latin ones a line', () => {
    expect(textLines('')).toBe(1);
    expect(textLines('字'.repeat(43))).toBe(1);
    expect(textLines('字'.repeat(44))).toBe(2);
    expect(textLines('a'.repeat(86))).toBe(1);
    expect(textLines('a'.repeat(87))).toBe(2);
  });

  it('adds up the blocks: a longer paragraph, more code or a stated image height makes a taller section', () => {
    const one = estimateSectionHeight([{ kind: 'text', text: '字'.repeat(40) }]);
    expect(estimateSectionHeight([{ kind: 'text', text: '字'.repeat(200) }])).toBeGreaterThan(one * 3);
    expect(estimateSectionHeight([{ kind: 'code', lines: 20 }])).toBeGreaterThan(
      estimateSectionHeight([{ kind: 'code', lines: 2 }]),
    );
    expect(estimateSectionHeight([{ kind: 'figure', height: 900 }])).toBeGreaterThan(
      estimateSectionHeight([{ kind: 'figure' }]),
    );
    expect(estimateSectionHeight([])).toBe(0);
  });

  it('counts a closed <details> as its summary line, whatever it hides', () => {
    const closed = estimateSectionHeight([{ kind: 'closed', summary: '答案' }]);
    const paragraph = estimateSectionHeight([{ kind: 'text', text: '答案' }]);
    expect(closed).toBeGreaterThanOrEqual(paragraph);
    expect(closed).toBeLessThan(paragraph * 2);
  });

  it('is in whole pixels', () => {
    const height = estimateSectionHeight([
      { kind: 'text', text: 'x', heading: true },
      { kind: 'formula' },
      { kind: 'table-row' },
      { kind: 'figure', height: 123.4 },
    ]);
    expect(Number.isInteger(height)).toBe(true);
  });
});
