import { describe, expect, it } from 'vitest';
import {
  alphaBar,
  boundWeight,
  cosineBetas,
  cumulativeAlphas,
  ddimStep,
  ddpmStep,
  forwardSample,
  guidedNoise,
  linearBetas,
  noiseSchedule,
  posteriorVariance,
  predictX0,
  scaledLinearBetas,
  signalToNoise,
  signalToNoiseDecibels,
} from '../../../../src/lib/nn/diffusion.ts';
import { gaussian, mulberry32 } from '../../../../src/lib/nn/random.ts';

const ddpm = noiseSchedule(linearBetas());

describe('noise schedules', () => {
  it('rises linearly from β_1 = 1e-4 to β_T = 0.02 over T = 1000 steps, as in Ho et al.', () => {
    const betas = linearBetas();
    expect(betas).toHaveLength(1000);
    expect(betas[0]).toBe(1e-4);
    expect(betas[999]).toBeCloseTo(0.02, 15);
    const steps = betas.slice(1).map((beta, i) => beta - betas[i]!);
    for (const step of steps) expect(step).toBeCloseTo((0.02 - 1e-4) / 999, 15);
  });

  it('makes ᾱ_t the running product of 1 − β_s, falling from 0.9999 to about 4.04e-5', () => {
    const direct = (t: number) => ddpm.betas.slice(0, t).reduce((product, beta) => product * (1 - beta), 1);
    for (const t of [1, 2, 250, 500, 1000]) expect(alphaBar(ddpm, t)).toBeCloseTo(direct(t), 14);
    expect(alphaBar(ddpm, 0)).toBe(1);
    expect(alphaBar(ddpm, 1)).toBeCloseTo(0.9999, 15);
    expect(alphaBar(ddpm, 250)).toBeCloseTo(0.524085, 6);
    expect(alphaBar(ddpm, 500)).toBeCloseTo(0.0785872, 7);
    expect(alphaBar(ddpm, 1000)).toBeCloseTo(4.0358e-5, 9);
    ddpm.alphaBars.slice(1).forEach((value, i) => expect(value).toBeLessThan(ddpm.alphaBars[i]!));
  });

  it('squares a linear ramp of √β for Stable Diffusion, which leaves more signal at T', () => {
    const betas = scaledLinearBetas();
    expect(betas[0]).toBeCloseTo(0.00085, 15);
    expect(betas[999]).toBeCloseTo(0.012, 15);
    const roots = betas.map(Math.sqrt);
    expect(roots[500]! - roots[499]!).toBeCloseTo(roots[1]! - roots[0]!, 14);
    const last = cumulativeAlphas(betas)[999]!;
    expect(Math.sqrt(last)).toBeCloseTo(0.068265, 6); // Lin et al.'s figure for SD's √ᾱ_T
    expect(last).toBeGreaterThan(alphaBar(ddpm, 1000));
  });

  it('gives the cosine schedule ᾱ_t = f(t)/f(0), with the last β clipped at 0.999', () => {
    const betas = cosineBetas();
    const alphaBars = cumulativeAlphas(betas);
    const f = (t: number) => Math.cos(((t / 1000 + 0.008) / 1.008) * (Math.PI / 2)) ** 2;
    expect(alphaBars[499]).toBeCloseTo(f(500) / f(0), 12);
    expect(betas[999]).toBe(0.999);
    expect(Math.max(...betas.slice(0, 990))).toBeLessThan(0.999);
  });

  it('refuses impossible schedules and times', () => {
    expect(() => linearBetas(0)).toThrow(RangeError);
    expect(linearBetas(1, 0.3, 0.5)).toEqual([0.3]);
    expect(() => cumulativeAlphas([0.1, 1])).toThrow(/β_2/);
    expect(() => alphaBar(ddpm, 1001)).toThrow(RangeError);
    expect(() => alphaBar(ddpm, 2.5)).toThrow(RangeError);
  });
});

