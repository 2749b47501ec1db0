import { describe, expect, it } from 'vitest';
import {
  backwardStack,
  forwardStack,
  frobenius,
  gradientFlow,
  initVariance,
  relativeToTop,
  type GradientFlowSpec,
  type Matrix,
  type Stack,
} from '../../../../src/lib/nn/gradient-flow.ts';
import { gaussian, mulberry32 } from '../../../../src/lib/nn/random.ts';

const BASE: Omit<GradientFlowSpec, 'activation' | 'init'> = { depth: 10, width: 100, samples: 64, seed: 1 };

/** Geometric mean of the ratio between neighbouring layers, from `values[0]` to the last. */
const perLayerFactor = (values: readonly number[]): number =>
  (values[values.length - 1]! / values[0]!) ** (1 / (values.length - 1));

describe('initVariance', () => {
  it('is 1/fan_in (LeCun), 2/(fan_in + fan_out) (Glorot) and 2/fan_in (He)', () => {
    expect(initVariance('lecun', 100, 300)).toBeCloseTo(0.01, 15);
    expect(initVariance('xavier', 100, 300)).toBeCloseTo(0.005, 15);
    expect(initVariance('he', 100, 300)).toBeCloseTo(0.02, 15);
    expect(initVariance('xavier', 784, 256)).toBeCloseTo(2 / 1040, 15);
  });

  it('refuses a layer without inputs or neurons', () => {
    expect(() => initVariance('he', 0, 10)).toThrow(RangeError);
    expect(() => initVariance('xavier', 10, Number.NaN)).toThrow(RangeError);
  });
});

describe('forwardStack and backwardStack', () => {
  const random = mulberry32(7);
  const matrix = (rows: number, cols: number, sd: number): Matrix =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, () => sd * gaussian(random)));
  const input = matrix(3, 4, 1);
  const upstream = matrix(3, 4, 1);
  const weights = [matrix(4, 4, 0.6), matrix(4, 4, 0.6), matrix(4, 4, 0.6)];
  /** L = Σ_b upstreamᵦ · h_b⁽ᴸ⁾, whose gradient with respect to h⁽ᴸ⁾ is `upstream`. */
  const loss = (stack: Stack): number =>
    forwardStack(stack, input).output.reduce(
      (sum, row, b) => sum + row.reduce((s, h, j) => s + h * upstream[b]![j]!, 0),
      0,
    );

  it.each([
    ['sigmoid', false],
    ['tanh', false],
    ['sigmoid', true],
    ['tanh', true],
  ] as const)('gives ∂L/∂W that matches finite differences (%s, residual %s)', (activation, residual) => {
    const stack: Stack = { weights, activation, residual };
    const { weightGradients } = backwardStack(stack, forwardStack(stack, input), upstream);
    const eps = 1e-6;
    for (const [l, j, i] of [
      [0, 0, 0],
      [0, 3, 1],
      [1, 2, 2],
      [2, 1, 3],
    ] as const) {
      const nudged = (by: number): Stack => ({
        ...stack,
        weights: weights.map((w, k) =>
          k !== l ? w : w.map((row, r) => row.map((v, c) => (r === j && c === i ? v + by : v))),
        ),
      });
      const numeric = (loss(nudged(eps)) - loss(nudged(-eps))) / (2 * eps);
      expect(weightGradients[l]![j]![i]).toBeCloseTo(numeric, 6);
    }
  });

  it('passes the gradient through a residual connection even where the branch contributes nothing', () => {
    // With all weights zero the branch F(h) = tanh(0) has no gradient to give, yet ∂L/∂h⁽⁰⁾ = upstream.
    const zero = [matrix(4, 4, 0).map((row) => row.map(() => 0))];
    const plain: Stack = { weights: zero, activation: 'tanh', residual: false };
    const residual: Stack = { ...plain, residual: true };
    const top = backwardStack(residual, forwardStack(residual, input), upstream);
    expect(top.deltas[0]).toEqual(upstream);
    expect(forwardStack(residual, input).output).toEqual(input);
    expect(
      forwardStack(plain, input)
        .output.flat()
        .every((v) => v === 0),
    ).toBe(true);
  });
});

