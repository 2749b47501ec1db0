// The answers the activation-functions note's exercises state, in both languages, against the project's own
// activation functions (src/lib/nn/activations.ts), which the plotter draws.
import { describe, expect, it } from 'vitest';
import { activations, softmax } from '../../../src/lib/nn/activations.ts';
import { exercise, states, type NoteLang } from './exercise-source.ts';

const SLUG = 'activation-functions';

const TITLES: Record<NoteLang, Record<string, string>> = {
  zh: {
    sigmoid: 'sigmoid 的最好情况',
    negative: '负半轴',
    softmax: '先减去最大值再算 softmax',
    twoClasses: '两类的 softmax 就是 sigmoid',
    gelu: '在绘图组件里看 GELU 的凹陷',
    dead: '一个死掉的单元',
  },
  en: {
    sigmoid: 'The best case for the sigmoid',
    negative: 'The negative side',
    softmax: 'Softmax with the maximum subtracted',
    twoClasses: 'Softmax over two classes is the sigmoid',
    gelu: "GELU's dip in the plotter",
    dead: 'A unit that died',
  },
};

describe.each(['zh', 'en'] as const)('activation-functions (%s): the exercises’ answers', (lang) => {
  const text = (key: string) => exercise(lang, SLUG, TITLES[lang][key]!);

  it('states σ′(0), its tenth power and the factor 1 of tanh at 0 and of ReLU', () => {
    const solution = text('sigmoid');
    expect(activations.sigmoid.df(0)).toBe(0.25);
    expect(states(solution, 0.25, 2)).toBe(true);
    // Written as 9.5 × 10^{-7}.
    expect((activations.sigmoid.df(0) ** 10 / 1e-7).toFixed(1)).toBe('9.5');
    expect(solution).toMatch(/9\.5 \\times 10\^\{-7\}/);
    expect(activations.tanh.df(0)).toBe(1);
    expect(activations.relu.df(3)).toBe(1);
  });

  it('states every value and slope at x = −1, and only ReLU’s slope is 0', () => {
    const solution = text('negative');
    for (const id of ['relu', 'leakyRelu', 'elu', 'sigmoid', 'tanh'] as const) {
      const { f, df } = activations[id];
      expect(states(solution, f(-1), 4), `${id}(−1)`).toBe(true);
      expect(states(solution, df(-1), 4), `${id}′(−1)`).toBe(true);
      expect(df(-1) === 0).toBe(id === 'relu');
    }
  });

  it('states softmax(3, 2, 1), equal to softmax(2, 1, 0)', () => {
    const solution = text('softmax');
    const probabilities = softmax([3, 2, 1]);
    for (const p of probabilities) expect(states(solution, p, 4)).toBe(true);
    softmax([2, 1, 0]).forEach((p, i) => expect(p).toBeCloseTo(probabilities[i]!, 15));
  });

  it('states σ(1) as the first of the two-class softmax', () => {
    const solution = text('twoClasses');
    const [first, second] = softmax([1, 0]);
    expect(first).toBeCloseTo(activations.sigmoid.f(1), 15);
    expect(states(solution, first!, 4)).toBe(true);
    expect(states(solution, second!, 4)).toBe(true);
  });

  it('reads GELU at −1 and its minimum as the plotter shows them', () => {
    const solution = text('gelu');
    const { f, df } = activations.gelu;
    expect(states(solution, f(-1), 4)).toBe(true);
    expect(states(solution, df(-1), 4)).toBe(true);
    expect(df(-1)).toBeLessThan(0);
    // The minimum, where f′ crosses 0, found by bisection.
    let [low, high] = [-1, -0.5];
    while (high - low > 1e-9) {
      const mid = (low + high) / 2;
      if (df(mid) < 0) low = mid;
      else high = mid;
    }
    expect(states(solution, low, 2)).toBe(true);
    expect(states(solution, f(low), 2)).toBe(true);
  });

  it('shows the dead unit’s zero gradient and leaky ReLU’s small one', () => {
    const solution = text('dead');
    const largest = 0.5 * 1 + 0.5 * 1 - 3;
    expect(largest).toBe(-2);
    expect(activations.relu.df(largest)).toBe(0);
    expect(activations.leakyRelu.df(largest)).toBe(0.01);
    expect(states(solution, 0.01, 2)).toBe(true);
  });
});
