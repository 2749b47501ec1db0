// How the size of the signal changes through a deep stack of dense layers at initialization, the measurement
// behind the training-deep-networks note: a forward pass of a batch of random inputs, then a backward pass of a
// random gradient from the top, and per layer the spread of the activations and the norm of ∂L/∂W.
// No training and no data set: what is measured is what the initialization and the activation alone do to
// signals, before any learning could repair it. Pure and seeded (random.ts); no DOM.
import { activationFunctions, type ActivationId } from './activation-core.ts';
import { gaussian, mulberry32, type Random } from './random.ts';

/**
 * How the initial weights are scaled: Wᵢⱼ ~ N(0, σ²) with
 * - `lecun`: σ² = 1/fan_in (keeps the forward variance for a linear or tanh-like unit near 0),
 * - `xavier`: σ² = 2/(fan_in + fan_out) (Glorot and Bengio 2010: a compromise between forward and backward),
 * - `he`: σ² = 2/fan_in (He et al. 2015: ReLU zeroes half of its inputs, the 2 puts the variance back).
 */
export type InitScheme = 'lecun' | 'xavier' | 'he';

/** The variance σ² of the initial weights of a layer with `fanIn` inputs and `fanOut` neurons. */
export function initVariance(scheme: InitScheme, fanIn: number, fanOut: number): number {
  if (!(fanIn > 0 && fanOut > 0)) throw new RangeError(`fan-in and fan-out must be positive, got ${fanIn}, ${fanOut}`);
  switch (scheme) {
    case 'lecun':
      return 1 / fanIn;
    case 'xavier':
      return 2 / (fanIn + fanOut);
    case 'he':
      return 2 / fanIn;
  }
}

export interface GradientFlowSpec {
  /** Number of dense layers, each `width` → `width`. */
  readonly depth: number;
  /** Neurons per layer; the input has the same size. */
  readonly width: number;
  readonly activation: ActivationId;
  readonly init: InitScheme;
  /** Inputs in the batch, each drawn from N(0, I). */
  readonly samples: number;
  readonly seed: number;
  /** Residual connections h⁽ˡ⁾ = h⁽ˡ⁻¹⁾ + f(W⁽ˡ⁾h⁽ˡ⁻¹⁾) instead of h⁽ˡ⁾ = f(W⁽ˡ⁾h⁽ˡ⁻¹⁾). */
  readonly residual?: boolean;
}

export interface LayerFlow {
  /** 1 for the layer next to the input, `depth` for the top one. */
  readonly layer: number;
  /** Root mean square of the layer's outputs h⁽ˡ⁾ over the batch and the neurons. */
  readonly activationRms: number;
  /** Frobenius norm over the batch of δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾, the error signal backpropagation carries down. */
  readonly deltaNorm: number;
  /** Frobenius norm of ∂L/∂W⁽ˡ⁾ = Σ_b δ_b⁽ˡ⁾ h_b⁽ˡ⁻¹⁾ᵀ, the gradient an optimizer would apply to this layer. */
  readonly weightGradientNorm: number;
}

/** Rows are samples (for activations and gradients) or neurons (for weights: `w[j][i]` multiplies input i). */
export type Matrix = number[][];

/** A stack of square dense layers without biases, as initialized (biases start at zero and are left out). */
export interface Stack {
  readonly weights: readonly Matrix[];
  readonly activation: ActivationId;
  readonly residual: boolean;
}

/** What the forward pass keeps for the backward one, per layer: its input h⁽ˡ⁻¹⁾ and pre-activation z⁽ˡ⁾. */
export interface ForwardPass {
  readonly inputs: readonly Matrix[];
  readonly preActivations: readonly Matrix[];
  /** h⁽ᴸ⁾, one row per sample. */
  readonly output: Matrix;
}

export interface BackwardPass {
  /** δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾ per layer, one row per sample. */
  readonly deltas: readonly Matrix[];
  /** ∂L/∂W⁽ˡ⁾ = Σ_b δ_b⁽ˡ⁾ h_b⁽ˡ⁻¹⁾ᵀ per layer, in the shape of W⁽ˡ⁾. */
  readonly weightGradients: readonly Matrix[];
}

function randomMatrix(rows: number, cols: number, sd: number, random: Random): Matrix {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => sd * gaussian(random)));
}

/** Each row of `inputs` (one sample) multiplied by Wᵀ: the pre-activations z = W h of every sample. */
function multiplyRows(inputs: Matrix, weights: Matrix): Matrix {
  return inputs.map((h) => weights.map((row) => row.reduce((sum, w, i) => sum + w * h[i]!, 0)));
}

/** Each row of `deltas` multiplied by W: Wᵀ δ for every sample. */
function multiplyRowsTransposed(deltas: Matrix, weights: Matrix): Matrix {
  const cols = weights[0]!.length;
  return deltas.map((delta) => {
    const out = new Array<number>(cols).fill(0);
    delta.forEach((d, j) => weights[j]!.forEach((w, i) => (out[i]! += d * w)));
    return out;
  });
}

