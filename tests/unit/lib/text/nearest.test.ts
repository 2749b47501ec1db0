import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../../../src/lib/text/nearest.ts';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['title', 'titel', 2],
    ['神经元', '神经网络', 2],
  ])('%s → %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('nearest', () => {
  const tags = ['neural-networks', 'machine-learning', 'math', 'optimization'];
  it('suggests the closest id for a typo', () => {
    expect(nearest('neural-network', tags)).toBe('neural-networks');
    expect(nearest('Optimisation', tags)).toBe('optimization');
    expect(nearest('titel', ['title', 'description', 'date'])).toBe('title');
  });
  it('suggests nothing when no candidate is close', () => {
    expect(nearest('quantum-chemistry', tags)).toBeUndefined();
    expect(nearest('x', [])).toBeUndefined();
  });
});
