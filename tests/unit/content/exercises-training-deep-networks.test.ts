// The figures the training-deep-networks note states, in both languages, against the project's own maths: the
// per-layer gradient table and the measurements quoted in the text against src/lib/nn/gradient-flow.ts, the
// exercises against initVariance, gradient descent (sgd) and direct computation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradientFlow, initVariance, relativeToTop, type GradientFlowSpec } from '../../../src/lib/nn/gradient-flow.ts';
import { sgd } from '../../../src/lib/nn/optimizers.ts';
import { exercise, states, type NoteLang } from './exercise-source.ts';

const SLUG = 'training-deep-networks';
const LANGS = ['zh', 'en'] as const;
const source = (lang: NoteLang): string => readFileSync(`content/notes/${lang}/${SLUG}.md`, 'utf8');

/** The note's experiment: 10 dense layers of width 100, a batch of 64, seed 1. */
const SETUP = { depth: 10, width: 100, samples: 64, seed: 1 } as const;
const flow = (spec: Pick<GradientFlowSpec, 'activation' | 'init' | 'residual'>) => gradientFlow({ ...SETUP, ...spec });
const COLUMNS = [
  flow({ activation: 'sigmoid', init: 'xavier' }),
  flow({ activation: 'tanh', init: 'xavier' }),
  flow({ activation: 'relu', init: 'xavier' }),
  flow({ activation: 'relu', init: 'he' }),
];

/** A number as the note writes it: `0.24`, `1`, or `$1.9 \times 10^{-6}$`. */
function parseFigure(text: string): number {
  const scientific = /^\$?\s*(-?\d+(?:\.\d+)?)\s*\\times\s*10\^\{(-?\d+)\}\s*\$?$/.exec(text.trim());
  if (scientific) return Number(scientific[1]) * 10 ** Number(scientific[2]);
  const plain = Number(text.trim());
  if (Number.isNaN(plain)) throw new Error(`not a figure: ${text}`);
  return plain;
}

/** Whether `text` contains `value` in scientific notation (`9.1 \times 10^{-13}`) to `significant` digits. */
function statesScientific(text: string, value: number, significant = 2): boolean {
  const written = [...text.matchAll(/(\d+(?:\.\d+)?)\s*\\times\s*10\^\{(-?\d+)\}/g)].map(
    (m) => Number(m[1]) * 10 ** Number(m[2]),
  );
  const expected = Number(value.toPrecision(significant));
  return written.some((w) => Math.abs(w - expected) <= 1e-9 * Math.abs(expected));
}

/** The rows of the per-layer table: the layer number and the four figures, read from the Markdown source. */
function tableRows(lang: NoteLang): Map<number, number[]> {
  const rows = new Map<number, number[]>();
  for (const line of source(lang).split('\n')) {
    const cells = line.split('|').slice(1, -1);
    if (cells.length !== 5) continue;
    const layer = /^\s*(\d+)\b/.exec(cells[0]!);
    if (!layer) continue; // the header and the separator
    rows.set(Number(layer[1]), cells.slice(1).map(parseFigure));
  }
  return rows;
}

