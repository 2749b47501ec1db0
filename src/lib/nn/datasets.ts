// The 2-D classification data sets of the network playground, after TensorFlow Playground: XOR, two circles,
// two Gaussians and two spirals, in the square [−1, 1]² before noise, two classes (label 0 or 1) of equal size.
// Seeded: the same `Random` state gives the same points and the same train/test split.
import { gaussian, shuffle, uniform, type Random } from './random.ts';
import type { Example } from './mlp.ts';

export const DATASET_IDS = ['xor', 'circles', 'gaussians', 'spiral'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

/** Whether `value` names a data set. */
export function isDatasetId(value: unknown): value is DatasetId {
  return typeof value === 'string' && (DATASET_IDS as readonly string[]).includes(value);
}

/** A labelled point. */
export interface Point {
  readonly x: number;
  readonly y: number;
  readonly label: 0 | 1;
}

/** Largest noise level the widgets offer (as in TensorFlow Playground, 50 %). */
export const MAX_NOISE = 0.5;

/** XOR keeps points this far from the axes, so that without noise the classes are separated by a margin. */
export const XOR_MARGIN = 0.05;

export interface GenerateOptions {
  /** Number of points, split evenly between the classes (an odd count gives class 0 one point more). */
  readonly count: number;
  /**
   * Noise level ν in [0, MAX_NOISE]: after its class and position are drawn, each point moves by an offset drawn
   * uniformly from [−ν, ν] in x and in y, so classes that touched only at their boundary start to overlap.
   */
  readonly noise: number;
}

/** A point of class `label` for data set `kind`, before noise. */
function cleanPoint(
  kind: DatasetId,
  label: 0 | 1,
  index: number,
  perClass: number,
  random: Random,
): { x: number; y: number } {
  switch (kind) {
    case 'xor': {
      // |x|, |y| uniform in [margin, 1]; class 1 in the quadrants where x·y > 0.
      const sx = random.next() < 0.5 ? -1 : 1;
      const magnitude = () => uniform(random, XOR_MARGIN, 1);
      const x = sx * magnitude();
      const y = (label === 1 ? sx : -sx) * magnitude();
      return { x, y };
    }
    case 'circles': {
      // Class 1 inside radius 0.5, class 0 on the ring 0.7 ≤ r ≤ 1; angle uniform.
      const r = label === 1 ? uniform(random, 0, 0.5) : uniform(random, 0.7, 1);
      const angle = uniform(random, 0, 2 * Math.PI);
      return { x: r * Math.sin(angle), y: r * Math.cos(angle) };
    }
    case 'gaussians': {
      // N(μ, 0.15² I) with μ = (0.4, 0.4) for class 1 and (−0.4, −0.4) for class 0.
      const centre = label === 1 ? 0.4 : -0.4;
      return { x: centre + 0.15 * gaussian(random), y: centre + 0.15 * gaussian(random) };
    }
    case 'spiral': {
      // Point i of n on an arm: r = i/n, t = 1.75 · 2π · i/n + δ, (x, y) = (r sin t, r cos t), δ = 0 or π.
      const r = index / perClass;
      const t = 1.75 * 2 * Math.PI * (index / perClass) + (label === 1 ? 0 : Math.PI);
      return { x: r * Math.sin(t), y: r * Math.cos(t) };
    }
  }
}

/**
 * `count` points of data set `kind`: classes alternate (0, 1, 0, …), each point drawn as described on the data set
 * (XOR: class 1 where x·y > 0, |x|, |y| ≥ XOR_MARGIN; circles: class 1 within r ≤ 0.5, class 0 in 0.7 ≤ r ≤ 1;
 * Gaussians: centres ±(0.4, 0.4), σ = 0.15; spiral: two arms r = i/n, t = 3.5π·i/n + {0, π}), then moved by noise.
 */
export function generate(kind: DatasetId, { count, noise }: GenerateOptions, random: Random): Point[] {
  const nu = Math.min(MAX_NOISE, Math.max(0, noise));
  const perClass = Math.ceil(count / 2);
  const points: Point[] = [];
  for (let i = 0; i < count; i++) {
    const label = (i % 2) as 0 | 1;
    const p = cleanPoint(kind, label, Math.floor(i / 2), perClass, random);
    const dx = nu > 0 ? uniform(random, -nu, nu) : 0;
    const dy = nu > 0 ? uniform(random, -nu, nu) : 0;
    points.push({ x: p.x + dx, y: p.y + dy, label });
  }
  return points;
}

/** A data set split for training and testing. */
export interface Split {
  readonly train: readonly Point[];
  readonly test: readonly Point[];
}

/**
 * Shuffles `points` (Fisher–Yates) and puts the first round(n · trainFraction) in `train`, the rest in `test`;
 * trainFraction is clamped to [0, 1]. Every point lands in exactly one of the two.
 */
export function splitTrainTest(points: readonly Point[], trainFraction: number, random: Random): Split {
  const shuffled = shuffle(points, random);
  const n = Math.round(shuffled.length * Math.min(1, Math.max(0, trainFraction)));
  return { train: shuffled.slice(0, n), test: shuffled.slice(n) };
}

/** A point as a training example: input (x, y), target (label). */
export function toExample(point: Point): Example {
  return { input: [point.x, point.y], target: [point.label] };
}