describe('gradientFlow', () => {
  it('is reproducible from its seed', () => {
    const spec = { depth: 4, width: 20, samples: 8, seed: 1, activation: 'tanh', init: 'xavier' } as const;
    expect(gradientFlow(spec)).toEqual(gradientFlow(spec));
    expect(gradientFlow({ ...spec, seed: 2 })).not.toEqual(gradientFlow(spec));
  });

  it('lets a sigmoid stack shrink δ about fourfold per layer (σ′ ≤ 1/4)', () => {
    const deltas = relativeToTop(gradientFlow({ ...BASE, activation: 'sigmoid', init: 'xavier' }), 'deltaNorm');
    const factor = perLayerFactor([...deltas].reverse());
    expect(factor).toBeGreaterThan(0.2);
    expect(factor).toBeLessThan(0.25);
    expect(deltas[0]).toBeLessThan(4 ** -9);
  });

  it('keeps activations and δ steady in a ReLU stack with He initialization, not with Glorot', () => {
    const he = gradientFlow({ ...BASE, activation: 'relu', init: 'he' });
    const glorot = gradientFlow({ ...BASE, activation: 'relu', init: 'xavier' });
    for (const value of relativeToTop(he, 'deltaNorm')) {
      expect(value).toBeGreaterThan(0.8);
      expect(value).toBeLessThan(1.25);
    }
    expect(perLayerFactor(he.map((l) => l.activationRms))).toBeGreaterThan(0.95);
    // Var(w) = 1/n with half the units cut off: each layer keeps about half the variance, a factor 1/√2 in size.
    expect(perLayerFactor(glorot.map((l) => l.activationRms))).toBeCloseTo(Math.SQRT1_2, 1);
    expect(perLayerFactor([...relativeToTop(glorot, 'deltaNorm')].reverse())).toBeCloseTo(Math.SQRT1_2, 1);
  });

  it('leaves ReLU weight gradients in the same proportions whatever the scale of the initialization', () => {
    // ReLU is positively homogeneous: scaling every W by c scales h⁽ˡ⁻¹⁾ by c^(l−1) and δ⁽ˡ⁾ by c^(L−l).
    const he = relativeToTop(gradientFlow({ ...BASE, activation: 'relu', init: 'he' }), 'weightGradientNorm');
    const glorot = relativeToTop(gradientFlow({ ...BASE, activation: 'relu', init: 'xavier' }), 'weightGradientNorm');
    he.forEach((value, l) => expect(value).toBeCloseTo(glorot[l]!, 10));
  });

  it('keeps the gradient of a sigmoid stack alive with residual connections', () => {
    const plain = relativeToTop(gradientFlow({ ...BASE, activation: 'sigmoid', init: 'xavier' }), 'weightGradientNorm');
    const residual = relativeToTop(
      gradientFlow({ ...BASE, activation: 'sigmoid', init: 'xavier', residual: true }),
      'weightGradientNorm',
    );
    expect(plain[0]).toBeLessThan(1e-5);
    expect(residual[0]).toBeGreaterThan(0.3);
  });

  it('reports layers from the input up, with norms that match frobenius', () => {
    const flow = gradientFlow({ depth: 3, width: 5, samples: 4, seed: 3, activation: 'tanh', init: 'lecun' });
    expect(flow.map((l) => l.layer)).toEqual([1, 2, 3]);
    expect(frobenius([[3, 4]])).toBe(5);
    expect(relativeToTop(flow, 'deltaNorm')[2]).toBe(1);
  });

  it('refuses sizes that are not positive integers', () => {
    const spec = { ...BASE, activation: 'relu', init: 'he' } as const;
    expect(() => gradientFlow({ ...spec, depth: 0 })).toThrow(/depth/);
    expect(() => gradientFlow({ ...spec, width: 2.5 })).toThrow(/width/);
    expect(() => gradientFlow({ ...spec, samples: -1 })).toThrow(/samples/);
  });
});
