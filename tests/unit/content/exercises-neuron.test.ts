// The answers the neuron note's exercises state, in both languages, against the project's own neuron
// (src/lib/nn/neuron.ts): the same numbers the widget shows.
import { describe, expect, it } from 'vitest';
import { activations, type ActivationId } from '../../../src/lib/nn/activations.ts';
import { neuron } from '../../../src/lib/nn/neuron.ts';
import { exercise, states, type NoteLang } from './exercise-source.ts';

const SLUG = 'neuron';

/** The neuron's output, or the test fails with the model's error. */
function run(inputs: number[], weights: number[], bias: number, activation: ActivationId) {
  const result = neuron({ inputs, weights, bias, activation });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const TITLES: Record<NoteLang, Record<string, string>> = {
  zh: {
    byHand: '手算一个神经元',
    threshold: '从阈值到偏置',
    distance: '到决策边界的距离',
    nand: '用一个神经元实现与非',
    widget: '在组件里找到边界',
    collapse: '两层线性等于一层',
  },
  en: {
    byHand: 'Compute a neuron by hand',
    threshold: 'From a threshold to a bias',
    distance: 'Distance to the decision boundary',
    nand: 'NAND with one neuron',
    widget: 'Find the boundary in the widget',
    collapse: 'Two linear layers make one',
  },
};

describe.each(['zh', 'en'] as const)('neuron (%s): the exercises’ answers', (lang) => {
  const text = (key: string) => exercise(lang, SLUG, TITLES[lang][key]!);

  it('computes z and the three outputs by hand, and ReLU’s zero gradient', () => {
    const x = [2, -1, 0.5];
    const w = [0.4, 0.6, -1.2];
    const solution = text('byHand');
    const relu = run(x, w, 0.2, 'relu');
    expect(states(solution, relu.z, 1)).toBe(true);
    expect(relu.y).toBe(0);
    expect(relu.dydz).toBe(0);
    for (const activation of ['sigmoid', 'tanh'] as const) {
      const { y, dydz } = run(x, w, 0.2, activation);
      expect(states(solution, y, 4), `${activation}(z)`).toBe(true);
      expect(states(solution, dydz, 4), `${activation}′(z)`).toBe(true);
    }
  });

  it('turns the threshold into a bias and classifies the three points', () => {
    const solution = text('threshold');
    const fires = (x: number[]) => run(x, [2, 1], -3, 'step');
    expect([fires([1, 1.5]).y, fires([1, 0.5]).y, fires([0, 4]).y]).toEqual([1, 0, 1]);
    for (const point of [[1, 1.5], [1, 0.5], [0, 4]]) expect(states(solution, fires(point).z, 1)).toBe(true);
  });

  it('measures the signed distance to the line and the line’s distance from the origin', () => {
    const { z } = run([2, 1], [3, 4], -5, 'linear');
    const norm = Math.hypot(3, 4);
    expect(z).toBe(5);
    expect(states(text('distance'), z / norm, 0)).toBe(true);
    expect(Math.abs(-5) / norm).toBe(1);
  });

  it('computes NAND with one neuron and XOR with two layers', () => {
    const step = (x: number[], w: number[], b: number) => run(x, w, b, 'step').y;
    const inputs = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    expect(inputs.map((x) => step(x, [-1, -1], 1.5))).toEqual([1, 1, 1, 0]);
    const xor = (x: number[]) => step([step(x, [1, 1], -0.5), step(x, [-1, -1], 1.5)], [1, 1], -1.5);
    expect(inputs.map(xor)).toEqual([0, 1, 1, 0]);
    expect(text('nand')).toContain('1.5');
  });

  it('finds the bias that puts the widget’s example on the boundary, and the output with x₂ = 1', () => {
    const solution = text('widget');
    expect(run([0.5, -1], [1.2, 0.3], -0.3, 'sigmoid').y).toBe(0.5);
    expect(run([0.5, -1], [1.2, 0.3], -0.3, 'relu').y).toBe(0);
    const moved = run([0.5, 1], [1.2, 0.3], 0.1, 'sigmoid');
    expect(moved.z).toBe(1);
    expect(states(solution, moved.y, 4)).toBe(true);
    expect(moved.y).toBeCloseTo(activations.sigmoid.f(1), 12);
  });

  it('collapses two linear layers into the single neuron it states', () => {
    const x = [1, 2];
    const hidden = [run(x, [1, 2], 1, 'linear').y, run(x, [0, 1], 0, 'linear').y];
    const twoLayers = run(hidden, [1, -1], 0.5, 'linear').y;
    const single = run(x, [1, 1], 1.5, 'linear').y;
    expect(hidden).toEqual([6, 2]);
    expect(twoLayers).toBe(single);
    expect(states(text('collapse'), single, 1)).toBe(true);
  });
});
