// Gradient-descent optimizers as small pure objects: `step` takes the parameters θ, the gradient g and the
// optimizer's state and returns new parameters and a new state, mutating nothing. They work on flat vectors, so
// the same objects train the network playground (src/lib/nn/mlp.ts) and walk the 2-D loss surfaces of the optimizer
// visualizer. Formulas and defaults follow the learning-methods note.

/** The optimizers the widgets offer, in display order. */
export const OPTIMIZER_IDS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerId = (typeof OPTIMIZER_IDS)[number];

/** Whether `value` names an optimizer. */
export function isOptimizerId(value: unknown): value is OptimizerId {
  return typeof value === 'string' && (OPTIMIZER_IDS as readonly string[]).includes(value);
}

/** What an optimizer remembers between steps. */
export type OptimizerState =
  /** Plain gradient descent remembers nothing. */
  | { readonly kind: 'sgd' }
  /** Momentum: the velocity v, one entry per parameter. */
  | { readonly kind: 'momentum'; readonly velocity: readonly number[] }
  /** Adam: the step count t and the moving averages m (of g) and v (of g²). */
  | { readonly kind: 'adam'; readonly t: number; readonly m: readonly number[]; readonly v: readonly number[] };

export interface OptimizerStep {
  readonly theta: number[];
  readonly state: OptimizerState;
}

export interface Optimizer {
  readonly id: OptimizerId;
  /** η (SGD, momentum) or α (Adam). */
  readonly learningRate: number;
  /** The state before the first step, for `size` parameters. */
  init(size: number): OptimizerState;
  /** One update θ ← θ − Δ(g, state). Throws on a state of another optimizer or vectors of different lengths. */
  step(theta: readonly number[], gradient: readonly number[], state: OptimizerState): OptimizerStep;
}

/** μ of momentum, the usual 0.9. */
export const MOMENTUM = 0.9;
/** Adam's defaults from Kingma and Ba (2014): β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸. */
export const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

function check<K extends OptimizerState['kind']>(
  theta: readonly number[],
  gradient: readonly number[],
  state: OptimizerState,
  kind: K,
): asserts state is Extract<OptimizerState, { kind: K }> {
  if (state.kind !== kind) throw new TypeError(`${kind} optimizer given a ${state.kind} state`);
  if (theta.length !== gradient.length)
    throw new RangeError(`${theta.length} parameters but ${gradient.length} gradient entries`);
}

/** (Stochastic) gradient descent: θ ← θ − η·g. */
export function sgd(learningRate: number): Optimizer {
  return {
    id: 'sgd',
    learningRate,
    init: () => ({ kind: 'sgd' }),
    step(theta, gradient, state) {
      check(theta, gradient, state, 'sgd');
      return { theta: theta.map((p, i) => p - learningRate * gradient[i]!), state };
    },
  };
}

/**
 * Polyak's heavy-ball momentum in the form the note (and PyTorch) uses: v ← μ·v + g, θ ← θ − η·v, with v₀ = 0.
 * Components of g that keep their sign accumulate; components that flip sign cancel.
 */
export function momentum(learningRate: number, mu = MOMENTUM): Optimizer {
  return {
    id: 'momentum',
    learningRate,
    init: (size) => ({ kind: 'momentum', velocity: new Array<number>(size).fill(0) }),
    step(theta, gradient, state) {
      check(theta, gradient, state, 'momentum');
      const velocity = state.velocity.map((v, i) => mu * v + gradient[i]!);
      return { theta: theta.map((p, i) => p - learningRate * velocity[i]!), state: { kind: 'momentum', velocity } };
    },
  };
}

/**
 * Adam (Kingma and Ba, 2014), element-wise, with t counted from 1:
 * mₜ = β₁mₜ₋₁ + (1 − β₁)g, vₜ = β₂vₜ₋₁ + (1 − β₂)g², m̂ₜ = mₜ/(1 − β₁ᵗ), v̂ₜ = vₜ/(1 − β₂ᵗ),
 * θₜ = θₜ₋₁ − α·m̂ₜ/(√v̂ₜ + ε). At t = 1, m̂ = g and v̂ = g², so every parameter moves by about α.
 */
export function adam(learningRate: number, { beta1, beta2, epsilon } = ADAM_DEFAULTS): Optimizer {
  return {
    id: 'adam',
    learningRate,
    init: (size) => ({ kind: 'adam', t: 0, m: new Array<number>(size).fill(0), v: new Array<number>(size).fill(0) }),
    step(theta, gradient, state) {
      check(theta, gradient, state, 'adam');
      const t = state.t + 1;
      const m = state.m.map((mi, i) => beta1 * mi + (1 - beta1) * gradient[i]!);
      const v = state.v.map((vi, i) => beta2 * vi + (1 - beta2) * gradient[i]! * gradient[i]!);
      const c1 = 1 - beta1 ** t;
      const c2 = 1 - beta2 ** t;
      return {
        theta: theta.map((p, i) => p - (learningRate * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + epsilon)),
        state: { kind: 'adam', t, m, v },
      };
    },
  };
}

/** The optimizer `id` with learning rate `learningRate` and its default hyperparameters. */
export function createOptimizer(id: OptimizerId, learningRate: number): Optimizer {
  return id === 'sgd' ? sgd(learningRate) : id === 'momentum' ? momentum(learningRate) : adam(learningRate);
}
