// The figures the deep-learning-process exercises state, in both languages, against the project's own maths
// (src/lib/nn/mlp.ts): parameter counts, the forward passes of the worked network, the collapse of two linear
// layers into one, and the XOR network away from the corners.
import { describe, expect, it } from 'vitest';
import { createNetwork, parameterCount, predict, type Network } from '../../../src/lib/nn/mlp.ts';
import { mulberry32 } from '../../../src/lib/nn/random.ts';
import { exercise, states, type NoteLang } from './exercise-source.ts';

const SLUG = 'deep-learning-process';
const LANGS = ['zh', 'en'] as const;

const TITLES = {
  count: { zh: '数参数', en: 'Counting parameters' },
  forward: { zh: '换个输入再算一次前向传播', en: 'The forward pass for other inputs' },
  linear: { zh: '两层线性等于一层', en: 'Two linear layers make one' },
  xor: { zh: 'XOR 网络在四个角之外', en: 'The XOR network away from the corners' },
  restarts: { zh: '多试几次的代价', en: 'The price of trying again' },
} as const;

const text = (lang: NoteLang, key: keyof typeof TITLES) => exercise(lang, SLUG, TITLES[key][lang]);
const statesAll = (source: string, values: readonly number[], digits: number) =>
  values.every((value) => states(source, value, digits));
const count = (inputs: number, hidden: number[], outputs: number) =>
  parameterCount(createNetwork({ inputs, hidden, outputs, activation: 'relu', output: 'linear' }, mulberry32(1)));

/** The worked example of the note: ReLU hidden layer, sigmoid output. */
const worked: Network = {
  layers: [
    {
      weights: [
        [1, -1],
        [0.5, 0.5],
      ],
      biases: [0, -1],
      activation: 'relu',
    },
    { weights: [[1, 2]], biases: [-0.5], activation: 'sigmoid' },
  ],
};

/** The two-layer network of the exercise, with the hidden activation given. */
const twoLayer = (activation: 'linear' | 'relu'): Network => ({
  layers: [
    {
      weights: [
        [1, 2],
        [0, 1],
      ],
      biases: [1, -1],
      activation,
    },
    { weights: [[3, -1]], biases: [2], activation: 'linear' },
  ],
});

/** The XOR network of the note: h₁ = ReLU(x₁ + x₂), h₂ = ReLU(x₁ + x₂ − 1), f = h₁ − 2h₂. */
const xor: Network = {
  layers: [
    {
      weights: [
        [1, 1],
        [1, 1],
      ],
      biases: [0, -1],
      activation: 'relu',
    },
    { weights: [[1, -2]], biases: [0], activation: 'linear' },
  ],
};

describe.each(LANGS)('deep-learning-process (%s): the exercises state what the maths gives', (lang) => {
  it('counts parameters as mlp.ts does', () => {
    const source = text(lang, 'count');
    expect(statesAll(source, [count(784, [256, 128], 10), count(2, [8], 1)], 0)).toBe(true);
    expect(statesAll(source, [count(784, [128], 10), count(784, [256], 10)], 0)).toBe(true);
  });

  it('runs the forward pass of the worked network', () => {
    const source = text(lang, 'forward');
    for (const input of [
      [2, 1],
      [0, 0],
    ]) {
      expect(states(source, predict(worked, input)[0]!, 4)).toBe(true);
    }
  });

  it('collapses two linear layers into W′x + b′, and ReLU breaks the collapse', () => {
    const source = text(lang, 'linear');
    const affine = ([x1, x2]: number[]) => 3 * x1! + 5 * x2! + 6;
    for (const input of [
      [1, 1],
      [-3, 0],
      [0.7, -2.5],
    ]) {
      expect(predict(twoLayer('linear'), input)[0]).toBeCloseTo(affine(input), 12);
    }
    expect(states(source, predict(twoLayer('linear'), [1, 1])[0]!, 4)).toBe(true);
    expect(states(source, predict(twoLayer('relu'), [-3, 0])[0]!, 4)).toBe(true);
    expect(states(source, affine([-3, 0]), 4)).toBe(true);
  });

  it('evaluates the XOR network away from the corners', () => {
    const source = text(lang, 'xor');
    const f = (input: number[]) => predict(xor, input)[0]!;
    expect([f([0, 0]), f([0, 1]), f([1, 0]), f([1, 1])]).toEqual([0, 1, 1, 0]);
    expect(statesAll(source, [f([0.5, 0.5]), f([1, 0.5]), f([2, 2])], 4)).toBe(true);
    // f depends on s = x₁ + x₂ only, and f > 0.5 exactly on 0.5 < s < 1.5.
    for (const s of [0.25, 0.5, 0.75, 1, 1.25, 1.5, 3]) {
      expect(f([s, 0])).toBeCloseTo(f([s / 2, s / 2]), 12);
      expect(f([s, 0])).toBeCloseTo(s <= 1 ? s : 2 - s, 12);
    }
  });

  it('counts the restarts', () => {
    const source = text(lang, 'restarts');
    const needed = Math.ceil(Math.log(0.05) / Math.log(0.79));
    expect(needed).toBe(13);
    expect(states(source, needed, 0)).toBe(true);
    expect(statesAll(source, [1 - 0.04 ** 2, 100 * (1 - 0.79 ** 13)], 1)).toBe(true);
    expect(states(source, 1 - 0.04 ** 2, 4)).toBe(true);
  });
});
