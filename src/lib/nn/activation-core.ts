// The activation functions and their derivatives without their TeX: what the widgets ship to the browser.
// Numerically stable for every finite input (and ±Infinity), NaN in gives NaN out. Pure maths: no DOM, no state.
// `activations.ts` adds each function's KaTeX formula for the server renderer and is the module to import elsewhere.

/** The activation functions the widgets offer, in the order they are listed. */
export const ACTIVATION_IDS = [
  'relu',
  'leakyRelu',
  'elu',
  'sigmoid',
  'tanh',
  'softplus',
  'gelu',
  'silu',
  'step',
  'linear',
] as const;
export type ActivationId = (typeof ACTIVATION_IDS)[number];

/** Whether `value` names an activation: `relu`, `sigmoid`, …. */
export function isActivationId(value: unknown): value is ActivationId {
  return typeof value === 'string' && (ACTIVATION_IDS as readonly string[]).includes(value);
}

/** Slope of leaky ReLU on the negative side: α = 0.01 (Maas, Hannun and Ng, 2013). */
export const LEAKY_RELU_SLOPE = 0.01;
/** ELU's α = 1, which makes ELU continuously differentiable at 0: ELU′(0⁻) = α·e⁰ = 1 = ELU′(0⁺). */
export const ELU_ALPHA = 1;

export interface ActivationFunction {
  /** Its key in `activationFunctions` (and `activations`). */
  readonly id: ActivationId;
  /** The name as written in prose and legends: `ReLU`, `Leaky ReLU`, `sigmoid`. */
  readonly label: string;
  /** The short name used when a formula is written out with numbers: `ReLU(0.4)`, `σ(0.4)`. */
  readonly symbol: string;
  /** Points where f, resp. f′, jumps: a plot must not join the two sides with a line. */
  readonly jumps: { readonly f: readonly number[]; readonly df: readonly number[] };
  /** The function. */
  f(x: number): number;
  /**
   * Its derivative. At a kink, where f′ does not exist, the value that common frameworks use:
   * ReLU′(0) = 0, LeakyReLU′(0) = α (the x ≤ 0 branch), step′(x) = 0 everywhere, 0 included.
   */
  df(x: number): number;
}

const SQRT_PI = Math.sqrt(Math.PI);
const SQRT_2 = Math.SQRT2;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
/** Below this |x| erf is summed as a series; above it erfc comes from its continued fraction. */
const ERF_SWITCH = 2.5;

/**
 * The logistic sigmoid σ(x) = 1 / (1 + e^{−x}), written so that e^{…} never overflows:
 * for x < 0 it is e^{x} / (1 + e^{x}). σ(±1000) = 1 and 0 exactly, σ(NaN) = NaN.
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x); // NaN falls through to here and stays NaN
  return e / (1 + e);
}

/**
 * erfc(x) = 1 − erf(x) for x ≥ ERF_SWITCH, by the continued fraction (Abramowitz & Stegun 7.1.14)
 * erfc(x) = e^{−x²}/√π · 1/(x + ½/(x + 1/(x + 3⁄2/(x + 2/(x + …))))), evaluated backwards from a fixed depth.
 * Relative error below 1e-14 for x ≥ 2.5; it keeps full relative precision far into the tail, where 1 − erf(x) cannot.
 */
function erfcTail(x: number): number {
  let fraction = x;
  for (let k = 60; k >= 1; k--) fraction = x + k / 2 / fraction;
  return Math.exp(-x * x) / (SQRT_PI * fraction);
}

/**
 * The error function erf(x) = 2/√π ∫₀ˣ e^{−t²} dt.
 * For |x| < 2.5 the series with positive terms (Abramowitz & Stegun 7.1.6)
 * erf(x) = 2/√π · e^{−x²} · Σₙ 2ⁿ x^{2n+1} / (1·3·5···(2n+1)); beyond, 1 − erfc(|x|) from the continued fraction.
 * Relative error below 1e-14 (tested against reference values); erf(±Infinity) = ±1, erf(NaN) = NaN.
 */
export function erf(x: number): number {
  const a = Math.abs(x);
  if (a >= ERF_SWITCH) return Math.sign(x) * (1 - erfcTail(a));
  // NaN also lands here: every term is NaN.
  const twoX2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= twoX2 / (2 * n + 1);
    sum += term;
  }
  return (2 / SQRT_PI) * Math.exp(-x * x) * sum;
}

/**
 * The complementary error function erfc(x) = 1 − erf(x), accurate in relative terms in both tails:
 * erfc(x) for x ≥ 2.5 from the continued fraction, 2 − erfc(−x) for x ≤ −2.5, 1 − erf(x) between.
 */
export function erfc(x: number): number {
  if (x >= ERF_SWITCH) return erfcTail(x);
  if (x <= -ERF_SWITCH) return 2 - erfcTail(-x);
  return 1 - erf(x);
}

/** Standard normal cumulative distribution Φ(x) = ½ · erfc(−x/√2); accurate in relative terms for x → −∞. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / SQRT_2);
}

/** Standard normal density φ(x) = e^{−x²/2} / √(2π). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** NaN for NaN, otherwise `value`: comparisons with NaN are false, so branches need this guard. */
const nanOr = (x: number, value: number): number => (x === x ? value : NaN);

