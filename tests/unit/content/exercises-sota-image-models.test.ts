// The figures the sota-image-models exercises state, in both languages: the outpainting mask, compositing with a
// (feathered) mask, the receptive field 2L + 1 of stacked 3×3 convolutions, one pixel noised and recovered with
// the project's diffusion maths (src/lib/nn/diffusion.ts), and Stable Diffusion's latent sizes.
import { describe, expect, it } from 'vitest';
import { forwardSample, predictX0 } from '../../../src/lib/nn/diffusion.ts';
import { exercise, states } from './exercise-source.ts';

const SLUG = 'sota-image-models';
const LANGS = ['zh', 'en'] as const;
/** Large counts are written with thousands separators (131,072 or 131{,}072). */
const withoutSeparators = (text: string) => text.replace(/(\d)(?:\{,\}|,)(?=\d{3}\b)/g, '$1');

describe.each(LANGS)('sota-image-models (%s): the exercises', (lang) => {
  const titles = {
    inputs: { zh: '各种编辑要什么输入', en: 'What each kind of editing takes' },
    composite: { zh: '用掩码合成结果', en: 'Composite the result with the mask' },
    receptive: { zh: '多少层才看得到洞外', en: 'How many layers to see past the hole' },
    noise: { zh: '加噪与反推', en: 'Add noise and recover' },
    latent: { zh: '潜变量有多大', en: 'How big is the latent' },
  } as const;
  const text = (key: keyof typeof titles) => withoutSeparators(exercise(lang, SLUG, titles[key][lang]));

  it('masks the new third of an outpainted canvas', () => {
    const [white, canvas] = [(768 - 512) * 512, 768 * 512];
    expect(states(text('inputs'), white, 0)).toBe(true);
    expect(states(text('inputs'), canvas, 0)).toBe(true);
    expect(white / canvas).toBeCloseTo(1 / 3, 12);
  });

  it('composites M ⊙ G + (1 − M) ⊙ x, with a hard and a feathered mask', () => {
    const x = [0.2, 0.9, 0.9, 0.3];
    const g = [0.5, 0.4, 0.35, 0.1];
    const composite = (mask: number[]) => mask.map((m, i) => m * g[i]! + (1 - m) * x[i]!);
    const seen = x.map((value, i) => value * (1 - [0, 1, 1, 0][i]!));
    const answer = text('composite').split(/答案|Answer/).pop()!;
    expect(answer).toContain(`(${seen.join(', ')})`);
    expect(answer).toContain(`(${composite([0, 1, 1, 0]).join(', ')})`);
    expect(states(answer, composite([0, 0.5, 1, 0])[1]!, 2)).toBe(true);
  });

  it('needs 50 layers of 3×3 convolutions to reach 50 pixels', () => {
    const field = (layers: number) => 2 * layers + 1;
    expect(states(text('receptive'), field(10), 0)).toBe(true);
    const layers = Math.ceil((field(50) - 1) / 2);
    expect(layers).toBe(50);
    expect(states(text('receptive'), layers, 0)).toBe(true);
    expect(states(text('receptive'), field(layers), 0)).toBe(true);
  });

  it('noises x₀ = 0.6 and recovers it from a noise prediction off by 0.1', () => {
    for (const alphaBar of [0.64, 0.04]) {
      const [xt] = forwardSample([0.6], alphaBar, [0.5]);
      const [x0] = predictX0([xt!], alphaBar, [0.4]);
      expect(states(text('noise'), xt!, 4)).toBe(true);
      expect(states(text('noise'), x0!, 4)).toBe(true);
      expect(states(text('noise'), x0! - 0.6, 3)).toBe(true);
      expect(states(text('noise'), Math.sqrt((1 - alphaBar) / alphaBar), 2)).toBe(true);
    }
  });

  it('sizes the 768 × 768 latent, the 9-channel input and a 40-pixel object', () => {
    const side = 768 / 8;
    expect(states(text('latent'), side * side * 4, 0)).toBe(true);
    expect(states(text('latent'), 768 * 768 * 3, 0)).toBe(true);
    expect(states(text('latent'), (768 * 768 * 3) / (side * side * 4), 0)).toBe(true);
    expect(states(text('latent'), 9 * side * side, 0)).toBe(true);
    expect(states(text('latent'), (40 / 8) ** 2, 0)).toBe(true);
  });
});
