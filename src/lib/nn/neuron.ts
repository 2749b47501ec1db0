// One artificial neuron, y = f(Σᵢ wᵢxᵢ + b), as a pure function that reports bad input as a value, never by throwing.
import { activationFunctions as activations, isActivationId, type ActivationId } from './activation-core.ts';

export interface NeuronParams {
  /** The inputs x₁ … xₙ. */
  readonly inputs: readonly number[];
  /** The weights w₁ … wₙ, one per input. */
  readonly weights: readonly number[];
  /** The bias b. */
  readonly bias: number;
  /** The activation f, by id (see `activations`). */
  readonly activation: ActivationId;
}

export interface NeuronOutput {
  /** The terms xᵢ·wᵢ, in input order. */
  readonly products: readonly number[];
  /** The pre-activation z = Σᵢ xᵢwᵢ + b. */
  readonly z: number;
  /** The output y = f(z). */
  readonly y: number;
  /** The local derivative dy/dz = f′(z) (the convention at kinks is the one documented on `activations`). */
  readonly dydz: number;
}

/** Why a neuron could not be computed. */
export type NeuronError =
  /** `inputs` and `weights` have different lengths. */
  | { readonly kind: 'length-mismatch'; readonly inputs: number; readonly weights: number }
  /** An input, a weight or the bias is NaN or ±Infinity; `index` is 0-based (0 for the bias). */
  | {
      readonly kind: 'not-finite';
      readonly field: 'input' | 'weight' | 'bias';
      readonly index: number;
      readonly value: number;
    }
  /** Every number is finite but the weighted sum is not (for example 1e308 × 2). */
  | { readonly kind: 'overflow' }
  /** The activation id is not one of `ACTIVATION_IDS` (possible when it comes from a URL). */
  | { readonly kind: 'unknown-activation'; readonly name: string };

export type NeuronResult =
  { readonly ok: true; readonly value: NeuronOutput } | { readonly ok: false; readonly error: NeuronError };

/** A weighted sum smaller than this fraction of n · max|term| is rounding noise: see `neuron`. */
const CANCELLATION = 1e-12;

/**
 * The neuron's forward pass: z = Σᵢ xᵢ·wᵢ + b, y = f(z), dy/dz = f′(z).
 * The sum is compensated (Neumaier), and a z below 1e-12 · n · max|term| is returned as exactly 0: decimal inputs
 * are not exact in binary, so 0.1·1 + 0.2·1 − 0.3 would otherwise give 5.6e−17 instead of 0.
 * Mismatched lengths, non-finite numbers, an overflowing sum or an unknown activation give `{ ok: false, error }`.
 */
export function neuron({ inputs, weights, bias, activation }: NeuronParams): NeuronResult {
  if (inputs.length !== weights.length) {
    return { ok: false, error: { kind: 'length-mismatch', inputs: inputs.length, weights: weights.length } };
  }
  const bad = (field: 'input' | 'weight' | 'bias', index: number, value: number): NeuronResult => ({
    ok: false,
    error: { kind: 'not-finite', field, index, value },
  });
  for (let i = 0; i < inputs.length; i++) {
    if (!Number.isFinite(inputs[i])) return bad('input', i, inputs[i]!);
    if (!Number.isFinite(weights[i])) return bad('weight', i, weights[i]!);
  }
  if (!Number.isFinite(bias)) return bad('bias', 0, bias);
  if (!isActivationId(activation))
    return { ok: false, error: { kind: 'unknown-activation', name: String(activation) } };

  const products = inputs.map((x, i) => x * weights[i]!);
  let sum = 0;
  let compensation = 0;
  let largest = 0; // the largest |term|: unlike Σ|terms| it cannot overflow
  const terms = [...products, bias];
  for (const term of terms) {
    const t = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    largest = Math.max(largest, Math.abs(term));
  }
  let z = sum + compensation;
  if (!Number.isFinite(z) || !Number.isFinite(largest)) return { ok: false, error: { kind: 'overflow' } };
  if (Math.abs(z) <= CANCELLATION * terms.length * largest) z = 0;
  const f = activations[activation];
  return { ok: true, value: { products, z, y: f.f(z), dydz: f.df(z) } };
}
