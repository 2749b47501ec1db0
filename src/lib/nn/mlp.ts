// A small multilayer perceptron with backpropagation, written to be read next to the learning-methods note:
// dense layers z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = f(z⁽ˡ⁾), the activations of activations.ts, mean-squared-error and
// cross-entropy losses, L2 regularization, inverted dropout (training only) and seeded initialization.
// Pure: nothing is mutated, every random draw comes from a `Random` passed in, no DOM. The optimizers live in
// optimizers.ts and are re-exported here. The activations come from activation-core.ts, the maths half of
// activations.ts (which adds the KaTeX formulas): the playground ships to the browser and needs no TeX.
import { activationFunctions, sigmoid, type ActivationId } from './activation-core.ts';
import { gaussian, type Random } from './random.ts';
import type { Optimizer, OptimizerState } from './optimizers.ts';

export * from './optimizers.ts';

/** A layer's activation: one of `activations`; `linear` (f(z) = z, f′ = 1) for an output of logits. */
export type LayerActivation = ActivationId;

/** The trainable numbers of one dense layer (also the shape of its gradient). */
export interface LayerParams {
  /** W, one row per neuron of the layer: `weights[j][i]` multiplies input i of neuron j. */
  readonly weights: readonly (readonly number[])[];
  /** b, one per neuron. */
  readonly biases: readonly number[];
}

export interface Layer extends LayerParams {
  readonly activation: LayerActivation;
}

/** Layers in order from the input; the input size is the number of columns of the first W. */
export interface Network {
  readonly layers: readonly Layer[];
}

/** ∂L/∂W and ∂L/∂b of every layer, in the shape of the network. */
export type Gradients = readonly LayerParams[];

export interface NetworkSpec {
  readonly inputs: number;
  /** Neurons per hidden layer, e.g. [8, 8]; may be empty (logistic regression). */
  readonly hidden: readonly number[];
  readonly outputs: number;
  /** Activation of every hidden layer. */
  readonly activation: ActivationId;
  /** Activation of the output layer; `linear` for logits fed to `crossEntropy`. */
  readonly output: LayerActivation;
}

/** Activations whose initial weights follow He (ReLU-like: half the inputs are roughly cut off). */
const HE_INIT: ReadonlySet<LayerActivation> = new Set(['relu', 'leakyRelu', 'elu', 'gelu', 'silu']);

/**
 * A network with seeded random weights and zero biases. Wᵢⱼ ~ N(0, σ²) with σ² = 2/n_in (He et al. 2015) for
 * ReLU-like activations and σ² = 2/(n_in + n_out) (Glorot and Bengio 2010) otherwise, so signals neither
 * vanish nor explode at the start. The same `random` state gives the same network.
 */
export function createNetwork(spec: NetworkSpec, random: Random): Network {
  const sizes = [spec.inputs, ...spec.hidden, spec.outputs];
  const layers: Layer[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const fanIn = sizes[l - 1]!;
    const fanOut = sizes[l]!;
    const activation = l === sizes.length - 1 ? spec.output : spec.activation;
    const sd = Math.sqrt(HE_INIT.has(activation) ? 2 / fanIn : 2 / (fanIn + fanOut));
    const weights = Array.from({ length: fanOut }, () => Array.from({ length: fanIn }, () => sd * gaussian(random)));
    layers.push({ weights, biases: new Array<number>(fanOut).fill(0), activation });
  }
  return { layers };
}

/** Layer sizes from the input to the output: [2, 8, 8, 1]. */
export function layerSizes(network: Network): number[] {
  return [network.layers[0]?.weights[0]?.length ?? 0, ...network.layers.map((layer) => layer.biases.length)];
}

/** Inverted dropout in training: each hidden unit is zeroed with probability `rate`, the kept ones scaled. */
export interface DropoutOptions {
  /** p, the probability of dropping a unit, in [0, 1). */
  readonly rate: number;
  readonly random: Random;
}

