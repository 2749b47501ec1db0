// The figures the attention-and-transformers note states, in both languages, against the project's own maths
// (src/lib/nn/attention.ts): the worked example, the causal mask, the exercises' answers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  attention,
  multiHeadParameters,
  positionalEncoding,
  softmax,
  type Matrix,
} from '../../../src/lib/nn/attention.ts';
import { exercise, states, type NoteLang } from './exercise-source.ts';

const SLUG = 'attention-and-transformers';
const LANGS = ['zh', 'en'] as const;
const source = (lang: NoteLang): string => readFileSync(`content/notes/${lang}/${SLUG}.mdx`, 'utf8');

/** The worked example: three tokens, d_k = d_v = 2. */
const Q: Matrix = [
  [1, 0],
  [0, 1],
  [1, 1],
];
const V: Matrix = [
  [1, 0],
  [0, 2],
  [1, 1],
];
const plain = attention(Q, Q, V);
const causal = attention(Q, Q, V, { causal: true });

/** Whether `text` states every number of `values` to `digits` decimals. */
const statesAll = (text: string, values: readonly number[], digits: number) =>
  values.every((value) => states(text, value, digits));

describe.each(LANGS)('attention-and-transformers (%s): the worked example', (lang) => {
  it('writes out the scores, the weights and the output as attention.ts computes them', () => {
    const text = source(lang);
    expect(statesAll(text, plain.scores.flat(), 4)).toBe(true);
    expect(statesAll(text, [Math.exp(Math.SQRT1_2), Math.exp(Math.SQRT2)], 4)).toBe(true);
    expect(statesAll(text, [1 + 2 * Math.exp(Math.SQRT1_2), 2 * Math.exp(Math.SQRT1_2) + Math.exp(Math.SQRT2)], 4)).toBe(
      true,
    );
    expect(statesAll(text, plain.weights.flat(), 4)).toBe(true);
    expect(statesAll(text, plain.output.flat(), 4)).toBe(true);
    expect(plain.output[2]![1]).toBeCloseTo(1, 14); // "exactly 1"
  });

  it('writes out the causal version as attention.ts computes it', () => {
    const text = source(lang);
    expect(causal.weights[0]).toEqual([1, 0, 0]);
    expect(statesAll(text, causal.weights[1]!, 4)).toBe(true);
    expect(statesAll(text, causal.output[1]!, 4)).toBe(true);
  });

  it('quotes the softmax figures of the scaling argument and the stable softmax', () => {
    const text = source(lang);
    const [unscaled] = softmax([8, 0]);
    const [scaled] = softmax([1, 0]);
    expect(states(text, unscaled!, 5)).toBe(true);
    expect(states(text, unscaled! * (1 - unscaled!), 5)).toBe(true);
    expect(states(text, scaled!, 4)).toBe(true);
    expect(states(text, scaled! * (1 - scaled!), 4)).toBe(true);
    expect(statesAll(text, softmax([1000, 999]), 4)).toBe(true);
  });
});

describe.each(LANGS)('attention-and-transformers (%s): the exercises', (lang) => {
  const titles = {
    scaling: { zh: '为什么要除以 √d_k', en: 'Why divide by √d_k' },
    mask: { zh: '用组件看因果掩码', en: 'The causal mask in the widget' },
    shift: { zh: '给所有键加同一个向量', en: 'Add the same vector to every key' },
    swap: { zh: '交换两个词元', en: 'Swap two tokens' },
    count: { zh: '数一数参数', en: 'Count the parameters' },
    positions: { zh: '算两个位置编码', en: 'Two positional encodings' },
  } as const;
  const text = (key: keyof typeof titles) => exercise(lang, SLUG, titles[key][lang]);

  it('gives the softmax weight and its derivative with and without scaling', () => {
    expect(states(text('scaling'), Math.sqrt(64), 0)).toBe(true); // the standard deviation of q · k
    for (const scores of [
      [8, 0],
      [1, 0],
    ]) {
      const [a] = softmax(scores);
      expect(states(text('scaling'), a!, 4)).toBe(true);
      expect(states(text('scaling'), a! * (1 - a!), 4)).toBe(true);
    }
  });

  it('masks row 2 and renormalizes the zeroed unmasked row to the same weights', () => {
    expect(statesAll(text('mask'), causal.weights[1]!, 4)).toBe(true);
    expect(statesAll(text('mask'), causal.output[1]!, 4)).toBe(true);
    const zeroed = [plain.weights[1]![0]!, plain.weights[1]![1]!, 0];
    const sum = zeroed[0]! + zeroed[1]!;
    expect(states(text('mask'), sum, 4)).toBe(true);
    zeroed.forEach((w, j) => expect(w / sum).toBeCloseTo(causal.weights[1]![j]!, 12));
  });

  it('keeps the weights when the same vector is added to every key', () => {
    const shifted = Q.map(([a, b]) => [a! + 1, b!]);
    const result = attention(Q, shifted, V);
    result.weights.flat().forEach((w, i) => expect(w).toBeCloseTo(plain.weights.flat()[i]!, 12));
    expect(statesAll(text('shift'), result.scores[0]!, 4)).toBe(true);
    expect(statesAll(text('shift'), result.weights[0]!, 4)).toBe(true);
  });

  it('swaps the outputs of swapped tokens', () => {
    const swap = (m: Matrix): Matrix => [m[1]!, m[0]!, m[2]!];
    const result = attention(swap(Q), swap(Q), swap(V));
    expect(result.output[0]).toEqual(plain.output[1]);
    expect(statesAll(text('swap'), result.output.flat(), 4)).toBe(true);
  });

  it('counts the parameters of the base model', () => {
    const attentionWithBias = multiHeadParameters({ dModel: 512, heads: 8, bias: true });
    expect(multiHeadParameters({ dModel: 512, heads: 16, bias: true })).toBe(attentionWithBias);
    const feedForward = 512 * 2048 + 2048 + 2048 * 512 + 512;
    const layerNorms = 2 * 2 * 512;
    const written = text('count').replace(/\{,\}/g, '');
    for (const value of [512 * 64, attentionWithBias, multiHeadParameters({ dModel: 512, heads: 8 }), feedForward])
      expect(states(written, value, 0), String(value)).toBe(true);
    expect(states(written, attentionWithBias + feedForward + layerNorms, 0)).toBe(true);
  });

  it('writes two sinusoidal positional encodings', () => {
    expect(statesAll(text('positions'), positionalEncoding(1, 4), 4)).toBe(true);
    expect(statesAll(text('positions'), positionalEncoding(2, 4), 4)).toBe(true);
  });
});
