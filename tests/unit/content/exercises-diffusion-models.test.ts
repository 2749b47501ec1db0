// The figures the diffusion-models note states, in both languages, against the project's own maths
// (src/lib/nn/diffusion.ts): the table of the linear schedule, the worked examples of noising, the DDPM and DDIM
// steps and guidance, the other schedules, and the exercises' answers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  alphaBar,
  boundWeight,
  cosineBetas,
  ddimStep,
  ddpmStep,
  forwardSample,
  guidedNoise,
  linearBetas,
  noiseSchedule,
  predictX0,
  scaledLinearBetas,
  signalToNoise,
  signalToNoiseDecibels,
} from '../../../src/lib/nn/diffusion.ts';
import { exercise, states, type NoteLang } from './exercise-source.ts';

const SLUG = 'diffusion-models';
const LANGS = ['zh', 'en'] as const;
const source = (lang: NoteLang): string => readFileSync(`content/notes/${lang}/${SLUG}.md`, 'utf8');

const ddpm = noiseSchedule(linearBetas());
const sd = noiseSchedule(scaledLinearBetas());
const cosine = noiseSchedule(cosineBetas());

/** The worked example: one pixel x₀ = 0.5 noised with ε = 1.2 to t = 500. */
const X0 = [0.5];
const EPS = [1.2];
const WRONG = [1.1];
const x500 = forwardSample(X0, alphaBar(ddpm, 500), EPS);

/** Exercise titles in each language. */
const TITLES = {
  threeSteps: { zh: '三步的小调度', en: 'A three-step schedule' },
  estimate: { zh: '估算 ᾱ_T', en: 'Estimating ᾱ_T' },
  recover: { zh: '从一次噪声预测反推原图', en: 'Recovering the image from one noise prediction' },
  ddim: { zh: 'DDIM 跳步', en: 'A DDIM jump' },
  guidance: { zh: '引导系数', en: 'The guidance scale' },
  larger: { zh: '更大的图', en: 'A larger image' },
} as const;

/** A figure as the note writes it (`0.07859`, `9999`, `$4.04 \times 10^{-5}$`) and the half-unit it was rounded to. */
function parseWritten(cell: string): { value: number; tolerance: number } {
  const text = cell.trim().replace(/^\$|\$$/g, '');
  const match = /^(-?\d+)(?:\.(\d+))?(?:\s*\\times\s*10\^\{(-?\d+)\})?$/.exec(text);
  if (!match) throw new Error(`not a figure: ${cell}`);
  const decimals = match[2]?.length ?? 0;
  const exponent = Number(match[3] ?? 0);
  const value = Number(`${match[1]}.${match[2] ?? '0'}`) * 10 ** exponent;
  return { value, tolerance: 0.5 * 10 ** (exponent - decimals) * (1 + 1e-9) };
}

/** The rows of the schedule table: t and its five figures (β_t, ᾱ_t, √ᾱ_t, √(1−ᾱ_t), SNR). */
function tableRows(lang: NoteLang): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  for (const line of source(lang).split('\n')) {
    const cells = line.split('|').slice(1, -1);
    if (cells.length !== 6) continue;
    const t = /^\s*(\d+)\s*$/.exec(cells[0]!);
    if (t) rows.set(Number(t[1]), cells.slice(1));
  }
  return rows;
}

/** Whether `text` states every number of `values` to `digits` decimals. */
const statesAll = (text: string, values: readonly number[], digits: number) =>
  values.every((value) => states(text, value, digits));