/** Everything the backward pass needs from the forward pass. */
export interface ForwardTrace {
  readonly input: readonly number[];
  /** Pre-activations z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, one vector per layer. */
  readonly z: readonly (readonly number[])[];
  /** Outputs a⁽ˡ⁾ = f(z⁽ˡ⁾) ⊙ m⁽ˡ⁾ (m the dropout mask), one vector per layer; the last is the network's output. */
  readonly a: readonly (readonly number[])[];
  /** Dropout masks, 0 or 1/(1 − p) per unit; undefined for a layer without dropout (the output, or p = 0). */
  readonly masks: readonly (readonly number[] | undefined)[];
}

/**
 * The forward pass, layer by layer: z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ with a⁽⁰⁾ = x, a⁽ˡ⁾ = f⁽ˡ⁾(z⁽ˡ⁾).
 * With `dropout` (training only), each hidden a⁽ˡ⁾ⱼ is multiplied by rⱼ/(1 − p), rⱼ ~ Bernoulli(1 − p), so its
 * expected value is unchanged and evaluation simply runs without dropout. The output layer never drops.
 */
export function forward(network: Network, input: readonly number[], dropout?: DropoutOptions): ForwardTrace {
  const z: number[][] = [];
  const a: number[][] = [];
  const masks: (number[] | undefined)[] = [];
  let previous: readonly number[] = input;
  const last = network.layers.length - 1;
  network.layers.forEach((layer, l) => {
    const f = activationFunctions[layer.activation].f;
    const zl = layer.weights.map((row, j) => {
      let sum = layer.biases[j]!;
      for (let i = 0; i < row.length; i++) sum += row[i]! * previous[i]!;
      return sum;
    });
    let al = zl.map(f);
    let mask: number[] | undefined;
    if (dropout && dropout.rate > 0 && l < last) {
      const keep = 1 - dropout.rate;
      mask = al.map(() => (dropout.random.next() < keep ? 1 / keep : 0));
      al = al.map((value, j) => value * mask![j]!);
    }
    z.push(zl);
    a.push(al);
    masks.push(mask);
    previous = al;
  });
  return { input, z, a, masks };
}

/** The network's output for `input` (no dropout). */
export function predict(network: Network, input: readonly number[]): number[] {
  return forward(network, input).a.at(-1)!.slice();
}

/**
 * The backward pass (backpropagation), given g = ∂ℓ/∂a⁽ᴸ⁾ from the loss:
 * δ⁽ᴸ⁾ = g ⊙ f′(z⁽ᴸ⁾); ∂ℓ/∂W⁽ˡ⁾ = δ⁽ˡ⁾ a⁽ˡ⁻¹⁾ᵀ; ∂ℓ/∂b⁽ˡ⁾ = δ⁽ˡ⁾;
 * δ⁽ˡ⁻¹⁾ = (W⁽ˡ⁾ᵀ δ⁽ˡ⁾) ⊙ m⁽ˡ⁻¹⁾ ⊙ f′(z⁽ˡ⁻¹⁾), m the dropout mask of the forward pass (1 without dropout).
 */
export function backward(network: Network, trace: ForwardTrace, outputGradient: readonly number[]): Gradients {
  const layers = network.layers;
  const gradients: LayerParams[] = new Array(layers.length);
  const L = layers.length - 1;
  const dfL = activationFunctions[layers[L]!.activation].df;
  let delta = trace.z[L]!.map((z, j) => outputGradient[j]! * dfL(z));
  for (let l = L; l >= 0; l--) {
    const layer = layers[l]!;
    const inputs = l > 0 ? trace.a[l - 1]! : trace.input;
    const d = delta;
    gradients[l] = { weights: d.map((dj) => inputs.map((x) => dj * x)), biases: d.slice() };
    if (l > 0) {
      const df = activationFunctions[layers[l - 1]!.activation].df;
      const mask = trace.masks[l - 1];
      delta = trace.z[l - 1]!.map((z, i) => {
        let back = 0;
        for (let j = 0; j < d.length; j++) back += layer.weights[j]![i]! * d[j]!;
        return back * (mask ? mask[i]! : 1) * df(z);
      });
    }
  }
  return gradients;
}

export const LOSS_IDS = ['mse', 'crossEntropy'] as const;
export type LossId = (typeof LOSS_IDS)[number];