/**
 * Every activation with its derivative and label, keyed by id (`activations` adds the KaTeX formulas).
 * - relu: f(x) = max(0, x); f′(x) = 1 for x > 0, 0 for x ≤ 0 (convention f′(0) = 0).
 * - leakyRelu: f(x) = x for x > 0, αx for x ≤ 0 (α = 0.01); f′(x) = 1 for x > 0, α for x ≤ 0.
 * - elu: f(x) = x for x > 0, α(eˣ − 1) for x ≤ 0 (α = 1, via expm1 for accuracy near 0); f′(x) = 1 or αeˣ.
 * - sigmoid: f(x) = 1/(1 + e^{−x}); f′(x) = σ(x)σ(−x) = σ(x)(1 − σ(x)), without the cancellation of 1 − σ(x).
 * - tanh: f(x) = tanh x; f′(x) = 1 − tanh² x.
 * - softplus: f(x) = ln(1 + eˣ), computed as max(x, 0) + ln(1 + e^{−|x|}); f′(x) = σ(x).
 * - gelu: the exact f(x) = x·Φ(x) (not the tanh approximation), Φ from `erfc` above; f′(x) = Φ(x) + x·φ(x).
 * - silu: f(x) = x·σ(x); f′(x) = σ(x)(1 + x·σ(−x)).
 * - step: f(x) = 1 for x > 0, 0 for x ≤ 0; f′(x) = 0 everywhere (convention at 0, where it does not exist).
 * - linear: the identity f(x) = x, f′(x) = 1: no activation at all, as in an output layer of logits or of a
 *   regression, and what a stack of layers collapses to (one linear map) without a non-linearity.
 */
export const activationFunctions: Readonly<Record<ActivationId, ActivationFunction>> = {
  relu: {
    id: 'relu',
    label: 'ReLU',
    symbol: 'ReLU',
    jumps: { f: [], df: [0] },
    f: (x) => Math.max(0, x),
    df: (x) => nanOr(x, x > 0 ? 1 : 0),
  },
  leakyRelu: {
    id: 'leakyRelu',
    label: 'Leaky ReLU',
    symbol: 'LeakyReLU',
    jumps: { f: [], df: [0] },
    f: (x) => (x > 0 ? x : LEAKY_RELU_SLOPE * x),
    df: (x) => nanOr(x, x > 0 ? 1 : LEAKY_RELU_SLOPE),
  },
  elu: {
    id: 'elu',
    label: 'ELU',
    symbol: 'ELU',
    jumps: { f: [], df: [] },
    f: (x) => (x > 0 ? x : ELU_ALPHA * Math.expm1(x)),
    df: (x) => (x > 0 ? 1 : ELU_ALPHA * Math.exp(x)),
  },
  sigmoid: {
    id: 'sigmoid',
    label: 'sigmoid',
    symbol: 'σ',
    jumps: { f: [], df: [] },
    f: sigmoid,
    df: (x) => sigmoid(x) * sigmoid(-x),
  },
  tanh: {
    id: 'tanh',
    label: 'tanh',
    symbol: 'tanh',
    jumps: { f: [], df: [] },
    f: Math.tanh,
    df: (x) => {
      const t = Math.tanh(x);
      return 1 - t * t;
    },
  },
  softplus: {
    id: 'softplus',
    label: 'softplus',
    symbol: 'softplus',
    jumps: { f: [], df: [] },
    f: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
    df: sigmoid,
  },
  gelu: {
    id: 'gelu',
    label: 'GELU',
    symbol: 'GELU',
    jumps: { f: [], df: [] },
    // Far in the tails x·φ(x) is ±Infinity·0: the limits are 0.
    f: (x) => (x === Infinity ? x : x === -Infinity ? 0 : x * normalCdf(x)),
    df: (x) => (Math.abs(x) === Infinity ? (x > 0 ? 1 : 0) : normalCdf(x) + x * normalPdf(x)),
  },
  silu: {
    id: 'silu',
    label: 'SiLU',
    symbol: 'SiLU',
    jumps: { f: [], df: [] },
    f: (x) => (x === -Infinity ? 0 : x * sigmoid(x)),
    df: (x) => (Math.abs(x) === Infinity ? (x > 0 ? 1 : 0) : sigmoid(x) * (1 + x * sigmoid(-x))),
  },
  step: {
    id: 'step',
    label: 'step',
    symbol: 'step',
    jumps: { f: [0], df: [] },
    f: (x) => nanOr(x, x > 0 ? 1 : 0),
    df: (x) => nanOr(x, 0),
  },
  linear: {
    id: 'linear',
    label: 'linear',
    symbol: 'linear',
    jumps: { f: [], df: [] },
    f: (x) => x,
    df: (x) => nanOr(x, 1),
  },
};

/**
 * softmax(x)ᵢ = e^{xᵢ − m} / Σⱼ e^{xⱼ − m} with m = maxⱼ xⱼ: subtracting the maximum changes nothing
 * mathematically and keeps every exponential ≤ 1, so softmax([1000, 0]) = [1, e^{−1000}] = [1, 0].
 * A NaN anywhere gives NaN everywhere; +Infinity entries share the whole mass; all −Infinity is NaN
 * (there is no distribution to return); an empty vector gives an empty one.
 */
export function softmax(xs: readonly number[]): number[] {
  if (xs.some((x) => x !== x)) return xs.map(() => NaN);
  let m = -Infinity; // a loop, not Math.max(...xs), which overflows the call stack on long vectors
  for (const x of xs) if (x > m) m = x;
  if (m === Infinity) {
    const count = xs.filter((x) => x === Infinity).length;
    return xs.map((x) => (x === Infinity ? 1 / count : 0));
  }
  if (m === -Infinity) return xs.map(() => NaN);
  const exps = xs.map((x) => Math.exp(x - m));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}
