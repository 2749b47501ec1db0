// The figures the network-architectures exercises state, in both languages, against the project's own maths:
// parameter counts from src/lib/nn/mlp.ts, tanh′ from activation-core.ts, the NTM's content weights with its
// softmax, and what the playground (src/widgets/playground, the widget the note embeds) shows for the settings the
// widget exercise names.
import { describe, expect, it } from 'vitest';
import { activationFunctions, softmax } from '../../../src/lib/nn/activation-core.ts';
import { createNetwork, parameterCount } from '../../../src/lib/nn/mlp.ts';
import { mulberry32 } from '../../../src/lib/nn/random.ts';
import { DEFAULT_CONFIG, normalizeConfig, type PlaygroundConfig } from '../../../src/widgets/playground/model-config.ts';
import { createState, update } from '../../../src/widgets/playground/model.ts';
import { exercise, states, type NoteLang } from './exercise-source.ts';

const SLUG = 'network-architectures';
const LANGS = ['zh', 'en'] as const;

const TITLES = {
  dense: { zh: '数一数全连接网络的参数', en: 'Counting the parameters of a fully connected network' },
  conv: { zh: '卷积层的尺寸与参数', en: 'Sizes and parameters of convolutional layers' },
  rnn: { zh: '梯度沿时间连乘', en: 'Gradients multiplied through time' },
  ntm: { zh: '神经图灵机的内容寻址', en: 'Content addressing in a neural Turing machine' },
  widget: { zh: '在组件里找最少的神经元', en: 'The fewest neurons, found in the widget' },
  universal: { zh: '万能逼近与组件的上限', en: "Universal approximation and the widget's limit" },
} as const;

const text = (lang: NoteLang, key: keyof typeof TITLES) => exercise(lang, SLUG, TITLES[key][lang]);
const statesAll = (source: string, values: readonly number[], digits: number) =>
  values.every((value) => states(source, value, digits));

/** Σ n_l (n_{l−1} + 1) by mlp.ts: a seeded network for small sizes; for the image layer, one of the same shape
 * (parameterCount reads only the shapes, and 150 million random weights would take a minute to draw). */
function count(inputs: number, hidden: number[], outputs: number): number {
  if (inputs <= 1000) {
    const spec = { inputs, hidden, outputs, activation: 'relu', output: 'linear' } as const;
    return parameterCount(createNetwork(spec, mulberry32(1)));
  }
  const sizes = [inputs, ...hidden, outputs];
  const layers = sizes.slice(1).map((n, l) => ({
    weights: [new Array<number>(sizes[l]!).fill(0)],
    biases: new Array<number>(n).fill(0),
    activation: 'linear' as const,
  }));
  return parameterCount({ layers });
}
/** The output side of a convolution or pooling: ⌊(H + 2p − k)/s⌋ + 1. */
const side = (h: number, k: number, p: number, s: number) => Math.floor((h + 2 * p - k) / s) + 1;

/** The playground's metrics after `steps` steps of the default configuration changed by `patch`. */
function playground(patch: Partial<PlaygroundConfig>, steps: number) {
  const state = createState(normalizeConfig({ ...DEFAULT_CONFIG, ...patch }));
  return update(state, { type: 'train', steps }).metrics;
}

describe.each(LANGS)('network-architectures (%s): the exercises state what the maths gives', (lang) => {
  it('counts the parameters of dense networks as mlp.ts does', () => {
    const source = text(lang, 'dense');
    expect(statesAll(source, [count(2, [8, 8, 8, 8], 1), count(784, [256], 10)], 0)).toBe(true);
    expect(states(source, count(224 * 224 * 3, [], 1000), 0)).toBe(true);
  });

  it('gives the convolution sizes of the formula', () => {
    const source = text(lang, 'conv');
    const c1 = side(32, 5, 0, 1);
    const s2 = side(c1, 2, 0, 2);
    const c3 = side(s2, 5, 0, 1);
    const s4 = side(c3, 2, 0, 2);
    expect([c1, s2, c3, s4]).toEqual([28, 14, 10, 5]);
    expect(statesAll(source, [6 * (5 * 5 + 1), 16 * (5 * 5 * 6 + 1), s4 * s4 * 16], 0)).toBe(true);
    expect([side(32, 3, 1, 1), side(32, 3, 1, 2)]).toEqual([32, 16]);
  });

  it("multiplies tanh′ through time as activation-core's tanh does", () => {
    const source = text(lang, 'rnn');
    const slope = activationFunctions.tanh.df(Math.atanh(0.5));
    expect(slope).toBeCloseTo(0.75, 12);
    expect(states(source, (1.2 * slope) ** 50, 4)).toBe(true);
    expect(states(source, 2 ** 50 / 1e15, 2)).toBe(true);
    expect(statesAll(source, [0.99 ** 50, 0.9 ** 50], 3)).toBe(true);
  });

  it('states the content weights and the reads of the softmax', () => {
    const source = text(lang, 'ntm');
    for (const beta of [1, 10]) {
      const w = softmax([0.9, 0.5, 0.1].map((k) => beta * k));
      expect(statesAll(source, w, 4)).toBe(true);
      expect(statesAll(source, [w[0]! + w[2]!, w[1]! + w[2]!], 4)).toBe(true);
    }
  });

  it('describes what the playground shows for the settings it names', () => {
    const source = text(lang, 'widget');
    const two = playground({ dataset: 'circles', hidden: [2], seed: 1 }, 2000);
    const three = playground({ dataset: 'circles', hidden: [3], seed: 1 }, 2000);
    const linear = playground({ dataset: 'circles', hidden: [8, 8, 8, 8], activation: 'linear', seed: 1 }, 2000);
    expect(two.testAccuracy).toBeGreaterThan(0.75);
    expect(two.testAccuracy).toBeLessThan(0.86);
    expect(three.testAccuracy).toBeGreaterThan(0.97);
    expect(linear.trainLoss).toBeCloseTo(Math.LN2, 2);
    expect(states(source, Math.LN2, 3)).toBe(true);
  }, 30_000);

  it('counts the pieces eight lines cut the plane into', () => {
    expect(states(text(lang, 'universal'), 1 + 8 + (8 * 7) / 2, 0)).toBe(true);
  });
});