/** A loss of one example: its value ℓ(ŷ, y) and its gradient ∂ℓ/∂ŷ with respect to the network's output ŷ. */
export interface Loss {
  readonly id: LossId;
  value(output: readonly number[], target: readonly number[]): number;
  gradient(output: readonly number[], target: readonly number[]): number[];
}

/**
 * Squared error ℓ = ½ Σₖ (ŷₖ − yₖ)², ∂ℓ/∂ŷₖ = ŷₖ − yₖ (the ½ as in the note's backprop example); averaged over a
 * batch it is the mean squared error. Use it with any output activation (linear for regression).
 */
export const meanSquaredError: Loss = {
  id: 'mse',
  value: (output, target) => output.reduce((sum, y, k) => sum + 0.5 * (y - target[k]!) ** 2, 0),
  gradient: (output, target) => output.map((y, k) => y - target[k]!),
};

/** ln(1 + eˣ) without overflow: max(x, 0) + ln(1 + e^{−|x|}). */
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/**
 * Cross-entropy on logits (the output layer must be `linear`), computed so that no exponential overflows:
 * - one output z, target y ∈ [0, 1] (binary, sigmoid): ℓ = −y ln σ(z) − (1 − y) ln(1 − σ(z))
 *   = max(z, 0) − z·y + ln(1 + e^{−|z|}), ∂ℓ/∂z = σ(z) − y;
 * - K ≥ 2 outputs, target a distribution (one-hot): ℓ = −Σₖ yₖ ln softmax(z)ₖ = logΣexp(z) − Σₖ yₖzₖ
 *   (for Σy = 1), ∂ℓ/∂zₖ = softmax(z)ₖ − yₖ, with logΣexp(z) = m + ln Σₖ e^{zₖ − m}, m = maxₖ zₖ.
 * Finite for every finite logit: a saturated z = ±1000 gives a loss of 0 or 1000, never NaN.
 */
export const crossEntropy: Loss = {
  id: 'crossEntropy',
  value(output, target) {
    if (output.length === 1) {
      const z = output[0]!;
      const y = target[0]!;
      return y * softplus(-z) + (1 - y) * softplus(z);
    }
    const m = Math.max(...output);
    const logSumExp = m + Math.log(output.reduce((sum, z) => sum + Math.exp(z - m), 0));
    return output.reduce((sum, z, k) => sum + target[k]! * (logSumExp - z), 0);
  },
  gradient(output, target) {
    if (output.length === 1) return [sigmoid(output[0]!) - target[0]!];
    const m = Math.max(...output);
    const exps = output.map((z) => Math.exp(z - m));
    const total = exps.reduce((a, b) => a + b, 0);
    return exps.map((e, k) => e / total - target[k]!);
  },
};

/** The losses by id. */
export const losses: Readonly<Record<LossId, Loss>> = { mse: meanSquaredError, crossEntropy };

/** One training example. */
export interface Example {
  readonly input: readonly number[];
  readonly target: readonly number[];
}

export interface TrainingOptions {
  /** λ of the L2 penalty (λ/2)·Σ W², weights only, biases are not penalised. 0 turns it off. */
  readonly l2?: number;
  /** Dropout of the hidden layers; omit (or rate 0) for none. */
  readonly dropout?: DropoutOptions;
}

/** Σ of the squares of every weight (not the biases): the L2 penalty without its λ/2. */
export function sumOfSquaredWeights(network: Network): number {
  let sum = 0;
  for (const layer of network.layers) for (const row of layer.weights) for (const w of row) sum += w * w;
  return sum;
}

/**
 * The batch loss L = (1/|B|) Σ_{(x,y)∈B} ℓ(f(x), y) + (λ/2) Σ W² and its gradient
 * ∇L = (1/|B|) Σ backward(…) + λW (the biases get no λ term). Dropout masks, if any, are drawn example by example.
 */
