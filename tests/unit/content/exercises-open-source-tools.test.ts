// The figures the open-source-tools exercises state, in both languages: GEMM operation counts (2·M·K·N) for a
// dense layer forward and backward and for an im2col convolution, the roofline bounds, and a small dense layer
// computed with the project's own matrix product (src/lib/nn/attention.ts).
import { describe, expect, it } from 'vitest';
import { matmul, transpose } from '../../../src/lib/nn/attention.ts';
import { activationFunctions } from '../../../src/lib/nn/activation-core.ts';
import { exercise, states } from './exercise-source.ts';

const SLUG = 'open-source-tools';
const LANGS = ['zh', 'en'] as const;
const gemmFlops = (m: number, k: number, n: number) => 2 * m * k * n;

describe.each(LANGS)('open-source-tools (%s): the exercises', (lang) => {
  const titles = {
    dense: { zh: '一个全连接层的前向与反向', en: 'A dense layer forward and backward' },
    im2col: { zh: '把卷积展开成矩阵', en: 'Unroll a convolution into a matrix' },
    roofline: { zh: '受限于算力还是带宽', en: 'Bound by compute or by bandwidth' },
    numpy: { zh: '用 NumPy 算一层', en: 'A layer in NumPy' },
  } as const;
  const text = (key: keyof typeof titles) => exercise(lang, SLUG, titles[key][lang]);
  // The solutions write large counts with thousands separators (12,845,056 or 12{,}845{,}056).
  const plain = (key: keyof typeof titles) => text(key).replace(/(\d)(?:\{,\}|,)(?=\d{3}\b)/g, '$1');

  it('counts a 32 × 784 → 256 layer: forward, the two backward GEMMs, three times in all', () => {
    const forward = gemmFlops(32, 784, 256);
    expect(gemmFlops(256, 32, 784)).toBe(forward); // ∂L/∂W = Gᵀ X
    expect(gemmFlops(32, 256, 784)).toBe(forward); // ∂L/∂X = G W
    expect(states(plain('dense'), forward, 0)).toBe(true);
    expect(states(plain('dense'), 3 * forward, 0)).toBe(true);
    expect(states(plain('dense'), forward / 1e9, 4)).toBe(true);
    expect(states(plain('dense'), (3 * forward) / 1e9, 4)).toBe(true);
  });

  it('unrolls a 3×3, 3 → 16 channel convolution over 32 × 32', () => {
    const [m, k, n] = [32 * 32, 3 * 3 * 3, 16];
    expect(states(plain('im2col'), gemmFlops(m, k, n), 0)).toBe(true);
    expect(states(plain('im2col'), m * k, 0)).toBe(true);
    expect(states(plain('im2col'), 32 * 32 * 3, 0)).toBe(true);
    expect(states(plain('im2col'), (m * k) / (32 * 32 * 3), 0)).toBe(true);
  });

  it('finds the ridge point and the memory-bound rates of the roofline', () => {
    const [peak, bandwidth] = [1e12, 100e9];
    const ridge = peak / bandwidth;
    expect(states(text('roofline'), ridge, 0)).toBe(true);
    const axpy = (bandwidth / 12) / 1e9;
    expect(states(text('roofline'), axpy, 2)).toBe(true);
    expect(states(text('roofline'), (100 * axpy * 1e9) / peak, 2)).toBe(true);
    expect(states(text('roofline'), ridge * 12, 0)).toBe(true); // double: n/12 ≥ 10
    expect(states(text('roofline'), ridge * 6, 0)).toBe(true); // single: n/6 ≥ 10
  });

  it('computes Z = XWᵀ + b and ReLU(Z) with matmul', () => {
    const X = [
      [1, 2, 0],
      [0, 1, -1],
    ];
    const W = [
      [1, 0, 2],
      [-1, 1, 1],
    ];
    const b = [0.5, -1];
    const product = matmul(X, transpose(W));
    const Z = product.map((row) => row.map((value, j) => value + b[j]!));
    const relu = Z.map((row) => row.map((z) => activationFunctions.relu.f(z)));
    const answer = text('numpy').split(/答案|Answer/).pop()!;
    const matrix = (rows: number[][]) => rows.map((row) => row.join(' & ')).join(' \\\\ ');
    expect(answer).toContain(matrix(Z));
    expect(answer).toContain(matrix(relu));
    expect(text('numpy')).toContain(matrix(product));
    expect(states(answer, gemmFlops(2, 3, 2), 0)).toBe(true);
  });
});
