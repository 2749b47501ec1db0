// The closed-form arithmetic of a denoising diffusion model, as the diffusion-models note computes it: noise
// schedules (β_t and ᾱ_t = ∏(1 − β_s)), the signal-to-noise ratio, the forward sample x_t = √ᾱ_t·x₀ + √(1−ᾱ_t)·ε,
// one reverse step of DDPM (Ho et al. 2020) and of deterministic DDIM (Song et al. 2021), and the classifier-free
// guidance combination (Ho & Salimans 2021). No network here: ε̂ (the network's noise prediction) is an input, so
// every step can be checked by hand. Time t runs 1 … T as in the papers; ᾱ_0 = 1 (no noise yet).

/** A vector (an image, a latent, or one pixel) as a plain array of numbers. */
export type Vector = readonly number[];

/** β_1 … β_T and ᾱ_1 … ᾱ_T, stored 0-based: `betas[t − 1]` is β_t. */
export interface NoiseSchedule {
  readonly betas: readonly number[];
  readonly alphaBars: readonly number[];
}

/** Ho et al.'s schedule: β_t rising linearly from `start` (t = 1) to `end` (t = T). */
export function linearBetas(steps = 1000, start = 1e-4, end = 0.02): number[] {
  checkSteps(steps);
  if (steps === 1) return [start];
  return Array.from({ length: steps }, (_, i) => start + ((end - start) * i) / (steps - 1));
}

/**
 * Stable Diffusion's "scaled linear" schedule: √β_t rises linearly from √start to √end, so β_t grows like a square.
 * Its defaults are those of the SD 1.x configuration (0.00085 to 0.012 over 1000 steps).
 */
export function scaledLinearBetas(steps = 1000, start = 0.00085, end = 0.012): number[] {
  return linearBetas(steps, Math.sqrt(start), Math.sqrt(end)).map((root) => root * root);
}

/**
 * Nichol & Dhariwal's cosine schedule: ᾱ_t = f(t)/f(0) with f(t) = cos²((t/T + s)/(1 + s) · π/2), written as
 * β_t = 1 − ᾱ_t/ᾱ_{t−1} and clipped at `maxBeta`, since the last step would otherwise be β_T = 1 (all signal gone
 * at once, and 1/√α_T infinite when sampling).
 */
export function cosineBetas(steps = 1000, offset = 0.008, maxBeta = 0.999): number[] {
  checkSteps(steps);
  const f = (t: number) => Math.cos(((t / steps + offset) / (1 + offset)) * (Math.PI / 2)) ** 2;
  return Array.from({ length: steps }, (_, i) => Math.min(1 - f(i + 1) / f(i), maxBeta));
}

/** ᾱ_t = (1 − β_1)(1 − β_2)…(1 − β_t) for every t: the running product, so ᾱ_t never needs T multiplications. */
export function cumulativeAlphas(betas: readonly number[]): number[] {
  let product = 1;
  return betas.map((beta, i) => {
    if (!(beta > 0 && beta < 1)) throw new RangeError(`β_${i + 1} = ${beta} is not in (0, 1)`);
    product *= 1 - beta;
    return product;
  });
}

/** A schedule from its β_t: the betas and their ᾱ_t. */
export function noiseSchedule(betas: readonly number[]): NoiseSchedule {
  return { betas: [...betas], alphaBars: cumulativeAlphas(betas) };
}

/** ᾱ_t of a schedule, t = 0 … T (ᾱ_0 = 1: x₀ is the clean data). */
export function alphaBar(schedule: NoiseSchedule, t: number): number {
  if (t === 0) return 1;
  return schedule.alphaBars[checkTime(schedule, t) - 1]!;
}

/** The signal-to-noise ratio of x_t = √ᾱ·x₀ + √(1−ᾱ)·ε: signal variance over noise variance, ᾱ/(1 − ᾱ). */
export function signalToNoise(alphaBarT: number): number {
  if (!(alphaBarT >= 0 && alphaBarT <= 1)) throw new RangeError(`ᾱ = ${alphaBarT} is not in [0, 1]`);
  return alphaBarT / (1 - alphaBarT);
}

/** The same ratio in decibels, 10·log₁₀(SNR): 0 dB where signal and noise are equally strong. */
export function signalToNoiseDecibels(alphaBarT: number): number {
  return 10 * Math.log10(signalToNoise(alphaBarT));
}

/** The forward process in one jump: x_t = √ᾱ_t·x₀ + √(1 − ᾱ_t)·ε, for a given noise sample ε. */
export function forwardSample(x0: Vector, alphaBarT: number, noise: Vector): number[] {
  checkSameLength(x0, noise, 'forwardSample');
  const signal = Math.sqrt(alphaBarT);
  const spread = Math.sqrt(1 - alphaBarT);
  return x0.map((value, i) => signal * value + spread * noise[i]!);
}

