import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../../../src/lib/text/template.ts';

describe('fillTemplate', () => {
  it('fills named blanks with text and numbers, in any order and more than once', () => {
    expect(fillTemplate('{name} at ({x}, {y})', { name: 'SGD', x: -0.5, y: 2 })).toBe('SGD at (-0.5, 2)');
    expect(fillTemplate('{step} 步之后：{step}', { step: 0 })).toBe('0 步之后：0');
  });

  it('leaves a blank without a value empty and other braces alone', () => {
    expect(fillTemplate('a{missing}b', {})).toBe('ab');
    expect(fillTemplate('{ not a blank } {}', { x: 1 })).toBe('{ not a blank } {}');
  });
});
