// Scaled dot-product attention (Vaswani et al. 2017) on small dense matrices, as the attention note computes it by
// hand: scores S = QKᵀ/√d_k, an optional causal mask, weights A = softmax of each row of S, output O = A·V. Also
// the two formulas the note's exercises check: the sinusoidal positional encoding and the parameter count of a
// multi-head attention layer. Plain arrays of rows, no DOM: the attention widget and the tests run the same code.
import { softmax } from './activation-core.ts';

/** The row-wise softmax the weights come from: e^{x − max} / Σ e^{x − max}, so large scores cannot overflow. */
export { softmax };

/** A matrix as an array of rows; every row has the same length. */
export type Matrix = ReadonlyArray<readonly number[]>;

export interface AttentionOptions {
  /**
   * Hide later positions: query i sees keys j ≤ i only (a decoder's self-attention). A masked score is −∞ before
   * the softmax, so its weight is exactly 0 and the weights left still sum to 1.
   */
  readonly causal?: boolean;
  /** Divide the scores by √d_k (true, as in the Transformer) or leave the raw dot products (false, to compare). */
  readonly scaled?: boolean;
}

export interface AttentionResult {
  /** The raw dot products QKᵀ: `dots[i][j]` = q_i · k_j. */
  readonly dots: number[][];
  /** The scores the softmax sees: QKᵀ/√d_k (or QKᵀ when not scaled), −∞ where masked. */
  readonly scores: number[][];
  /** `masked[i][j]` is true when query i may not see key j. */
  readonly masked: boolean[][];
  /** The attention weights: each row is a probability distribution over the keys. */
  readonly weights: number[][];
  /** The output: row i is Σ_j weights[i][j] · v_j. */
  readonly output: number[][];
  /** The factor the dot products were multiplied by: 1/√d_k, or 1. */
  readonly scale: number;
}

/** The number of columns of `m` (of its first row; 0 for a matrix with no rows). */
const columns = (m: Matrix): number => m[0]?.length ?? 0;

function checkRectangular(m: Matrix, name: string): void {
  const width = columns(m);
  m.forEach((row, i) => {
    if (row.length !== width) throw new RangeError(`${name}: row ${i + 1} has ${row.length} entries, not ${width}`);
  });
}

/** The dot product a · b of two vectors of the same length. */
export function dot(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError(`dot: lengths ${a.length} and ${b.length} differ`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** The product A·B of an n × m and an m × p matrix. */
export function matmul(a: Matrix, b: Matrix): number[][] {
  checkRectangular(a, 'matmul A');
  checkRectangular(b, 'matmul B');
  if (columns(a) !== b.length && a.length > 0)
    throw new RangeError(`matmul: A has ${columns(a)} columns but B has ${b.length} rows`);
  const width = columns(b);
  return a.map((row) =>
    Array.from({ length: width }, (_, j) => row.reduce((sum, value, k) => sum + value * b[k]![j]!, 0)),
  );
}

/** The transpose Mᵀ. */
export function transpose(m: Matrix): number[][] {
  return Array.from({ length: columns(m) }, (_, j) => m.map((row) => row[j]!));
}

/** The causal mask of n positions: `mask[i][j]` is true (hidden) when j > i, the upper triangle. */
export function causalMask(n: number): boolean[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => j > i));
}

/**
 * Scaled dot-product attention, softmax(QKᵀ/√d_k)·V, with every intermediate result. Q is n × d_k (one query per
 * row), K is m × d_k, V is m × d_v; the output is n × d_v. With `causal`, query i sees keys 0 … i (Q and K must
 * then have the same number of rows, as in self-attention). Throws a RangeError when the shapes do not fit.
 */
export function attention(q: Matrix, k: Matrix, v: Matrix, options: AttentionOptions = {}): AttentionResult {
  const { causal = false, scaled = true } = options;
  checkRectangular(q, 'Q');
  checkRectangular(k, 'K');
  checkRectangular(v, 'V');
  const dk = columns(q);
  if (k.length > 0 && columns(k) !== dk) throw new RangeError(`Q has d_k = ${dk} columns but K has ${columns(k)}`);
  if (v.length !== k.length) throw new RangeError(`K has ${k.length} rows but V has ${v.length}`);
  if (causal && q.length !== k.length)
    throw new RangeError(`a causal mask needs as many queries as keys (${q.length} and ${k.length})`);

  const scale = scaled && dk > 0 ? 1 / Math.sqrt(dk) : 1;
  const dots = q.map((qi) => k.map((kj) => dot(qi, kj)));
  const masked = causal ? causalMask(q.length) : dots.map((row) => row.map(() => false));
  const scores = dots.map((row, i) => row.map((d, j) => (masked[i]![j] ? -Infinity : d * scale)));
  const weights = scores.map((row) => softmax(row));
  return { dots, scores, masked, weights, output: matmul(weights, v), scale };
}

/**
 * The sinusoidal positional encoding of Vaswani et al. (2017), section 3.5, for position `pos` in a model of width
 * `dModel`: PE(pos, 2i) = sin(pos / 10000^{2i/d_model}), PE(pos, 2i+1) = cos(pos / 10000^{2i/d_model}).
 */
export function positionalEncoding(pos: number, dModel: number): number[] {
  return Array.from({ length: dModel }, (_, index) => {
    const i = Math.floor(index / 2);
    const angle = pos / 10000 ** ((2 * i) / dModel);
    return index % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
  });
}

export interface MultiHeadShape {
  /** Width of the model's vectors, d_model. */
  readonly dModel: number;
  /** Number of heads, h. */
  readonly heads: number;
  /** Width of each head's queries and keys; d_model / h by default. */
  readonly dk?: number;
  /** Width of each head's values; d_k by default. */
  readonly dv?: number;
  /** Whether each projection has a bias vector (the original paper's formulas have none; most libraries add them). */
  readonly bias?: boolean;
}

/**
 * Parameters of one multi-head attention layer: per head W^Q_i, W^K_i (d_model × d_k) and W^V_i (d_model × d_v),
 * then W^O (h·d_v × d_model); with `bias`, one bias per output column of each. With d_k = d_v = d_model/h this is
 * 4·d_model² (+ 4·d_model), whatever h is.
 */
export function multiHeadParameters({ dModel, heads, dk, dv, bias = false }: MultiHeadShape): number {
  const keyWidth = dk ?? dModel / heads;
  const valueWidth = dv ?? keyWidth;
  const projections = heads * dModel * (2 * keyWidth + valueWidth) + heads * valueWidth * dModel;
  const biases = bias ? heads * (2 * keyWidth + valueWidth) + dModel : 0;
  return projections + biases;
}
