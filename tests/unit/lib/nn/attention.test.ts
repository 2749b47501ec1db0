import { describe, expect, it } from 'vitest';
import {
  attention,
  causalMask,
  dot,
  matmul,
  multiHeadParameters,
  positionalEncoding,
  softmax,
  transpose,
  type Matrix,
} from '../../../../src/lib/nn/attention.ts';

/** The worked example of the attention note: three tokens, d_k = d_v = 2. */
const Q: Matrix = [
  [1, 0],
  [0, 1],
  [1, 1],
];
const K = Q;
const V: Matrix = [
  [1, 0],
  [0, 2],
  [1, 1],
];

const expectRowsClose = (actual: number[][], expected: number[][], digits: number) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((row, i) =>
    row.forEach((value, j) => expect(value, `[${i}][${j}]`).toBeCloseTo(expected[i]![j]!, digits)),
  );
};
const rowSums = (m: number[][]) => m.map((row) => row.reduce((a, b) => a + b, 0));

describe('matrix helpers', () => {
  it('multiplies, transposes and takes dot products', () => {
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(transpose([[1, 2, 3]])).toEqual([[1], [2], [3]]);
    expect(matmul(Q, transpose(K))).toEqual([
      [1, 0, 1],
      [0, 1, 1],
      [1, 1, 2],
    ]);
    expect(() => matmul([[1, 2]], [[1, 2]])).toThrow(RangeError);
    expect(() => dot([1], [1, 2])).toThrow(RangeError);
  });

  it('masks the upper triangle for causal attention', () => {
    expect(causalMask(3)).toEqual([
      [false, true, true],
      [false, false, true],
      [false, false, false],
    ]);
  });
});

