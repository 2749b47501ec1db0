import { describe, expect, it } from 'vitest';
import { contourSegments, joinSegments, sampleGrid } from '../../../../src/lib/nn/contours.ts';

describe('contours', () => {
  const extent = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };

  it('samples a grid of corners', () => {
    const grid = sampleGrid((x, y) => x + 10 * y, extent, 4, 2);
    expect(grid.values).toHaveLength(15);
    expect(grid.values[0]).toBe(-22); // (−2, −2)
    expect(grid.values[4]).toBe(-18); // (2, −2)
    expect(grid.values[14]).toBe(22); // (2, 2)
  });

  it('the contour of x² + y² = 1 is one closed line on the unit circle', () => {
    const grid = sampleGrid((x, y) => x * x + y * y, extent, 40, 40);
    const segments = contourSegments(grid, 1);
    expect(segments.length).toBeGreaterThan(20);
    for (const [x1, y1, x2, y2] of segments) {
      expect(Math.hypot(x1, y1)).toBeCloseTo(1, 2);
      expect(Math.hypot(x2, y2)).toBeCloseTo(1, 2);
    }
    const lines = joinSegments(segments);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    // Each non-degenerate segment once (those of length zero, where the circle passes exactly through a grid
    // corner such as (0.6, 0.8), are dropped), plus the repeated first point.
    expect(line.length).toBeGreaterThan(segments.length * 0.7);
    expect(line.length).toBeLessThanOrEqual(segments.length + 1);
    expect(line[0]![0]).toBeCloseTo(line.at(-1)![0], 9); // closed
    expect(line[0]![1]).toBeCloseTo(line.at(-1)![1], 9);
  });

  it('a linear function gives exact straight contours', () => {
    const grid = sampleGrid((x, y) => x - y, extent, 8, 8);
    const segments = contourSegments(grid, 0.5);
    for (const [x1, y1, x2, y2] of segments) {
      expect(x1 - y1).toBeCloseTo(0.5, 12);
      expect(x2 - y2).toBeCloseTo(0.5, 12);
    }
    expect(joinSegments(segments)).toHaveLength(1);
  });

  it('levels outside the range give nothing; NaN cells are skipped; the saddle cell is split consistently', () => {
    const grid = sampleGrid((x, y) => x * y, extent, 10, 10);
    expect(contourSegments(grid, 100)).toEqual([]);
    expect(
      contourSegments(
        sampleGrid(() => NaN, extent, 4, 4),
        0,
      ),
    ).toEqual([]);
    // x·y = 0.5 is two hyperbola branches, in opposite quadrants.
    const lines = joinSegments(contourSegments(grid, 0.5));
    expect(lines).toHaveLength(2);
    for (const line of lines) for (const [x, y] of line) expect(x * y).toBeGreaterThan(0);
  });
});