describe.each(LANGS)('diffusion-models (%s): the linear schedule', (lang) => {
  it('has the table diffusion.ts computes, each figure correct to the digits written', () => {
    const rows = tableRows(lang);
    expect([...rows.keys()]).toEqual([1, 100, 250, 500, 750, 1000]);
    for (const [t, cells] of rows) {
      const a = alphaBar(ddpm, t);
      const expected = [ddpm.betas[t - 1]!, a, Math.sqrt(a), Math.sqrt(1 - a), signalToNoise(a)];
      cells.forEach((cell, c) => {
        const { value, tolerance } = parseWritten(cell);
        expect(Math.abs(value - expected[c]!), `t = ${t}, column ${c + 2}: ${cell}`).toBeLessThanOrEqual(tolerance);
      });
    }
  });

  it('quotes where ᾱ_t crosses 1/2, its size after t = 750 and at T, and the estimate from Σβ', () => {
    const text = source(lang);
    expect(alphaBar(ddpm, 259)).toBeGreaterThan(0.5);
    expect(alphaBar(ddpm, 260)).toBeLessThan(0.5);
    expect(text).toMatch(/t = 259/);
    expect(text).toMatch(/t = 260/);
    expect(alphaBar(ddpm, 750)).toBeLessThan(0.004);
    expect(text).toMatch(/0\.004/);
    expect(states(text, Math.sqrt(alphaBar(ddpm, 1000)), 4)).toBe(true); // 0.0064
    expect(states(text, signalToNoiseDecibels(alphaBar(ddpm, 1000)), 0)).toBe(true); // −44 dB
    const sum = ddpm.betas.reduce((a, b) => a + b, 0);
    expect(states(text, sum, 2)).toBe(true); // 10.05
    expect(text).toContain(`${Number(Math.exp(-sum).toPrecision(2)) * 1e5} \\times 10^{-5}`); // 4.3 × 10⁻⁵
  });

  it('quotes the cosine and Stable Diffusion schedules as computed', () => {
    const text = source(lang);
    expect(states(text, alphaBar(cosine, 500), 2)).toBe(true); // 0.49
    expect(states(text, alphaBar(sd, 1000), 4)).toBe(true); // 0.0047
    expect(states(text, Math.sqrt(alphaBar(sd, 1000)), 3)).toBe(true); // 0.068
  });

  it('quotes the weights of the variational bound at t = 2 and t = 500', () => {
    const text = source(lang);
    expect(states(text, boundWeight(ddpm, 2), 2)).toBe(true); // 0.27
    expect(states(text, boundWeight(ddpm, 500), 4)).toBe(true); // 0.0055
    expect(boundWeight(ddpm, 2) / boundWeight(ddpm, 500)).toBeCloseTo(50, -1); // "about 50 times"
  });
});

describe.each(LANGS)('diffusion-models (%s): the worked examples', (lang) => {
  it('noises the pixel to x_500 as forwardSample does', () => {
    const text = source(lang);
    expect(states(text, x500[0]!, 4)).toBe(true); // 1.2921
    expect(states(text, x500[0]!, 5)).toBe(true); // 1.29205
    expect(statesAll(text, [Math.sqrt(alphaBar(ddpm, 500)) * 0.5, Math.sqrt(1 - alphaBar(ddpm, 500)) * 1.2], 4)).toBe(true);
  });

  it('takes the DDPM step as ddpmStep does: the mean, and x_499 with z = 0.3', () => {
    const text = source(lang);
    const beta = ddpm.betas[499]!;
    expect(statesAll(text, [beta, 1 - beta, beta / Math.sqrt(1 - alphaBar(ddpm, 500))], 5)).toBe(true);
    expect(states(text, ddpmStep(ddpm, 500, x500, EPS, [0])[0]!, 5)).toBe(true); // 1.28597
    expect(states(text, Math.sqrt(beta), 4)).toBe(true); // σ = 0.1002
    expect(states(text, ddpmStep(ddpm, 500, x500, EPS, [0.3])[0]!, 5)).toBe(true); // 1.31603
  });

  it('recovers x̂₀ from a wrong noise prediction, and jumps with DDIM, as predictX0 and ddimStep do', () => {
    const text = source(lang);
    const a = alphaBar(ddpm, 500);
    expect(states(text, predictX0(x500, a, WRONG)[0]!, 4)).toBe(true); // 0.8424
    expect(states(text, Math.sqrt(1 - a) / Math.sqrt(a), 2)).toBe(true); // 3.42
    expect(states(text, ddimStep(ddpm, 500, 250, x500, EPS)[0]!, 5)).toBe(true); // 1.18981
    expect(states(text, ddimStep(ddpm, 500, 250, x500, WRONG)[0]!, 5)).toBe(true); // 1.36871
  });

  it('combines the guidance example as guidedNoise does, and counts the latent as 48 times smaller', () => {
    const text = source(lang);
    expect(statesAll(text, guidedNoise([0.2, -0.1], [0.3, 0], 7.5), 2)).toBe(true); // (0.95, 0.65)
    expect(text).toContain('786,432');
    expect(text).toContain('16,384');
    expect((512 * 512 * 3) / (64 * 64 * 4)).toBe(48);
    expect(text).toContain('262,144');
    expect(text).toContain('4,096');
  });
});

