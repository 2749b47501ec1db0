// The figures the ai-taxonomy exercises state, in both languages: the logistic-regression probabilities against
// the sigmoid of src/lib/nn/activation-core.ts; the boosting round, the forest's variance, the SVM margin and the
// standardization (which src/lib has no model of) by direct computation, so a changed number in one language shows.
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../../src/lib/nn/activation-core.ts';
import { exercise, states, type NoteLang } from './exercise-source.ts';

const SLUG = 'ai-taxonomy';
const LANGS = ['zh', 'en'] as const;

const TITLES = {
  logistic: { zh: '读懂逻辑回归的系数', en: 'Reading the coefficients of logistic regression' },
  boosting: { zh: '手算一轮梯度提升', en: 'One round of gradient boosting by hand' },
  forest: { zh: '随机森林为什么要“随机”', en: 'Why a random forest is random' },
  svm: { zh: '支持向量机的间隔', en: 'The margin of a support vector machine' },
  scaling: { zh: '标准化的统计量从哪里来', en: 'Where the standardization statistics come from' },
} as const;

const text = (lang: NoteLang, key: keyof typeof TITLES) => exercise(lang, SLUG, TITLES[key][lang]);
const statesAll = (source: string, values: readonly number[], digits: number) =>
  values.every((value) => states(source, value, digits));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const mse = (xs: readonly number[]) => mean(xs.map((x) => x * x));

describe.each(LANGS)('ai-taxonomy (%s): the exercises state what the maths gives', (lang) => {
  it('logistic regression: probabilities, odds and the odds ratio e^w₁', () => {
    const source = text(lang, 'logistic');
    const z = ([x1, x2]: number[]) => 2 * x1! - x2! - 0.5;
    const inputs = [
      [1, 1],
      [0, 2],
      [2, 1],
    ];
    const p = inputs.map((x) => sigmoid(z(x)));
    expect(statesAll(source, p, 4)).toBe(true);
    const odds = (q: number) => q / (1 - q);
    expect(statesAll(source, [odds(p[0]!), odds(p[2]!)], 2)).toBe(true);
    expect(odds(p[2]!) / odds(p[0]!)).toBeCloseTo(Math.exp(2), 9);
    expect(states(source, Math.exp(2), 3)).toBe(true);
  });

  it('one boosting round: the residuals, the better stump and F₁', () => {
    const source = text(lang, 'boosting');
    const y = [3, 5, 10];
    const f0 = mean(y);
    const residuals = y.map((v) => v - f0);
    expect(statesAll(source, [f0, ...residuals, mse(residuals)], 4)).toBe(true);
    const sse = (groups: number[][]) =>
      groups.reduce((sum, g) => sum + g.reduce((s, r) => s + (r - mean(g)) ** 2, 0), 0);
    const [r1, r2, r3] = residuals as [number, number, number];
    expect(statesAll(source, [sse([[r1], [r2, r3]]), sse([[r1, r2], [r3]])], 4)).toBe(true);
    const stump = [mean([r1, r2]), mean([r1, r2]), r3];
    for (const nu of [0.5, 1]) {
      const f1 = stump.map((h) => f0 + nu * h);
      expect(statesAll(source, [...f1, mse(y.map((v, i) => v - f1[i]!))], 4)).toBe(true);
    }
  });

  it("the variance of a forest's average", () => {
    const source = text(lang, 'forest');
    const variance = (rho: number, m: number) => rho + (1 - rho) / m;
    expect(statesAll(source, [variance(0.3, 1), variance(0.3, 10), variance(0.3, 100), 0.3], 4)).toBe(true);
    expect(states(source, variance(0.1, 100), 4)).toBe(true);
  });

  it('the SVM margin, the slacks and the objective', () => {
    const source = text(lang, 'svm');
    const norm = Math.hypot(3, 4);
    expect(states(source, 2 / norm, 4)).toBe(true);
    const points: [number, number, number][] = [
      [1, 1, 1],
      [1, 0.5, 1],
      [2, 0, 1],
      [0, 0, -1],
    ];
    const slacks = points.map(([x1, x2, y]) => Math.max(0, 1 - y * (3 * x1 + 4 * x2 - 5)));
    expect(slacks).toEqual([0, 1, 0, 0]);
    expect(states(source, 0.5 * norm ** 2 + slacks.reduce((a, b) => a + b, 0), 4)).toBe(true);
  });

  it('standardization fitted on the training set against all the data', () => {
    const source = text(lang, 'scaling');
    const fit = (xs: number[]) => {
      const m = mean(xs);
      return { m, s: Math.sqrt(mean(xs.map((x) => (x - m) ** 2))) };
    };
    const right = fit([2, 4, 6]);
    const wrong = fit([2, 4, 6, 10]);
    expect(statesAll(source, [right.s, (10 - right.m) / right.s, (2 - right.m) / right.s], 3)).toBe(true);
    expect(statesAll(source, [wrong.s, (10 - wrong.m) / wrong.s, (2 - wrong.m) / wrong.s], 3)).toBe(true);
  });
});
