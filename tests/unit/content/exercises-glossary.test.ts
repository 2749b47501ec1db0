// The figures the glossary's exercises state, in both languages, computed here: batches per epoch, the FLOPs of
// one fully connected layer, and a logistic regression's probability through the site's own sigmoid.
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../../src/lib/nn/activation-core.ts';
import { exercise, states } from './exercise-source.ts';

const SLUG = 'glossary';
const LANGS = ['zh', 'en'] as const;

describe.each(LANGS)('glossary (%s): the exercises', (lang) => {
  const titles = {
    epochs: { zh: '轮次、批次与迭代', en: 'Epochs, batches and iterations' },
    flops: { zh: '全连接层的浮点运算量', en: 'The FLOPs of a fully connected layer' },
    logistic: { zh: '逻辑回归做的是分类', en: 'Logistic regression classifies' },
  } as const;
  // Large numbers are written with thousands separators, `3,910` in prose and `3{,}910` in TeX: read them whole.
  const text = (key: keyof typeof titles) =>
    exercise(lang, SLUG, titles[key][lang]).replace(/(\d)(?:\{,\}|,)(?=\d{3}(?!\d))/g, '$1');

  it('counts the iterations of 10 epochs of 50,000 examples in batches of 128', () => {
    const [examples, batch, epochs] = [50_000, 128, 10];
    const perEpoch = Math.ceil(examples / batch);
    const full = Math.floor(examples / batch);
    for (const figure of [examples / batch, perEpoch, examples - full * batch, perEpoch * epochs, full, full * epochs])
      expect(states(text('epochs'), figure, 3), String(figure)).toBe(true);
  });

  it('counts 2MNK for a 64 × 1024 by 1024 × 4096 product, and the bias and ReLU beside it', () => {
    const [M, K, N] = [64, 1024, 4096];
    const flops = 2 * M * N * K;
    for (const figure of [flops, flops / M, M * N, 2 * M * N])
      expect(states(text('flops'), figure, 0), String(figure)).toBe(true);
    expect(states(text('flops'), ((2 * M * N) / flops) * 100, 1)).toBe(true);
  });

  it('gives σ(0.6) for w = (0.5, −1), b = 0.2, x = (2, 0.6)', () => {
    const z = 0.5 * 2 + -1 * 0.6 + 0.2;
    expect(states(text('logistic'), z, 1)).toBe(true);
    expect(states(text('logistic'), sigmoid(z), 4)).toBe(true);
    expect(states(text('logistic'), Math.exp(-z), 4)).toBe(true);
    expect(sigmoid(z)).toBeGreaterThan(0.5);
  });
});
