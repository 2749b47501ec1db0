import { describe, expect, it } from 'vitest';
import {
  DATASET_IDS,
  MAX_NOISE,
  XOR_MARGIN,
  generate,
  isDatasetId,
  splitTrainTest,
  toExample,
  type Point,
} from '../../../../src/lib/nn/datasets.ts';
import { mulberry32 } from '../../../../src/lib/nn/random.ts';

const make = (kind: (typeof DATASET_IDS)[number], noise = 0, seed = 1, count = 400) =>
  generate(kind, { count, noise }, mulberry32(seed));
const radius = (p: Point) => Math.hypot(p.x, p.y);

describe('datasets: the four shapes', () => {
  it.each(DATASET_IDS)('%s: the requested count, two equal classes, seeded', (kind) => {
    const points = make(kind);
    expect(points).toHaveLength(400);
    expect(points.filter((p) => p.label === 1)).toHaveLength(200);
    expect(make(kind)).toEqual(points);
    // Only the spiral is fully determined without noise; with noise every data set depends on the seed.
    if (kind !== 'spiral') expect(make(kind, 0, 2)).not.toEqual(points);
    expect(make(kind, 0.1, 2)).not.toEqual(make(kind, 0.1, 1));
    expect(points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(generate(kind, { count: 7, noise: 0 }, mulberry32(1)).filter((p) => p.label === 0)).toHaveLength(4);
  });

  it('XOR: class 1 exactly where x·y > 0, every point at least the margin from the axes', () => {
    for (const p of make('xor')) {
      expect(p.x * p.y > 0 ? 1 : 0).toBe(p.label);
      expect(Math.min(Math.abs(p.x), Math.abs(p.y))).toBeGreaterThanOrEqual(XOR_MARGIN);
      expect(Math.max(Math.abs(p.x), Math.abs(p.y))).toBeLessThanOrEqual(1);
    }
    // All four quadrants are used.
    const quadrants = new Set(make('xor').map((p) => `${Math.sign(p.x)}${Math.sign(p.y)}`));
    expect(quadrants.size).toBe(4);
  });

  it('circles: class 1 inside r ≤ 0.5, class 0 on the ring 0.7 ≤ r ≤ 1', () => {
    for (const p of make('circles')) {
      if (p.label === 1) expect(radius(p)).toBeLessThanOrEqual(0.5 + 1e-12);
      else {
        expect(radius(p)).toBeGreaterThanOrEqual(0.7 - 1e-12);
        expect(radius(p)).toBeLessThanOrEqual(1 + 1e-12);
      }
    }
  });

  it('Gaussians: centred on ±(0.4, 0.4) with σ ≈ 0.15', () => {
    for (const label of [0, 1] as const) {
      const cls = make('gaussians', 0, 3, 4000).filter((p) => p.label === label);
      const mean = (f: (p: Point) => number) => cls.reduce((s, p) => s + f(p), 0) / cls.length;
      const mx = mean((p) => p.x);
      const centre = label === 1 ? 0.4 : -0.4;
      expect(mx).toBeCloseTo(centre, 1);
      expect(mean((p) => p.y)).toBeCloseTo(centre, 1);
      expect(Math.sqrt(mean((p) => (p.x - mx) ** 2))).toBeCloseTo(0.15, 1);
    }
  });

  it('spiral: two arms at opposite angles, radius growing from 0 to 1', () => {
    const points = make('spiral', 0, 1, 200);
    expect(Math.max(...points.map(radius))).toBeLessThanOrEqual(1);
    // Point i of each arm has r = i/n; the two arms are point-reflections of each other.
    for (let i = 0; i < 200; i += 2) {
      const a = points[i]!;
      const b = points[i + 1]!;
      expect([a.label, b.label]).toEqual([0, 1]);
      expect(radius(a)).toBeCloseTo(i / 2 / 100, 12);
      expect(a.x).toBeCloseTo(-b.x, 12);
      expect(a.y).toBeCloseTo(-b.y, 12);
    }
  });

  it('noise moves each point by at most ν in x and in y, and is clamped to MAX_NOISE', () => {
    // Same seed, same draws for the clean part: compare each noisy point with its clean twin.
    const clean = make('spiral', 0);
    const noisy = make('spiral', 0.2);
    const moved = noisy.map((p, i) => Math.max(Math.abs(p.x - clean[i]!.x), Math.abs(p.y - clean[i]!.y)));
    expect(Math.max(...moved)).toBeLessThanOrEqual(0.2);
    expect(Math.max(...moved)).toBeGreaterThan(0.15);
    expect(noisy.map((p) => p.label)).toEqual(clean.map((p) => p.label));
    const wild = make('spiral', 5);
    const far = wild.map((p, i) => Math.max(Math.abs(p.x - clean[i]!.x), Math.abs(p.y - clean[i]!.y)));
    expect(Math.max(...far)).toBeLessThanOrEqual(MAX_NOISE);
    // Noise makes XOR points cross the axes: some labels no longer match their quadrant.
    expect(make('xor', 0.5).some((p) => (p.x * p.y > 0 ? 1 : 0) !== p.label)).toBe(true);
  });

  it('names', () => {
    expect(DATASET_IDS.every(isDatasetId)).toBe(true);
    expect(isDatasetId('moons')).toBe(false);
    expect(isDatasetId(undefined)).toBe(false);
  });
});

describe('datasets: train/test split', () => {
  it('splits every point into exactly one part, in the requested proportion', () => {
    const points = make('circles');
    const { train, test } = splitTrainTest(points, 0.7, mulberry32(5));
    expect(train).toHaveLength(280);
    expect(test).toHaveLength(120);
    const key = (p: Point) => `${p.x},${p.y},${p.label}`;
    expect([...train, ...test].map(key).sort()).toEqual(points.map(key).sort());
    expect(new Set(train.map(key)).size + new Set(test.map(key)).size).toBe(400);
    // Shuffled, so both classes are in both parts.
    expect(new Set(test.map((p) => p.label)).size).toBe(2);
  });

  it('is seeded, and clamps the fraction', () => {
    const points = make('xor');
    expect(splitTrainTest(points, 0.5, mulberry32(1))).toEqual(splitTrainTest(points, 0.5, mulberry32(1)));
    expect(splitTrainTest(points, 0.5, mulberry32(1))).not.toEqual(splitTrainTest(points, 0.5, mulberry32(2)));
    expect(splitTrainTest(points, 2, mulberry32(1)).test).toHaveLength(0);
    expect(splitTrainTest(points, -1, mulberry32(1)).train).toHaveLength(0);
  });

  it('turns points into examples', () => {
    expect(toExample({ x: 0.5, y: -0.25, label: 1 })).toEqual({ input: [0.5, -0.25], target: [1] });
  });
});
