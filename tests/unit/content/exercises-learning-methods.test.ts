// The figures the learning-methods exercises state, in both languages, against the project's own maths: gradient
// descent, momentum and Adam from src/lib/nn/optimizers.ts, the narrow ravine of src/lib/nn/loss-surfaces.ts (the
// surface the optimizer widget shows), and the hand-worked backpropagation against src/lib/nn/mlp.ts.
import { describe, expect, it } from 'vitest';
import { ravine } from '../../../src/lib/nn/loss-surfaces.ts';
import {
  adam,
  lossAndGradient,
  meanSquaredError,
  momentum,
  sgd,
  trainStep,
  type Network,
  type Optimizer,
} from '../../../src/lib/nn/mlp.ts';
import { exercise, states, type NoteLang } from './exercise-source.ts';

const SLUG = 'learning-methods';
const LANGS = ['zh', 'en'] as const;

const TITLES = {
  rate: { zh: '学习率与收敛因子', en: 'Learning rate and the convergence factor' },
  momentum: { zh: '动量在圆碗里', en: 'Momentum in a round bowl' },
  adam: { zh: 'Adam 的第一步', en: 'The first step of Adam' },
  backprop: { zh: '再手算一次反向传播', en: 'Backpropagation by hand again' },
  dropout: { zh: 'Dropout 的期望', en: 'What dropout keeps on average' },
  ravine: { zh: '在组件里看狭长峡谷', en: 'The narrow ravine in the widget' },
  signal: { zh: '训练信号从哪里来', en: 'Where the training signal comes from' },
} as const;

const text = (lang: NoteLang, key: keyof typeof TITLES) => exercise(lang, SLUG, TITLES[key][lang]);
const statesAll = (source: string, values: readonly number[], digits: number) =>
  values.every((value) => states(source, value, digits));

/** The iterates θ₁ … θₙ of `optimizer` on a surface with gradient `gradient`, from `start`. */
function walk(optimizer: Optimizer, gradient: (theta: number[]) => number[], start: number[], steps: number) {
  let theta = start;
  let state = optimizer.init(start.length);
  const path: number[][] = [];
  for (let k = 0; k < steps; k++) {
    ({ theta, state } = optimizer.step(theta, gradient(theta), state));
    path.push(theta);
  }
  return path;
}

/** L(θ) = (θ − 3)², the note's one-dimensional example. */
const bowl = ([theta]: number[]) => [2 * (theta! - 3)];
/** Steps until |θ − 3| < 0.01 for the first time. */
function stepsToReach(eta: number): number {
  const path = walk(sgd(eta), bowl, [0], 200);
  return path.findIndex(([theta]) => Math.abs(theta! - 3) < 0.01) + 1;
}