export function lossAndGradient(
  network: Network,
  batch: readonly Example[],
  loss: Loss,
  options: TrainingOptions = {},
): { loss: number; gradient: Gradients } {
  const l2 = options.l2 ?? 0;
  const sum: { weights: number[][]; biases: number[] }[] = network.layers.map((layer) => ({
    weights: layer.weights.map((row) => row.map(() => 0)),
    biases: layer.biases.map(() => 0),
  }));
  let total = 0;
  for (const example of batch) {
    const trace = forward(network, example.input, options.dropout);
    const output = trace.a.at(-1)!;
    total += loss.value(output, example.target);
    const g = backward(network, trace, loss.gradient(output, example.target));
    g.forEach((layer, l) => {
      const into = sum[l]!;
      layer.weights.forEach((row, j) => row.forEach((value, i) => (into.weights[j]![i]! += value)));
      layer.biases.forEach((value, j) => (into.biases[j]! += value));
    });
  }
  const n = Math.max(1, batch.length);
  const gradient = sum.map((layer, l) => ({
    weights: layer.weights.map((row, j) => row.map((value, i) => value / n + l2 * network.layers[l]!.weights[j]![i]!)),
    biases: layer.biases.map((value) => value / n),
  }));
  return { loss: total / n + (l2 / 2) * sumOfSquaredWeights(network), gradient };
}

/** Every parameter in one vector: layer by layer, W row by row, then b. Gradients flatten in the same order. */
export function flatten(layers: readonly LayerParams[]): number[] {
  const out: number[] = [];
  for (const layer of layers) {
    for (const row of layer.weights) for (const w of row) out.push(w);
    for (const b of layer.biases) out.push(b);
  }
  return out;
}

/** The network with its parameters replaced by `theta` (in the order of `flatten`). */
export function withParameters(network: Network, theta: readonly number[]): Network {
  let k = 0;
  return {
    layers: network.layers.map((layer) => ({
      weights: layer.weights.map((row) => row.map(() => theta[k++]!)),
      biases: layer.biases.map(() => theta[k++]!),
      activation: layer.activation,
    })),
  };
}

/** The number of trainable parameters: Σₗ n_l (n_{l−1} + 1). */
export function parameterCount(network: Network): number {
  return network.layers.reduce((sum, layer) => sum + layer.biases.length * ((layer.weights[0]?.length ?? 0) + 1), 0);
}

export interface TrainStep {
  readonly network: Network;
  readonly state: OptimizerState;
  /** The batch loss before the step (with its L2 term). */
  readonly loss: number;
}

/** One step of mini-batch training: compute ∇L on `batch` (backpropagation), then let `optimizer` update θ. */
export function trainStep(
  network: Network,
  optimizer: Optimizer,
  state: OptimizerState,
  batch: readonly Example[],
  loss: Loss,
  options: TrainingOptions = {},
): TrainStep {
  const { loss: value, gradient } = lossAndGradient(network, batch, loss, options);
  const next = optimizer.step(flatten(network.layers), flatten(gradient), state);
  return { network: withParameters(network, next.theta), state: next.state, loss: value };
}

/**
 * The probability of class 1 for a network with one output: σ(z) when the output is a `linear` logit, the output
 * itself otherwise (a sigmoid output). The prediction is class 1 when it is at least ½.
 */
export function classProbability(network: Network, input: readonly number[]): number {
  const out = predict(network, input)[0]!;
  return network.layers.at(-1)!.activation === 'linear' ? sigmoid(out) : out;
}

/** Mean loss (without the L2 term) and accuracy (share of examples with (p ≥ ½) = (y ≥ ½)) of a binary classifier. */
export function evaluate(
  network: Network,
  examples: readonly Example[],
  loss: Loss,
): { loss: number; accuracy: number } {
  if (examples.length === 0) return { loss: NaN, accuracy: NaN };
  let total = 0;
  let correct = 0;
  for (const example of examples) {
    const trace = forward(network, example.input);
    const output = trace.a.at(-1)!;
    total += loss.value(output, example.target);
    const p = network.layers.at(-1)!.activation === 'linear' ? sigmoid(output[0]!) : output[0]!;
    if (p >= 0.5 === example.target[0]! >= 0.5) correct++;
  }
  return { loss: total / examples.length, accuracy: correct / examples.length };
}