describe('the closed form q(x_t | x_0)', () => {
  it('is what t single steps x_t = √(1−β_t)·x_{t−1} + √β_t·ε_t compose to', () => {
    // Mean coefficient and noise variance of x_t given x_0, carried through the one-step recursion.
    let mean = 1;
    let variance = 0;
    ddpm.betas.forEach((beta, i) => {
      mean *= Math.sqrt(1 - beta);
      variance = (1 - beta) * variance + beta;
      expect(mean).toBeCloseTo(Math.sqrt(ddpm.alphaBars[i]!), 13);
      expect(variance).toBeCloseTo(1 - ddpm.alphaBars[i]!, 13);
    });
  });

  it('matches a simulation of the step-by-step chain (mean and variance of x_T from one x_0)', () => {
    const short = noiseSchedule([0.1, 0.2, 0.3, 0.4]);
    const random = mulberry32(7);
    const samples = Array.from({ length: 20000 }, () =>
      short.betas.reduce((x, beta) => Math.sqrt(1 - beta) * x + Math.sqrt(beta) * gaussian(random), 2),
    );
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    const variance = samples.reduce((a, b) => a + (b - mean) ** 2, 0) / samples.length;
    const last = alphaBar(short, 4);
    expect(last).toBeCloseTo(0.9 * 0.8 * 0.7 * 0.6, 14);
    expect(mean).toBeCloseTo(2 * Math.sqrt(last), 1);
    expect(variance).toBeCloseTo(1 - last, 1);
  });

  it('samples x_t from x_0 and ε, and predictX0 undoes it', () => {
    const xt = forwardSample([0.8], 0.25, [-0.4]);
    expect(xt[0]).toBeCloseTo(0.4 - Math.sqrt(0.75) * 0.4, 14); // the sota-image-models example, 0.0536
    const x0 = [0.5, -1, 0.25];
    const noise = [1.2, 0.3, -0.7];
    const back = predictX0(forwardSample(x0, alphaBar(ddpm, 500), noise), alphaBar(ddpm, 500), noise);
    back.forEach((value, i) => expect(value).toBeCloseTo(x0[i]!, 12));
    expect(() => forwardSample([1, 2], 0.5, [1])).toThrow(RangeError);
  });
});

describe('signal-to-noise ratio', () => {
  it('is ᾱ/(1 − ᾱ): 1 (0 dB) at ᾱ = 1/2, 9999 at t = 1, about 4.04e-5 at t = T', () => {
    expect(signalToNoise(0.5)).toBe(1);
    expect(signalToNoiseDecibels(0.5)).toBe(0);
    expect(signalToNoise(alphaBar(ddpm, 1))).toBeCloseTo(9999, 6);
    expect(signalToNoise(alphaBar(ddpm, 1000))).toBeCloseTo(4.036e-5, 8);
    expect(signalToNoiseDecibels(alphaBar(ddpm, 1000))).toBeCloseTo(-43.94, 2);
    expect(() => signalToNoise(1.5)).toThrow(RangeError);
  });

  it('crosses 1 between t = 259 and t = 260 on the linear schedule', () => {
    expect(signalToNoise(alphaBar(ddpm, 259))).toBeGreaterThan(1);
    expect(signalToNoise(alphaBar(ddpm, 260))).toBeLessThan(1);
  });
});