describe.each(LANGS)('learning-methods (%s): the exercises state what the maths gives', (lang) => {
  it('gradient descent on (θ − 3)²: θ₁, θ₂ and the steps to reach 0.01', () => {
    const source = text(lang, 'rate');
    for (const eta of [0.25, 0.75]) {
      const [[t1], [t2]] = walk(sgd(eta), bowl, [0], 2) as [[number], [number]];
      expect(statesAll(source, [t1, t2], 4)).toBe(true);
    }
    expect(walk(sgd(0.25), bowl, [0], 2)[1]![0]).toBeCloseTo(walk(sgd(0.75), bowl, [0], 2)[1]![0]!, 12);
    expect([0.1, 0.9, 0.25, 0.75].map(stepsToReach)).toEqual([26, 26, 9, 9]);
    expect(states(source, 26, 0) && states(source, 9, 0)).toBe(true);
    expect(stepsToReach(0.5)).toBe(1);
    expect(states(source, 3 * 0.8 ** 25, 4) && states(source, 3 * 0.8 ** 26, 4)).toBe(true);
  });

  it('momentum on (θ − 3)²: θ₁ … θ₄ and the long-run factor √0.9', () => {
    const source = text(lang, 'momentum');
    const path = walk(momentum(0.1, 0.9), bowl, [0], 4).map(([theta]) => theta!);
    expect(statesAll(source, path, 4)).toBe(true);
    expect(path[3]).toBeGreaterThan(3); // the overshoot
    expect(states(source, Math.sqrt(0.9), 3)).toBe(true);
    // The envelope of the error shrinks by √0.9 per step: over 200 steps, momentum is behind plain descent.
    const far = walk(momentum(0.1, 0.9), bowl, [0], 400).map(([theta]) => Math.abs(theta! - 3));
    const peak = (from: number) => Math.max(...far.slice(from, from + 30));
    expect((peak(300) / peak(200)) ** (1 / 100)).toBeCloseTo(Math.sqrt(0.9), 2);
    expect(peak(200)).toBeGreaterThan(3 * 0.8 ** 230);
  });

  it("Adam's first step moves each parameter by α; without the bias correction by about 3.16α", () => {
    const source = text(lang, 'adam');
    const [first] = walk(adam(0.1), () => [-6, 20], [0, 0], 1);
    expect(first![0]).toBeCloseTo(0.1, 6);
    expect(first![1]).toBeCloseTo(-0.1, 6);
    expect(statesAll(source, [0.1, -0.1], 4)).toBe(true);
    const uncorrected = (0.1 * (0.1 * 20)) / Math.sqrt(0.001 * 400);
    expect(states(source, uncorrected, 3)).toBe(true);
    expect(states(source, 0.1 / Math.sqrt(0.001), 2)).toBe(true); // 3.16
    const tenSteps = walk(adam(0.1), () => [-6, 20], [0, 0], 10).at(-1)!;
    expect(tenSteps[0]).toBeCloseTo(1.0, 6);
    expect(states(source, tenSteps[0]!, 1)).toBe(true);
  });

  it('backpropagation by hand: the loss, the four gradients and the loss after one step', () => {
    const source = text(lang, 'backprop');
    const network: Network = {
      layers: [
        { weights: [[0.5]], biases: [0.5], activation: 'sigmoid' },
        { weights: [[2]], biases: [-0.5], activation: 'linear' },
      ],
    };
    const batch = [{ input: [-1], target: [1] }];
    const { loss, gradient } = lossAndGradient(network, batch, meanSquaredError);
    const [hidden, output] = gradient as [(typeof gradient)[0], (typeof gradient)[0]];
    expect(states(source, loss, 4)).toBe(true);
    expect(
      statesAll(source, [hidden.weights[0]![0]!, hidden.biases[0]!, output.weights[0]![0]!, output.biases[0]!], 4),
    ).toBe(true);
    const optimizer = sgd(0.1);
    const next = trainStep(network, optimizer, optimizer.init(4), batch, meanSquaredError).network;
    const after = lossAndGradient(next, batch, meanSquaredError).loss;
    expect(states(source, after, 4)).toBe(true);
    const updated = [next.layers[0]!.weights[0]![0]!, next.layers[0]!.biases[0]!, next.layers[1]!.weights[0]![0]!];
    expect(statesAll(source, [...updated, next.layers[1]!.biases[0]!], 4)).toBe(true);
  });

  it('dropout: the scaled mask and the number of sub-networks', () => {
    const source = text(lang, 'dropout');
    const h = [2, 0, 1, 4, 3];
    const mask = [1, 1, 0, 1, 0];
    const dropped = h.map((value, i) => (mask[i]! * value) / 0.8);
    expect(statesAll(source, dropped, 4)).toBe(true);
    expect(states(source, dropped.reduce((a, b) => a + b, 0), 4)).toBe(true);
    expect(states(source, 2 ** 128 / 1e38, 1)).toBe(true);
  });

  it('the narrow ravine: the factors, the first three SGD steps at η = 0.3 and x after 100 steps', () => {
    const source = text(lang, 'ravine');
    const gradient = ([x, y]: number[]) => ravine.gradient(x!, y!);
    const start = [ravine.start.x, ravine.start.y];
    expect(start).toEqual([-3.5, 1.5]);
    for (const eta of [0.1, 0.2, 0.3, 0.5]) expect(statesAll(source, [1 - 0.1 * eta, 1 - 6 * eta], 4)).toBe(true);
    expect(statesAll(source, walk(sgd(0.3), gradient, start, 3).flat(), 3)).toBe(true);
    for (const eta of [0.1, 0.2, 0.3]) expect(states(source, walk(sgd(eta), gradient, start, 100)[99]![0]!, 3)).toBe(true);
    const diverging = walk(sgd(0.5), gradient, start, 13).map(([, y]) => Math.abs(y!));
    expect(diverging[11]).toBeLessThan(1e4);
    expect(diverging[12]).toBeGreaterThan(1e4);
    expect(states(source, diverging[12]!, 0)).toBe(true);
  });

  it('the return and one Q-learning update', () => {
    const source = text(lang, 'signal');
    expect(statesAll(source, [0.9 ** 2, 0.5 ** 2], 4)).toBe(true);
    expect(states(source, 0.5 + 0.1 * (0 + 0.9 * 1 - 0.5), 4)).toBe(true);
  });
});
