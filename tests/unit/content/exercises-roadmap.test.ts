// The figures the roadmap exercises state, in both languages: a layer Wx + b with the project's matrix product,
// one chain-rule gradient with its sigmoid (src/lib/nn), and the notes to read before sota-image-models, found by
// following the prerequisites that the notes' frontmatter declares.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../../src/lib/nn/activation-core.ts';
import { matmul } from '../../../src/lib/nn/attention.ts';
import { exercise, states, type NoteLang } from './exercise-source.ts';

const SLUG = 'roadmap';
const LANGS = ['zh', 'en'] as const;
const withoutSeparators = (text: string) => text.replace(/(\d)(?:\{,\}|,)(?=\d{3}\b)/g, '$1');

/** Each note's `prerequisites:` from its frontmatter, by slug. */
function prerequisites(lang: NoteLang): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of readdirSync(`content/notes/${lang}`)) {
    const source = readFileSync(`content/notes/${lang}/${file}`, 'utf8');
    const front = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
    const list = /^prerequisites:\s*\[(.*)\]\s*$/m.exec(front)?.[1] ?? '';
    const slugs = list
      .split(',')
      .map((slug) => slug.trim())
      .filter(Boolean);
    found.set(file.replace(/\.mdx?$/, ''), slugs);
  }
  return found;
}

/** Every note reachable backwards through prerequisites. */
function before(lang: NoteLang, slug: string): Set<string> {
  const graph = prerequisites(lang);
  const seen = new Set<string>();
  const stack = [...(graph.get(slug) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(graph.get(next) ?? []));
  }
  return seen;
}

/** The Markdown source of one exercise, links included (the `> ` lines from its marker on). */
function rawExercise(lang: NoteLang, title: string): string {
  const lines = readFileSync(`content/notes/${lang}/${SLUG}.mdx`, 'utf8').split('\n');
  const start = lines.indexOf(`> [!exercise] ${title}`);
  expect(start, `exercise "${title}"`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('>'));
  return lines.slice(start, end).join('\n');
}

describe.each(LANGS)('roadmap (%s): the exercises', (lang) => {
  const titles = {
    layer: { zh: '一层就是 Wx + b', en: 'A layer is Wx + b' },
    chain: { zh: '用链式法则求一个梯度', en: 'One gradient by the chain rule' },
    order: { zh: '读 SOTA 图像模型之前', en: 'Before reading state-of-the-art image models' },
  } as const;
  const text = (key: keyof typeof titles) => withoutSeparators(exercise(lang, SLUG, titles[key][lang]));

  it('computes Wx + b and counts the multiplications of a 64 × 784 → 128 layer', () => {
    const W = [
      [1, -2, 0],
      [3, 1, -1],
    ];
    const Wx = matmul(W, [[2], [1], [4]]).map((row) => row[0]!);
    const out = Wx.map((value, i) => value + [1, -2][i]!);
    expect(text('layer')).toContain(`Wx = (${Wx.join(', ')})^\\top`);
    expect(text('layer').split(/答案|Answer/).pop()).toContain(`(${out.join(', ')})^\\top`);
    expect(states(text('layer'), 64 * 128 * 784, 0)).toBe(true);
  });

  it('takes the gradient of (σ(wx + b) − 1)² and one step of gradient descent', () => {
    const [w, b, x, t, eta] = [2, -1, 1, 1, 0.5];
    const y = sigmoid(w * x + b);
    const dLdy = 2 * (y - t);
    const dydz = y * (1 - y);
    const grad = dLdy * dydz * x;
    for (const value of [y, dLdy, dydz, grad, w - eta * grad]) expect(states(text('chain'), value, 4)).toBe(true);
  });

  it('lists every note that sota-image-models needs first, and only those', () => {
    const needed = before(lang, 'sota-image-models');
    const raw = rawExercise(lang, titles.order[lang]);
    const prefix = lang === 'zh' ? '/notes/' : '/en/notes/';
    for (const slug of needed) expect(raw, slug).toContain(`](${prefix}${slug}/)`);
    expect(states(text('order'), needed.size, 0)).toBe(true);
    for (const later of ['training-deep-networks', 'attention-and-transformers']) {
      expect(needed.has(later)).toBe(false);
      expect(raw).toContain(`](${prefix}${later}/)`);
    }
  });
});
