// The figures the apple-core-ml exercises state, in both languages, computed here: Core ML's one-scale image
// preprocessing against torchvision's exact normalization, the weight storage of MobileNetV2 at each precision,
// and 8-bit symmetric quantization of one row of weights.
import { describe, expect, it } from 'vitest';
import { exercise, states } from './exercise-source.ts';

const SLUG = 'apple-core-ml';
const LANGS = ['zh', 'en'] as const;

describe.each(LANGS)('apple-core-ml (%s): the exercises', (lang) => {
  const titles = {
    green: { zh: '绿色通道的预处理', en: "The green channel's preprocessing" },
    size: { zh: '模型文件有多大', en: 'How big is the model file' },
    quantize: { zh: '手算 8 位对称量化', en: '8-bit symmetric quantization by hand' },
  } as const;
  const text = (key: keyof typeof titles) => exercise(lang, SLUG, titles[key][lang]);

  it("compares Core ML's single scale with the exact green-channel normalization", () => {
    const coreML = (p: number) => p / (0.226 * 255) - 0.456 / 0.224;
    const exact = (p: number) => (p / 255 - 0.456) / 0.224;
    for (const p of [128, 255]) {
      expect(states(text('green'), coreML(p), 4)).toBe(true);
      expect(states(text('green'), exact(p), 4)).toBe(true);
      expect(states(text('green'), exact(p) - coreML(p), 4)).toBe(true);
    }
    expect(states(text('green'), 0.456 / 0.224, 4)).toBe(true);
    expect(states(text('green'), 2 / 255, 6)).toBe(true);
    expect(coreML(0)).toBeCloseTo(exact(0), 12);
  });

  it('sizes 3,504,872 parameters at 4, 2, 1 and 0.5 bytes each', () => {
    const parameters = 3_504_872;
    for (const bytes of [4, 2, 1, 0.5]) expect(states(text('size'), (parameters * bytes) / 1e6, 2)).toBe(true);
  });

  it('quantizes (0.42, -1.05, 0.013, 0.77) with s = max|w|/127', () => {
    const weights = [0.42, -1.05, 0.013, 0.77];
    const s = Math.max(...weights.map(Math.abs)) / 127;
    expect(states(text('quantize'), s, 6)).toBe(true);
    expect(states(text('quantize'), s / 2, 4)).toBe(true);
    for (const w of weights) {
      const q = Math.round(w / s);
      expect(states(text('quantize'), q, 0)).toBe(true);
      expect(states(text('quantize'), s * q, 4)).toBe(true);
      expect(states(text('quantize'), s * q - w, 4)).toBe(true);
    }
    const relative = Math.abs(s * Math.round(0.013 / s) - 0.013) / 0.013;
    expect(states(text('quantize'), relative * 100, 0)).toBe(true); // 27 %
  });
});