/** Σ_b δ_b h_bᵀ: row j, column i is Σ_b δ_b[j] h_b[i]. */
function batchOuterProduct(deltas: Matrix, inputs: Matrix): Matrix {
  const cols = inputs[0]!.length;
  return deltas[0]!.map((_, j) =>
    Array.from({ length: cols }, (_, i) => deltas.reduce((sum, delta, b) => sum + delta[j]! * inputs[b]![i]!, 0)),
  );
}

const add = (a: Matrix, b: Matrix): Matrix => a.map((row, r) => row.map((v, c) => v + b[r]![c]!));

/** The Frobenius norm √(Σ aᵢⱼ²). */
export function frobenius(values: Matrix): number {
  let sum = 0;
  for (const row of values) for (const v of row) sum += v * v;
  return Math.sqrt(sum);
}

/** h⁽ˡ⁾ = f(W⁽ˡ⁾h⁽ˡ⁻¹⁾), plus h⁽ˡ⁻¹⁾ when the stack is residual, for every sample (row) of `input`. */
export function forwardStack(stack: Stack, input: Matrix): ForwardPass {
  const { f } = activationFunctions[stack.activation];
  const inputs: Matrix[] = [];
  const preActivations: Matrix[] = [];
  let h = input;
  for (const w of stack.weights) {
    inputs.push(h);
    const z = multiplyRows(h, w);
    preActivations.push(z);
    const activated = z.map((row) => row.map(f));
    h = stack.residual ? add(h, activated) : activated;
  }
  return { inputs, preActivations, output: h };
}

/**
 * Backpropagation from `upstream` = ∂L/∂h⁽ᴸ⁾: δ⁽ˡ⁾ = ∂L/∂h⁽ˡ⁾ ⊙ f′(z⁽ˡ⁾), then ∂L/∂h⁽ˡ⁻¹⁾ = W⁽ˡ⁾ᵀδ⁽ˡ⁾, to
 * which a residual connection adds ∂L/∂h⁽ˡ⁾ itself: the identity path of ∂h⁽ˡ⁾/∂h⁽ˡ⁻¹⁾ = I + ∂F/∂h⁽ˡ⁻¹⁾.
 */
export function backwardStack(stack: Stack, pass: ForwardPass, upstream: Matrix): BackwardPass {
  const { df } = activationFunctions[stack.activation];
  const depth = stack.weights.length;
  const deltas = new Array<Matrix>(depth);
  const weightGradients = new Array<Matrix>(depth);
  let grad = upstream;
  for (let l = depth - 1; l >= 0; l--) {
    const z = pass.preActivations[l]!;
    const delta = grad.map((row, b) => row.map((g, j) => g * df(z[b]![j]!)));
    deltas[l] = delta;
    weightGradients[l] = batchOuterProduct(delta, pass.inputs[l]!);
    const through = multiplyRowsTransposed(delta, stack.weights[l]!);
    grad = stack.residual ? add(through, grad) : through;
  }
  return { deltas, weightGradients };
}

function positiveInteger(name: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 1))
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
}

/**
 * Per-layer activation size and gradient norms of a freshly initialized stack. The loss is a fixed random
 * linear function of the top layer's output, L = (1/B) Σ_b g_bᵀ h_b⁽ᴸ⁾ with g_b ~ N(0, I), so the gradient that
 * enters the top has the same size whatever the network computed, and any change of size on the way down is
 * the network's doing: W⁽ˡ⁾ᵀ and f′(z⁽ˡ⁾) multiplied in, layer after layer.
 */
export function gradientFlow(spec: GradientFlowSpec): LayerFlow[] {
  const { depth, width, samples } = spec;
  positiveInteger('depth', depth);
  positiveInteger('width', width);
  positiveInteger('samples', samples);
  const random = mulberry32(spec.seed);
  const sd = Math.sqrt(initVariance(spec.init, width, width));
  const stack: Stack = {
    weights: Array.from({ length: depth }, () => randomMatrix(width, width, sd, random)),
    activation: spec.activation,
    residual: spec.residual ?? false,
  };
  const pass = forwardStack(stack, randomMatrix(samples, width, 1, random));
  const { deltas, weightGradients } = backwardStack(stack, pass, randomMatrix(samples, width, 1 / samples, random));
  const outputs = [...pass.inputs.slice(1), pass.output];
  return outputs.map((output, l) => ({
    layer: l + 1,
    activationRms: frobenius(output) / Math.sqrt(samples * width),
    deltaNorm: frobenius(deltas[l]!),
    weightGradientNorm: frobenius(weightGradients[l]!),
  }));
}

/**
 * A gradient norm of every layer divided by the top layer's: 1 for the top, and how many times weaker (below 1)
 * or stronger (above 1) the learning signal is further down. The absolute sizes depend on the batch and the
 * loss; the ratios are what the depth does.
 */
export function relativeToTop(flow: readonly LayerFlow[], norm: 'deltaNorm' | 'weightGradientNorm'): number[] {
  const top = flow[flow.length - 1]?.[norm];
  if (top === undefined || top === 0) throw new RangeError('the top layer has no gradient to compare with');
  return flow.map((layer) => layer[norm] / top);
}