/** The forward sample solved for x₀, with a predicted noise ε̂: x̂₀ = (x_t − √(1 − ᾱ_t)·ε̂)/√ᾱ_t. */
export function predictX0(xt: Vector, alphaBarT: number, predictedNoise: Vector): number[] {
  checkSameLength(xt, predictedNoise, 'predictX0');
  const signal = Math.sqrt(alphaBarT);
  const spread = Math.sqrt(1 - alphaBarT);
  return xt.map((value, i) => (value - spread * predictedNoise[i]!) / signal);
}

/** β̃_t = (1 − ᾱ_{t−1})/(1 − ᾱ_t)·β_t, the variance of the true posterior q(x_{t−1} | x_t, x₀). */
export function posteriorVariance(schedule: NoiseSchedule, t: number): number {
  const beta = schedule.betas[checkTime(schedule, t) - 1]!;
  return ((1 - alphaBar(schedule, t - 1)) / (1 - alphaBar(schedule, t))) * beta;
}

/**
 * The weight λ_t with which the variational bound counts ‖ε − ε_θ(x_t, t)‖² at step t > 1 when σ_t² = β_t:
 * β_t²/(2σ_t²·α_t·(1 − ᾱ_t)) = β_t/(2α_t(1 − ᾱ_t)). The simplified loss of Ho et al. sets every λ_t to 1.
 */
export function boundWeight(schedule: NoiseSchedule, t: number): number {
  const beta = schedule.betas[checkTime(schedule, t) - 1]!;
  return beta / (2 * (1 - beta) * (1 - alphaBar(schedule, t)));
}

/** The two choices of σ_t² Ho et al. tried for the reverse step; both gave similar samples. */
export type ReverseVariance = 'beta' | 'posterior';

/**
 * One DDPM reverse step (Ho et al. 2020, Algorithm 2): x_{t−1} = (x_t − β_t/√(1 − ᾱ_t)·ε̂)/√α_t + σ_t·z, with
 * α_t = 1 − β_t and σ_t² = β_t or β̃_t. At t = 1 no noise is added (z is ignored), so the last step returns the mean.
 */
export function ddpmStep(
  schedule: NoiseSchedule,
  t: number,
  xt: Vector,
  predictedNoise: Vector,
  noise: Vector,
  variance: ReverseVariance = 'beta',
): number[] {
  checkSameLength(xt, predictedNoise, 'ddpmStep');
  checkSameLength(xt, noise, 'ddpmStep');
  const beta = schedule.betas[checkTime(schedule, t) - 1]!;
  const noiseWeight = beta / Math.sqrt(1 - alphaBar(schedule, t));
  const rootAlpha = Math.sqrt(1 - beta);
  const sigma = t === 1 ? 0 : Math.sqrt(variance === 'beta' ? beta : posteriorVariance(schedule, t));
  return xt.map((value, i) => (value - noiseWeight * predictedNoise[i]!) / rootAlpha + sigma * noise[i]!);
}

/**
 * One deterministic DDIM step (Song et al. 2021, η = 0) from t to any earlier `previous` (0 ≤ previous < t):
 * estimate x̂₀ from ε̂, then put it back at the earlier noise level with the same ε̂:
 * x_prev = √ᾱ_prev·x̂₀ + √(1 − ᾱ_prev)·ε̂. No fresh noise, and steps may be skipped.
 */
export function ddimStep(
  schedule: NoiseSchedule,
  t: number,
  previous: number,
  xt: Vector,
  predictedNoise: Vector,
): number[] {
  if (!(Number.isInteger(previous) && previous >= 0 && previous < t)) {
    throw new RangeError(`DDIM steps back from t = ${t} to an earlier step, not to ${previous}`);
  }
  const x0 = predictX0(xt, alphaBar(schedule, t), predictedNoise);
  return forwardSample(x0, alphaBar(schedule, previous), predictedNoise);
}

/**
 * Classifier-free guidance: ε̃ = ε(x, ∅) + w·(ε(x, c) − ε(x, ∅)). w = 0 is the unconditional prediction, w = 1 the
 * conditional one, w > 1 goes past it, away from the unconditional one. (Ho & Salimans write (1 + w')·ε_c − w'·ε_∅,
 * the same thing with w = 1 + w'.)
 */
export function guidedNoise(unconditional: Vector, conditional: Vector, scale: number): number[] {
  checkSameLength(unconditional, conditional, 'guidedNoise');
  return unconditional.map((value, i) => value + scale * (conditional[i]! - value));
}

function checkSteps(steps: number): void {
  if (!(Number.isInteger(steps) && steps >= 1))
    throw new RangeError(`a schedule needs a whole number of steps ≥ 1, not ${steps}`);
}

function checkTime(schedule: NoiseSchedule, t: number): number {
  const steps = schedule.betas.length;
  if (!(Number.isInteger(t) && t >= 1 && t <= steps)) throw new RangeError(`t = ${t} is not a step 1 … ${steps}`);
  return t;
}

function checkSameLength(a: Vector, b: Vector, name: string): void {
  if (a.length !== b.length) throw new RangeError(`${name}: lengths ${a.length} and ${b.length} differ`);
}
