import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_IDS,
  activations,
  erf,
  erfc,
  isActivationId,
  normalCdf,
  sigmoid,
  softmax,
  type ActivationId,
} from '../../../../src/lib/nn/activations.ts';
import { activationFunctions } from '../../../../src/lib/nn/activation-core.ts';

/** A small seeded generator (mulberry32), so property tests are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const uniform = (random: () => number, lo: number, hi: number) => lo + (hi - lo) * random();
const closeTo = (actual: number, expected: number, tolerance: number) =>
  Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));

// Reference values: the worked example table of the activation-functions note (4 decimals; leaky ReLU α = 0.01,
// ELU α = 1), computed independently with Python's math.erf and exp.
const TABLE_XS = [-2, -0.5, 0, 0.5, 2];
const TABLE: Partial<Record<ActivationId, number[]>> = {
  sigmoid: [0.1192, 0.3775, 0.5, 0.6225, 0.8808],
  tanh: [-0.964, -0.4621, 0, 0.4621, 0.964],
  relu: [0, 0, 0, 0.5, 2],
  leakyRelu: [-0.02, -0.005, 0, 0.5, 2],
  elu: [-0.8647, -0.3935, 0, 0.5, 2],
  softplus: [0.1269, 0.4741, 0.6931, 0.9741, 2.1269],
  gelu: [-0.0455, -0.1543, 0, 0.3457, 1.9545],
  silu: [-0.2384, -0.1888, 0, 0.3112, 1.7616],
  step: [0, 0, 0, 1, 1],
  linear: [-2, -0.5, 0, 0.5, 2],
};

// [id, x, f(x), f′(x)] to 15 significant digits, computed with Python's math module (erf, exp, tanh, log1p).
const PRECISE: Array<[ActivationId, number, number, number]> = [
  ['sigmoid', 0.4, 0.598687660112452, 0.24026074574152],
  ['sigmoid', 0, 0.5, 0.25],
  ['tanh', 0.4, 0.379948962255225, 0.855638786081178],
  ['gelu', 1, 0.841344746068543, 1.083315470587686],
  ['gelu', -1, -0.158655253931457, -0.083315470587686],
  ['gelu', 0, 0, 0.5],
  ['silu', 1, 0.731058578630005, 0.927670511871487],
  ['silu', 0, 0, 0.5],
  ['softplus', 0, 0.693147180559945, 0.5],
  ['softplus', 1, 1.31326168751822, 0.731058578630005],
  ['elu', -1, -0.632120558828558, 0.367879441171442],
  ['elu', 0, 0, 1],
  ['relu', 0, 0, 0],
  ['relu', 0.4, 0.4, 1],
  ['leakyRelu', -3, -0.03, 0.01],
  ['leakyRelu', 0, 0, 0.01],
  ['step', 0, 0, 0],
  ['step', 1e-300, 1, 0],
  ['linear', -3, -3, 1],
  ['linear', 0, 0, 1],
];

describe('activations', () => {
  it('has every activation the widgets offer, each with a label, a symbol and formulas', () => {
    expect(Object.keys(activations).sort()).toEqual([...ACTIVATION_IDS].sort());
    expect(ACTIVATION_IDS.join()).toBe('relu,leakyRelu,elu,sigmoid,tanh,softplus,gelu,silu,step,linear');
    for (const id of ACTIVATION_IDS) {
      const a = activations[id];
      expect(a.id).toBe(id);
      expect(a.label.length).toBeGreaterThan(0);
      expect(a.f).toBe(activationFunctions[id].f);
      expect(isActivationId(id)).toBe(true);
    }
    expect(isActivationId('relu6')).toBe(false);
    expect(isActivationId(undefined)).toBe(false);
  });

  it.each(ACTIVATION_IDS)('%s has formulas that KaTeX renders', (id) => {
    for (const tex of [activations[id].tex, activations[id].dtex]) {
      expect(() => katex.renderToString(tex, { throwOnError: true, strict: 'error' })).not.toThrow();
    }
  });

  it.each(Object.entries(TABLE))('%s matches the reference table of the note', (id, values) => {
    TABLE_XS.forEach((x, i) => {
      expect(activations[id as ActivationId].f(x), `${id}(${x})`).toBeCloseTo(values[i]!, 4);
    });
  });

  it.each(PRECISE)('%s(%d) and its derivative match 15-digit reference values', (id, x, f, df) => {
    expect(closeTo(activations[id].f(x), f, 1e-13), `f = ${activations[id].f(x)}`).toBe(true);
    expect(closeTo(activations[id].df(x), df, 1e-13), `f′ = ${activations[id].df(x)}`).toBe(true);
  });

  it.each(ACTIVATION_IDS)('%s′ agrees with a central finite difference on [-6, 6]', (id) => {
    const { f, df } = activations[id];
    const h = 1e-5;
    // Where the pieces of a piecewise function meet, a difference quotient straddling the point measures nothing
    // (step, ReLU, leaky ReLU) or is only O(h) accurate (ELU: f′ is continuous there but f″ jumps).
    const kinks = ['relu', 'leakyRelu', 'elu', 'step'].includes(id) ? [0] : [];
    let checked = 0;
    for (let k = -600; k <= 600; k++) {
      const x = k / 100;
      if (kinks.some((j) => Math.abs(x - j) <= 2 * h)) continue;
      const numeric = (f(x + h) - f(x - h)) / (2 * h);
      expect(Math.abs(numeric - df(x)), `${id}′(${x}): ${df(x)} vs ${numeric}`).toBeLessThan(
        1e-7 * Math.max(1, Math.abs(numeric)),
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(1190);
  });

  it('uses the documented conventions at the kinks', () => {
    expect(activations.relu.df(0)).toBe(0);
    expect(activations.relu.df(-0)).toBe(0);
    expect(activations.leakyRelu.df(0)).toBe(0.01);
    expect(activations.step.df(0)).toBe(0);
    expect(activations.step.f(0)).toBe(0);
    expect(activations.elu.df(0)).toBe(1); // differentiable at 0 because α = 1
  });

  it('has the identity as `linear`: f(x) = x and f′(x) = 1 for every x, its formulas x and 1', () => {
    const { linear } = activations;
    for (const x of [-1e308, -1000, -2.5, -0, 0, 5e-324, 0.4, 3, Infinity, -Infinity]) {
      expect(linear.f(x)).toBe(x);
      expect(linear.df(x)).toBe(1);
    }
    expect([linear.tex, linear.dtex]).toEqual(['x', '1']);
    expect(linear.label).toBe('linear');
    expect(isActivationId('linear')).toBe(true);
  });

  it('is stable at ±1000 and beyond: finite and correct', () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(activations.sigmoid.df(1000)).toBe(0);
    expect(activations.softplus.f(1000)).toBe(1000);
    expect(activations.softplus.f(-1000)).toBe(0);
    expect(activations.softplus.f(-30)).toBeCloseTo(Math.exp(-30), 25);
    expect(activations.gelu.f(-30)).toBeCloseTo(0, 12);
    expect(activations.gelu.f(1000)).toBe(1000);
    expect(activations.silu.df(1000)).toBe(1);
    for (const id of ACTIVATION_IDS) {
      for (const x of [1000, -1000, 1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, -5e-324, 0, -0]) {
        expect(Number.isFinite(activations[id].f(x)), `${id}(${x})`).toBe(true);
        expect(Number.isFinite(activations[id].df(x)), `${id}′(${x})`).toBe(true);
      }
    }
  });

  it('gives sensible limits at ±Infinity and NaN for NaN, without throwing', () => {
    for (const id of ACTIVATION_IDS) {
      const { f, df } = activations[id];
      expect(f(NaN), `${id}(NaN)`).toBeNaN();
      expect(df(NaN), `${id}′(NaN)`).toBeNaN();
      for (const x of [Infinity, -Infinity]) {
        expect(Number.isNaN(f(x)), `${id}(${x})`).toBe(false);
        expect(Number.isNaN(df(x)), `${id}′(${x})`).toBe(false);
      }
    }
    expect(activations.relu.f(-Infinity)).toBe(0);
    expect(activations.sigmoid.f(Infinity)).toBe(1);
    expect(activations.elu.f(-Infinity)).toBe(-1);
    expect(activations.gelu.f(-Infinity)).toBe(0);
  });

  it('keeps the identities between the functions (property test, 2000 random x)', () => {
    const random = rng(42);
    for (let i = 0; i < 2000; i++) {
      const x = uniform(random, -40, 40);
      const a = activations;
      expect(closeTo(sigmoid(-x), 1 - sigmoid(x), 1e-15)).toBe(true);
      expect(closeTo(a.tanh.f(x), 2 * sigmoid(2 * x) - 1, 1e-14)).toBe(true);
      expect(closeTo(a.softplus.f(x) - a.softplus.f(-x), x, 1e-13)).toBe(true);
      expect(closeTo(a.gelu.f(x) - a.gelu.f(-x), x, 1e-13)).toBe(true);
      expect(closeTo(a.silu.f(x) - a.silu.f(-x), x, 1e-13)).toBe(true);
      expect(a.softplus.df(x)).toBe(sigmoid(x));
      expect(a.relu.f(x)).toBe(Math.max(0, x));
      expect(a.relu.f(x) - a.relu.f(-x)).toBe(a.linear.f(x)); // ReLU(x) − ReLU(−x) = x
    }
  });

  it('keeps monotone functions monotone (property test)', () => {
    const random = rng(7);
    const xs = Array.from({ length: 3000 }, () => uniform(random, -50, 50)).sort((p, q) => p - q);
    for (const id of ['relu', 'leakyRelu', 'elu', 'sigmoid', 'tanh', 'softplus', 'step', 'linear'] as const) {
      const ys = xs.map(activations[id].f);
      ys.slice(1).forEach((y, i) => expect(y, `${id} at ${xs[i + 1]}`).toBeGreaterThanOrEqual(ys[i]!));
    }
  });
});

describe('erf and Φ', () => {
  // Reference values to 16 digits (scipy.special.erf / erfc).
  const ERF: Array<[number, number]> = [
    [0.1, 0.1124629160182849],
    [0.5, 0.5204998778130465],
    [1, 0.8427007929497149],
    [2, 0.9953222650189527],
    [2.5, 0.999593047982555],
    [3, 0.9999779095030014],
  ];
  const ERFC: Array<[number, number]> = [
    [1, 0.1572992070502851],
    [2.5, 4.06952017444959e-4],
    [3, 2.209049699858544e-5],
    [4, 1.541725790028002e-8],
    [6, 2.151973671249892e-17],
    [10, 2.088487583762545e-45],
  ];
  it.each(ERF)('erf(%d) is right to 1e-14 relative, and odd', (x, value) => {
    expect(closeTo(erf(x), value, 1e-14)).toBe(true);
    expect(erf(-x)).toBe(-erf(x));
  });
  it.each(ERFC)('erfc(%d) keeps its relative precision in the tail', (x, value) => {
    expect(Math.abs(erfc(x) - value) / value).toBeLessThan(1e-13);
    expect(erfc(-x)).toBeCloseTo(2 - value, 14);
  });
  it('gives Φ(0) = 1/2, Φ(±Infinity) = 1 and 0, NaN for NaN', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(erf(NaN)).toBeNaN();
    expect(erfc(NaN)).toBeNaN();
  });
});

describe('softmax', () => {
  it('matches the examples of the note', () => {
    const s = softmax([2, 1, 0.1]);
    [0.659, 0.242, 0.099].forEach((v, i) => expect(s[i]).toBeCloseTo(v, 3));
    const big = softmax([1000, 1001, 1002]);
    [0.09003057, 0.24472847, 0.66524096].forEach((v, i) => expect(big[i]).toBeCloseTo(v, 8));
  });

  it('is stable: softmax([1000, 0]) is [1, 0], finite', () => {
    expect(softmax([1000, 0])).toEqual([1, 0]);
    expect(softmax([-1000, 0])).toEqual([0, 1]);
    expect(softmax([1e308, -1e308]).every(Number.isFinite)).toBe(true);
  });

  it('handles NaN, infinities and empty vectors without throwing', () => {
    expect(softmax([NaN, 1]).every(Number.isNaN)).toBe(true);
    expect(softmax([])).toEqual([]);
    expect(softmax([Infinity, 0, Infinity])).toEqual([0.5, 0, 0.5]);
    expect(softmax([-Infinity, 0])).toEqual([0, 1]);
    expect(softmax([-Infinity, -Infinity]).every(Number.isNaN)).toBe(true);
    expect(softmax(Array.from({ length: 200_000 }, (_, i) => i % 7)).length).toBe(200_000);
  });

  it('is a distribution, shift-invariant and order-preserving (property test)', () => {
    const random = rng(2026);
    for (let trial = 0; trial < 500; trial++) {
      const xs = Array.from({ length: 1 + Math.floor(random() * 10) }, () => uniform(random, -1000, 1000));
      const s = softmax(xs);
      expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (const v of s) expect(v >= 0 && v <= 1).toBe(true);
      const c = uniform(random, -100, 100);
      softmax(xs.map((x) => x + c)).forEach((v, i) => expect(Math.abs(v - s[i]!)).toBeLessThan(1e-9));
      for (let i = 0; i < xs.length; i++)
        for (let j = 0; j < xs.length; j++) if (xs[i]! < xs[j]!) expect(s[i]!).toBeLessThanOrEqual(s[j]!);
    }
  });

  it('reduces to the sigmoid for two classes', () => {
    for (const z of [-5, -0.3, 0, 2, 40]) expect(softmax([z, 0])[0]).toBeCloseTo(sigmoid(z), 14);
  });
});