describe('softmax', () => {
  it('gives a distribution and does not change when a constant is added', () => {
    const base = softmax([0.3, -1.2, 2]);
    expect(base.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    for (const shift of [-50, 7, 1000]) {
      const shifted = softmax([0.3 + shift, -1.2 + shift, 2 + shift]);
      shifted.forEach((p, i) => expect(p).toBeCloseTo(base[i]!, 12)); // 1000.3 itself is rounded at 1e-13
    }
  });

  it('stays finite for scores whose exponentials would overflow (max subtraction)', () => {
    const [a, b] = softmax([1000, 999]);
    expect(a).toBeCloseTo(1 / (1 + Math.exp(-1)), 15);
    expect(b).toBeCloseTo(Math.exp(-1) / (1 + Math.exp(-1)), 15);
    expect(softmax([-Infinity, 0])).toEqual([0, 1]);
  });
});

describe('scaled dot-product attention', () => {
  it('computes the worked example of the note, step by step', () => {
    const result = attention(Q, K, V);
    const r = Math.SQRT1_2; // 1/√2
    expect(result.scale).toBeCloseTo(r, 15);
    expect(result.dots).toEqual([
      [1, 0, 1],
      [0, 1, 1],
      [1, 1, 2],
    ]);
    expectRowsClose(
      result.scores,
      [
        [r, 0, r],
        [0, r, r],
        [r, r, 2 * r],
      ],
      14,
    );
    // By hand: e^{0.7071} = 2.0281, e^{1.4142} = 4.1133.
    const e1 = Math.exp(r);
    const e2 = Math.exp(2 * r);
    expectRowsClose(
      result.weights,
      [
        [e1 / (2 * e1 + 1), 1 / (2 * e1 + 1), e1 / (2 * e1 + 1)],
        [1 / (2 * e1 + 1), e1 / (2 * e1 + 1), e1 / (2 * e1 + 1)],
        [e1 / (2 * e1 + e2), e1 / (2 * e1 + e2), e2 / (2 * e1 + e2)],
      ],
      14,
    );
    expectRowsClose(
      result.weights,
      [
        [0.4011, 0.1978, 0.4011],
        [0.1978, 0.4011, 0.4011],
        [0.2483, 0.2483, 0.5035],
      ],
      4,
    );
    expectRowsClose(
      result.output,
      [
        [0.8022, 0.7967],
        [0.5989, 1.2033],
        [0.7517, 1],
      ],
      4,
    );
  });

  it('gives rows of weights that each sum to 1, masked or not', () => {
    const q = [
      [0.3, -2, 5],
      [1, 1, 1],
      [-4, 0.5, 2],
      [0, 0, 0],
    ];
    for (const causal of [false, true]) {
      const { weights } = attention(q, q, q, { causal });
      rowSums(weights).forEach((sum) => expect(sum).toBeCloseTo(1, 14));
      weights.flat().forEach((w) => expect(w).toBeGreaterThanOrEqual(0));
    }
  });

  it('gives the upper triangle weight 0 under a causal mask; the first token sees only itself', () => {
    const { weights, masked, scores, output } = attention(Q, K, V, { causal: true });
    expect(masked).toEqual(causalMask(3));
    for (let i = 0; i < 3; i++)
      for (let j = i + 1; j < 3; j++) {
        expect(weights[i]![j]).toBe(0);
        expect(scores[i]![j]).toBe(-Infinity);
      }
    expect(weights[0]).toEqual([1, 0, 0]);
    expect(output[0]).toEqual([1, 0]);
    // Row 2 renormalises over keys 1 and 2: softmax(0, 1/√2).
    expectRowsClose([weights[1]!], [[0.3302, 0.6698, 0]], 4);
    // The last query sees every key, so its row is the unmasked one.
    expect(weights[2]).toEqual(attention(Q, K, V).weights[2]);
  });

  it('divides the scores by √d_k, which flattens the weights', () => {
    const q = [[2, 2, 2, 2]];
    const k = [
      [1, 1, 1, 1],
      [0, 0, 0, 0],
    ];
    const v = [[1], [0]];
    const scaled = attention(q, k, v);
    const raw = attention(q, k, v, { scaled: false });
    expect(scaled.scale).toBe(0.5);
    expect(raw.scale).toBe(1);
    expect(scaled.scores[0]).toEqual([4, 0]);
    expect(raw.scores[0]).toEqual([8, 0]);
    expect(scaled.weights[0]![0]).toBeCloseTo(1 / (1 + Math.exp(-4)), 15);
    expect(raw.weights[0]![0]).toBeGreaterThan(scaled.weights[0]![0]!);
  });

  it('averages the values when every key is the same', () => {
    const keys = [
      [1, 2],
      [1, 2],
      [1, 2],
    ];
    const { weights, output } = attention(Q, keys, V);
    weights.flat().forEach((w) => expect(w).toBeCloseTo(1 / 3, 15));
    output.forEach((row) => expectRowsClose([row], [[2 / 3, 1]], 14));
  });

  it('refuses shapes that do not fit', () => {
    expect(() => attention([[1, 2]], [[1, 2, 3]], [[1]])).toThrow(/d_k/);
    expect(() => attention(Q, K, [[1, 0]])).toThrow(/V/);
    expect(() => attention([[1, 0]], K, V, { causal: true })).toThrow(/causal/);
  });
});

describe('positional encoding and parameter count', () => {
  it('follows the sinusoidal formula of Vaswani et al.', () => {
    expect(positionalEncoding(0, 4)).toEqual([0, 1, 0, 1]);
    const pe = positionalEncoding(1, 4);
    expect(pe[0]).toBeCloseTo(Math.sin(1), 15);
    expect(pe[1]).toBeCloseTo(Math.cos(1), 15);
    expect(pe[2]).toBeCloseTo(Math.sin(0.01), 15);
    expect(pe[3]).toBeCloseTo(Math.cos(0.01), 15);
    // Every sin/cos pair lies on the unit circle.
    const far = positionalEncoding(37, 8);
    for (let i = 0; i < 8; i += 2) expect(far[i]! ** 2 + far[i + 1]! ** 2).toBeCloseTo(1, 14);
  });

  it('counts 4·d_model² weights in multi-head attention whatever the number of heads', () => {
    expect(multiHeadParameters({ dModel: 512, heads: 8 })).toBe(4 * 512 * 512);
    expect(multiHeadParameters({ dModel: 512, heads: 1 })).toBe(4 * 512 * 512);
    expect(multiHeadParameters({ dModel: 512, heads: 8, bias: true })).toBe(4 * 512 * 512 + 4 * 512);
    expect(multiHeadParameters({ dModel: 6, heads: 2, dk: 4, dv: 1 })).toBe(2 * 6 * 9 + 2 * 6);
  });
});