describe('reverse steps', () => {
  const x0 = [0.5, -0.3];
  const eps = [1.2, -0.4];
  const t = 500;
  const xt = forwardSample(x0, alphaBar(ddpm, t), eps);

  it('DDPM: with the true noise and z = 0 the step is the mean of the true posterior q(x_{t−1} | x_t, x_0)', () => {
    const beta = ddpm.betas[t - 1]!;
    const before = alphaBar(ddpm, t - 1);
    const now = alphaBar(ddpm, t);
    // μ̃_t = √ᾱ_{t−1}·β_t/(1 − ᾱ_t)·x_0 + √α_t·(1 − ᾱ_{t−1})/(1 − ᾱ_t)·x_t
    const posteriorMean = x0.map(
      (value, i) => (Math.sqrt(before) * beta * value + Math.sqrt(1 - beta) * (1 - before) * xt[i]!) / (1 - now),
    );
    const step = ddpmStep(ddpm, t, xt, eps, [0, 0]);
    step.forEach((value, i) => expect(value).toBeCloseTo(posteriorMean[i]!, 12));
  });

  it('DDPM: adds σ_t·z with σ_t² = β_t or β̃_t, and no noise at t = 1', () => {
    const mean = ddpmStep(ddpm, t, xt, eps, [0, 0]);
    const withBeta = ddpmStep(ddpm, t, xt, eps, [1, -2]);
    const withPosterior = ddpmStep(ddpm, t, xt, eps, [1, 0], 'posterior');
    const sigma = Math.sqrt(ddpm.betas[t - 1]!);
    expect(withBeta[0]! - mean[0]!).toBeCloseTo(sigma, 12);
    expect(withBeta[1]! - mean[1]!).toBeCloseTo(-2 * sigma, 12);
    expect(withPosterior[0]! - mean[0]!).toBeCloseTo(Math.sqrt(posteriorVariance(ddpm, t)), 12);
    expect(posteriorVariance(ddpm, t)).toBeLessThan(ddpm.betas[t - 1]!);
    expect(posteriorVariance(ddpm, 1)).toBe(0);
    const x1 = forwardSample(x0, alphaBar(ddpm, 1), eps);
    expect(ddpmStep(ddpm, 1, x1, eps, [5, 5])).toEqual(ddpmStep(ddpm, 1, x1, eps, [0, 0]));
  });

  it('DDIM: with the true noise any jump lands exactly on x_prev = √ᾱ_prev·x_0 + √(1 − ᾱ_prev)·ε', () => {
    for (const previous of [499, 250, 1, 0]) {
      const expected = forwardSample(x0, alphaBar(ddpm, previous), eps);
      ddimStep(ddpm, t, previous, xt, eps).forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 12));
    }
    expect(() => ddimStep(ddpm, t, t, xt, eps)).toThrow(RangeError);
  });

  it('DDIM is deterministic and, one step at a time, close to the DDPM mean', () => {
    const guess = [1.1, -0.5]; // an imperfect noise prediction
    expect(ddimStep(ddpm, t, t - 1, xt, guess)).toEqual(ddimStep(ddpm, t, t - 1, xt, guess));
    const ddimNext = ddimStep(ddpm, t, t - 1, xt, guess);
    const ddpmMean = ddpmStep(ddpm, t, xt, guess, [0, 0]);
    ddimNext.forEach((value, i) => expect(Math.abs(value - ddpmMean[i]!)).toBeLessThan(0.01));
  });
});

describe('the variational bound as a weighted noise loss', () => {
  it('weights step t by β_t²/(2σ_t²·α_t·(1 − ᾱ_t)) with σ_t² = β_t, far more at small t than in the middle', () => {
    for (const t of [2, 500, 1000]) {
      const beta = ddpm.betas[t - 1]!;
      const sigma2 = beta;
      expect(boundWeight(ddpm, t)).toBeCloseTo(beta ** 2 / (2 * sigma2 * (1 - beta) * (1 - alphaBar(ddpm, t))), 15);
    }
    expect(boundWeight(ddpm, 2)).toBeCloseTo(0.2727, 4);
    expect(boundWeight(ddpm, 500)).toBeCloseTo(0.0055, 4);
    expect(boundWeight(ddpm, 2) / boundWeight(ddpm, 500)).toBeGreaterThan(40);
  });
});

describe('classifier-free guidance', () => {
  const unconditional = [0.2, -0.1];
  const conditional = [0.3, 0];

  it('is the unconditional prediction at w = 0 and the conditional one at w = 1', () => {
    expect(guidedNoise(unconditional, conditional, 0)).toEqual(unconditional);
    guidedNoise(unconditional, conditional, 1).forEach((value, i) => expect(value).toBeCloseTo(conditional[i]!, 15));
  });

  it('extrapolates past the conditional prediction for w > 1', () => {
    const guided = guidedNoise(unconditional, conditional, 7.5);
    expect(guided[0]).toBeCloseTo(0.95, 14);
    expect(guided[1]).toBeCloseTo(0.65, 14);
  });

  it("equals Ho & Salimans' (1 + w')·ε_c − w'·ε_∅ with w = 1 + w'", () => {
    const wPrime = 2;
    const theirs = conditional.map((c, i) => (1 + wPrime) * c - wPrime * unconditional[i]!);
    guidedNoise(unconditional, conditional, 1 + wPrime).forEach((value, i) =>
      expect(value).toBeCloseTo(theirs[i]!, 14),
    );
    expect(() => guidedNoise([1], [1, 2], 2)).toThrow(RangeError);
  });
});