describe.each(LANGS)('training-deep-networks (%s): the measured figures', (lang) => {
  it('has the per-layer table that gradient-flow.ts computes, to two significant digits', () => {
    const rows = tableRows(lang);
    expect([...rows.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    COLUMNS.forEach((column, c) => {
      const relative = relativeToTop(column, 'deltaNorm');
      for (const [layer, figures] of rows) {
        const expected = Number(relative[layer - 1]!.toPrecision(2));
        expect(figures[c], `layer ${layer}, column ${c + 1}`).toBeCloseTo(expected, 12);
      }
    });
  });

  it('quotes the measurements of the text as computed', () => {
    const text = source(lang);
    const [sigmoid, , reluGlorot, reluHe] = COLUMNS;
    const perLayer = relativeToTop(sigmoid!, 'deltaNorm')[0]! ** (1 / 9);
    expect(states(text, perLayer, 2)).toBe(true); // ≈ 0.23
    expect(states(text, reluGlorot![9]!.activationRms, 3)).toBe(true); // 0.025
    expect(states(text, reluHe![9]!.activationRms, 2)).toBe(true); // 0.80
    const plain = relativeToTop(sigmoid!, 'weightGradientNorm')[0]!;
    const residual = relativeToTop(flow({ activation: 'sigmoid', init: 'xavier', residual: true }), 'weightGradientNorm');
    expect(statesScientific(text, plain)).toBe(true); // 3.3 × 10⁻⁶
    expect(states(text, residual[0]!, 2)).toBe(true); // 0.44
    const exploding = flow({ activation: 'relu', init: 'he', residual: true });
    expect(states(text, exploding[9]!.activationRms, 0)).toBe(true); // 148
  });
});

describe.each(LANGS)('training-deep-networks (%s): the exercises', (lang) => {
  const titles = {
    init: { zh: '算一层的初始化', en: 'Initialize one layer' },
    sigmoid: { zh: 'sigmoid 链要多深才消失', en: 'How deep before a sigmoid chain vanishes' },
    scaling: { zh: '从 He 列推出 Glorot 列', en: 'The Glorot column from the He column' },
    norms: { zh: '手算 BatchNorm 与 LayerNorm', en: 'BatchNorm and LayerNorm by hand' },
    rate: { zh: '找学习率上限', en: 'Find the learning-rate limit' },
    residual: { zh: '残差链与平链', en: 'A residual chain and a plain chain' },
  } as const;
  const text = (key: keyof typeof titles) => exercise(lang, SLUG, titles[key][lang]);

  it('initializes a 512 → 128 layer by Xavier and He', () => {
    const xavier = initVariance('xavier', 512, 128);
    const he = initVariance('he', 512, 128);
    expect(states(text('init'), xavier, 6)).toBe(true);
    expect(states(text('init'), Math.sqrt(xavier), 4)).toBe(true);
    expect(states(text('init'), Math.sqrt(3 * xavier), 4)).toBe(true);
    expect(states(text('init'), Math.sqrt(he), 4)).toBe(true);
  });

  it('bounds a chain of sigmoids by 4^-k', () => {
    expect(statesScientific(text('sigmoid'), 4 ** -20, 3)).toBe(true);
    expect(states(text('sigmoid'), Math.ceil(6 / Math.log10(4)), 0)).toBe(true);
  });

  it('derives the ReLU + Glorot figures from the ReLU + He ones, as gradient-flow.ts computes them', () => {
    const [, , reluGlorot, reluHe] = COLUMNS;
    const layer1 = relativeToTop(reluGlorot!, 'deltaNorm')[0]!;
    // Same random numbers, weights scaled by 1/√2: exactly the factor the solution uses.
    expect(layer1).toBeCloseTo(relativeToTop(reluHe!, 'deltaNorm')[0]! * 2 ** -4.5, 12);
    expect(states(text('scaling'), layer1, 3)).toBe(true);
    expect(states(text('scaling'), reluGlorot![9]!.activationRms, 3)).toBe(true);
  });

  it('normalizes by column (BatchNorm) and by row (LayerNorm)', () => {
    const normalize = (values: number[]) => {
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
      return values.map((v) => (v - mean) / Math.sqrt(variance));
    };
    for (const value of normalize([4, 4, 10])) expect(states(text('norms'), value, 3)).toBe(true);
    for (const value of normalize([4, 10])) expect(states(text('norms'), value, 0)).toBe(true);
  });

  it('steps gradient descent on 5x² and finds the limits for x² + 10y²', () => {
    const descent = sgd(0.15);
    let theta = [4];
    for (let k = 0; k < 3; k++) {
      theta = descent.step(theta, [10 * theta[0]!], descent.init(1)).theta;
      expect(states(text('rate'), theta[0]!, 1)).toBe(true);
    }
    const [largest, smallest] = [20, 2];
    const best = 2 / (largest + smallest);
    const factor = Math.abs(1 - best * largest);
    expect(factor).toBeCloseTo(Math.abs(1 - best * smallest), 12);
    expect(states(text('rate'), 2 / largest, 1)).toBe(true);
    expect(states(text('rate'), best, 4)).toBe(true);
    expect(states(text('rate'), factor, 3)).toBe(true);
    expect(states(text('rate'), Math.ceil(Math.log(1000) / Math.log(1 / factor)), 0)).toBe(true);
  });

  it('compares w^10 with (1 + w)^10', () => {
    expect(statesScientific(text('residual'), 0.05 ** 10)).toBe(true);
    expect(states(text('residual'), 1.05 ** 10, 2)).toBe(true);
    expect(states(text('residual'), 0.5 ** 10, 6)).toBe(true);
    expect(states(text('residual'), 1.5 ** 10, 1)).toBe(true);
  });
});