describe.each(LANGS)('diffusion-models (%s): the exercises', (lang) => {
  it('three steps: ᾱ_t, the composed noise variance and the SNR', () => {
    const text = exercise(lang, SLUG, TITLES.threeSteps[lang]);
    const small = noiseSchedule([0.1, 0.2, 0.3]);
    expect(statesAll(text, small.alphaBars, 3)).toBe(true); // 0.9, 0.72, 0.504
    expect(states(text, 0.8 * 0.1 + 0.2, 2)).toBe(true); // 0.28
    expect(1 - alphaBar(small, 2)).toBeCloseTo(0.28, 14);
    expect(states(text, signalToNoise(alphaBar(small, 3)), 3)).toBe(true); // 1.016
  });

  it('estimating ᾱ_T: e^{−Σβ}, the second-order correction, √ᾱ_T', () => {
    const text = exercise(lang, SLUG, TITLES.estimate[lang]);
    const sum = ddpm.betas.reduce((a, b) => a + b, 0);
    const squares = ddpm.betas.reduce((a, b) => a + (b * b) / 2, 0);
    expect(states(text, sum, 2)).toBe(true); // 10.05
    expect(states(text, -squares, 3)).toBe(true); // −0.067
    expect(states(text, -(sum + squares), 3)).toBe(true); // e^{−10.117}
    expect(Math.exp(-sum - squares)).toBeCloseTo(alphaBar(ddpm, 1000), 7);
    expect(text).toContain('4.3 \\times 10^{-5}');
    expect(text).toContain('4.04 \\times 10^{-5}');
    expect(states(text, Math.sqrt(alphaBar(ddpm, 1000)), 4)).toBe(true); // 0.0064
  });

  it('recovering x̂₀: the estimate and the amplification at t = 500 and t = 250', () => {
    const text = exercise(lang, SLUG, TITLES.recover[lang]);
    const at = (t: number) => Math.sqrt(1 - alphaBar(ddpm, t)) / Math.sqrt(alphaBar(ddpm, t));
    expect(states(text, predictX0(x500, alphaBar(ddpm, 500), WRONG)[0]!, 4)).toBe(true); // 0.8424
    expect(states(text, at(500), 2)).toBe(true); // 3.42
    expect(states(text, at(250), 3)).toBe(true); // 0.953
    expect(states(text, 0.1 * at(250), 4)).toBe(true); // 0.0953
  });

  it('the DDIM jump: both landings, and the number of network calls', () => {
    const text = exercise(lang, SLUG, TITLES.ddim[lang]);
    expect(states(text, ddimStep(ddpm, 500, 250, x500, EPS)[0]!, 4)).toBe(true); // 1.1898
    expect(states(text, ddimStep(ddpm, 500, 250, x500, WRONG)[0]!, 4)).toBe(true); // 1.3687
    expect(statesAll(text, [2 * 50, 2 * 1000], 0)).toBe(true);
  });

  it('the guidance scale: ε̃ for w = 0, 1, 3, 7.5 and the shift to w′', () => {
    const text = exercise(lang, SLUG, TITLES.guidance[lang]);
    for (const w of [0, 1, 3, 7.5]) {
      expect(statesAll(text, guidedNoise([0.2, -0.1], [0.3, 0], w), 2), `w = ${w}`).toBe(true);
    }
    expect(states(text, 7.5 - 1, 1)).toBe(true);
  });

  it('a larger image: the latent, the factor 48 and the attention ratio', () => {
    const text = exercise(lang, SLUG, TITLES.larger[lang]);
    expect(text).toContain('36{,}864');
    expect(text).toContain('1{,}769{,}472');
    expect((768 * 768 * 3) / (96 * 96 * 4)).toBe(48);
    expect(text).toContain('9{,}216');
    expect(states(text, ((96 * 96) / (64 * 64)) ** 2, 2)).toBe(true); // 5.06
  });
});
