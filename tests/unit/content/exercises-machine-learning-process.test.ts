// The figures the machine-learning-process exercises state, in both languages, against the project's own maths:
// least squares reached by gradient descent (src/lib/nn/optimizers.ts) on the MSE as the note defines it, the
// stability limit of that descent, and binary cross-entropy from src/lib/nn/mlp.ts.
import { describe, expect, it } from 'vitest';
import { crossEntropy } from '../../../src/lib/nn/mlp.ts';
import { sgd } from '../../../src/lib/nn/optimizers.ts';
import { exercise, states, type NoteLang } from './exercise-source.ts';

const SLUG = 'machine-learning-process';
const LANGS = ['zh', 'en'] as const;

const TITLES = {
  fourPoints: { zh: '四个点的最小二乘', en: 'Least squares on four points' },
  descent: { zh: '用梯度下降拟合三个点', en: 'Fitting the three points by gradient descent' },
  losses: { zh: '损失函数算一算', en: 'Computing losses' },
  parabola: { zh: '直线还是抛物线', en: 'Line or parabola' },
} as const;

const text = (lang: NoteLang, key: keyof typeof TITLES) => exercise(lang, SLUG, TITLES[key][lang]);
const statesAll = (source: string, values: readonly number[], digits: number) =>
  values.every((value) => states(source, value, digits));

type Data = readonly (readonly [number, number])[];
const THREE: Data = [
  [0, 1],
  [1, 3],
  [2, 4],
];
const FOUR: Data = [
  [0, 1],
  [1, 2],
  [2, 2],
  [3, 4],
];

/** MSE = (1/n) Σ (yᵢ − (w xᵢ + b))², as the note defines it (no ½). */
const mse = (data: Data, [w, b]: readonly number[]) =>
  data.reduce((sum, [x, y]) => sum + (y - (w! * x + b!)) ** 2, 0) / data.length;
/** Its gradient: ∂/∂w = −(2/n) Σ xᵢ(yᵢ − ŷᵢ), ∂/∂b = −(2/n) Σ (yᵢ − ŷᵢ). */
const mseGradient = (data: Data, [w, b]: readonly number[]) => {
  const n = data.length;
  let gw = 0;
  let gb = 0;
  for (const [x, y] of data) {
    const residual = y - (w! * x + b!);
    gw += (-2 / n) * x * residual;
    gb += (-2 / n) * residual;
  }
  return [gw, gb];
};
/** (w, b) after `steps` steps of gradient descent from (0, 0). */
function descend(data: Data, eta: number, steps: number): number[] {
  const optimizer = sgd(eta);
  let theta = [0, 0];
  let state = optimizer.init(2);
  for (let k = 0; k < steps; k++) ({ theta, state } = optimizer.step(theta, mseGradient(data, theta), state));
  return theta;
}

describe.each(LANGS)('machine-learning-process (%s): the exercises state what the maths gives', (lang) => {
  it('least squares on four points, reached by gradient descent', () => {
    const source = text(lang, 'fourPoints');
    const [w, b] = descend(FOUR, 0.05, 5000);
    expect(w).toBeCloseTo(0.9, 9);
    expect(b).toBeCloseTo(0.9, 9);
    expect(statesAll(source, [w!, b!, mse(FOUR, [w!, b!])], 4)).toBe(true);
    expect(statesAll(source, FOUR.map(([x, y]) => y - (w! * x + b!)), 4)).toBe(true);
  });

  it('one step of gradient descent on the three points, the limit and the learning-rate bound', () => {
    const source = text(lang, 'descent');
    expect(statesAll(source, mseGradient(THREE, [0, 0]), 4)).toBe(true);
    const first = descend(THREE, 0.1, 1);
    expect(statesAll(source, [...first, mse(THREE, [0, 0]), mse(THREE, first)], 4)).toBe(true);
    const [w, b] = descend(THREE, 0.1, 2000);
    expect(w).toBeCloseTo(1.5, 9);
    expect(b).toBeCloseTo(7 / 6, 9);
    const lambdaMax = (2 / 3) * (4 + Math.sqrt(10));
    const lambdaMin = (2 / 3) * (4 - Math.sqrt(10));
    expect(statesAll(source, [lambdaMax, lambdaMin, 2 / lambdaMax], 3)).toBe(true);
    expect(mse(THREE, descend(THREE, 0.41, 3000))).toBeCloseTo(1 / 18, 9);
    expect(mse(THREE, descend(THREE, 0.43, 3000))).toBeGreaterThan(1e6);
  });

  it('binary cross-entropy as mlp.ts computes it from logits', () => {
    const source = text(lang, 'losses');
    const logit = (p: number) => Math.log(p / (1 - p));
    const each = [
      [0.8, 1],
      [0.3, 0],
      [0.6, 0],
    ].map(([p, y]) => crossEntropy.value([logit(p!)], [y!]));
    expect(statesAll(source, each, 4)).toBe(true);
    expect(states(source, each.reduce((a, c) => a + c, 0) / 3, 4)).toBe(true);
    expect(statesAll(source, [(1 + 1 + 100) / 3, (1 + 1 + 10) / 3], 4)).toBe(true);
  });

  it('the parabola through the three points and the validation point', () => {
    const source = text(lang, 'parabola');
    const parabola = (x: number) => -0.5 * x * x + 2.5 * x + 1;
    expect(THREE.map(([x]) => parabola(x))).toEqual(THREE.map(([, y]) => y));
    const line = 1.5 * 3 + 7 / 6;
    expect(statesAll(source, [line, (5.5 - line) ** 2, parabola(3), (5.5 - parabola(3)) ** 2], 4)).toBe(true);
  });
});
