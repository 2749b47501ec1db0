import { describe, expect, it } from 'vitest';
import { SURFACE_IDS, isSurfaceId, surfaces } from '../../../../src/lib/nn/loss-surfaces.ts';
import { mulberry32 } from '../../../../src/lib/nn/random.ts';

describe('loss surfaces', () => {
  it.each(SURFACE_IDS)('%s: the gradient agrees with finite differences', (id) => {
    const s = surfaces[id];
    const r = mulberry32(1);
    const { xMin, xMax, yMin, yMax } = s.extent;
    for (let k = 0; k < 200; k++) {
      const x = xMin + (xMax - xMin) * r.next();
      const y = yMin + (yMax - yMin) * r.next();
      const h = 1e-6;
      const [gx, gy] = s.gradient(x, y);
      const nx = (s.f(x + h, y) - s.f(x - h, y)) / (2 * h);
      const ny = (s.f(x, y + h) - s.f(x, y - h)) / (2 * h);
      expect(Math.abs(gx - nx) / Math.max(1, Math.abs(nx))).toBeLessThan(1e-6);
      expect(Math.abs(gy - ny) / Math.max(1, Math.abs(ny))).toBeLessThan(1e-6);
    }
  });

  it.each(SURFACE_IDS)(
    '%s: the minima are stationary, lowest among samples, and the start is inside the view',
    (id) => {
      const s = surfaces[id];
      const lowest = Math.min(...s.minima.map((m) => s.f(m.x, m.y)));
      for (const m of s.minima) expect(s.gradient(m.x, m.y).map((g) => Math.abs(g))).toEqual([0, 0]);
      const r = mulberry32(2);
      for (let k = 0; k < 1000; k++) {
        const x = s.extent.xMin + (s.extent.xMax - s.extent.xMin) * r.next();
        const y = s.extent.yMin + (s.extent.yMax - s.extent.yMin) * r.next();
        expect(s.f(x, y)).toBeGreaterThanOrEqual(lowest);
      }
      expect(s.start.x).toBeGreaterThan(s.extent.xMin);
      expect(s.start.x).toBeLessThan(s.extent.xMax);
      expect(s.start.y).toBeGreaterThan(s.extent.yMin);
      expect(s.start.y).toBeLessThan(s.extent.yMax);
      expect([...s.levels].sort((a, b) => a - b)).toEqual(s.levels);
    },
  );

  it('known values', () => {
    expect(surfaces.rosenbrock.f(1, 1)).toBe(0);
    expect(surfaces.rosenbrock.f(-1.2, 1)).toBeCloseTo(24.2, 12);
    const [gx, gy] = surfaces.rosenbrock.gradient(-1.2, 1);
    expect(gx).toBeCloseTo(-215.6, 12);
    expect(gy).toBeCloseTo(-88, 12);
    expect(surfaces.saddle.f(0, 1)).toBe(-0.25);
    expect(surfaces.saddle.gradient(0, 0).map(Math.abs)).toEqual([0, 0]); // the saddle point is stationary
    expect(surfaces.ravine.gradient(2, 1)).toEqual([0.2, 6]);
    expect(isSurfaceId('saddle')).toBe(true);
    expect(isSurfaceId('beale')).toBe(false);
  });
});
