import { describe, expect, it } from 'vitest';
import { groupBySection, neighbours, readingOrder, type SectionSpec } from '../../../../src/lib/content/sections.ts';

const sections: SectionSpec[] = [
  { id: 'a', zh: '甲', en: 'A', notes: ['roadmap', 'neuron'] },
  { id: 'b', zh: '乙', en: 'B', notes: ['missing', 'learning'] },
  { id: 'more', zh: '其他', en: 'More', notes: [] },
];
const note = (slug: string, title = slug) => ({ slug, title });

describe('groupBySection', () => {
  it('orders notes as the sections list them and skips missing ones', () => {
    const groups = groupBySection([note('learning'), note('neuron'), note('roadmap')], sections);
    expect(groups.map((g) => [g.spec.id, g.items.map((n) => n.slug)])).toEqual([
      ['a', ['roadmap', 'neuron']],
      ['b', ['learning']],
    ]);
  });
  it('puts unlisted notes into the last section, sorted by title', () => {
    const groups = groupBySection([note('roadmap'), note('zeta', 'Zeta'), note('alpha', 'Alpha')], sections);
    expect(groups.at(-1)!.spec.id).toBe('more');
    expect(groups.at(-1)!.items.map((n) => n.slug)).toEqual(['alpha', 'zeta']);
  });
});

describe('neighbours', () => {
  const ordered = readingOrder([note('learning'), note('neuron'), note('roadmap')], sections);
  it('gives previous and next along the reading order', () => {
    expect(neighbours(ordered, 'neuron')).toEqual({ prev: note('roadmap'), next: note('learning') });
    expect(neighbours(ordered, 'roadmap').prev).toBeUndefined();
    expect(neighbours(ordered, 'learning').next).toBeUndefined();
    expect(neighbours(ordered, 'nope')).toEqual({});
  });
});

describe('windowAround', () => {
  it('keeps short lists whole', async () => {
    const { windowAround } = await import('../../../../src/lib/content/sections.ts');
    expect(windowAround([1, 2, 3], 1, 5)).toEqual({ items: [1, 2, 3], before: 0, after: 0 });
  });
  it('centres the current item in a long list and counts what is left out', async () => {
    const { windowAround } = await import('../../../../src/lib/content/sections.ts');
    const list = Array.from({ length: 100 }, (_, i) => i);
    expect(windowAround(list, 50, 5)).toEqual({ items: [48, 49, 50, 51, 52], before: 48, after: 47 });
    expect(windowAround(list, 0, 5)).toEqual({ items: [0, 1, 2, 3, 4], before: 0, after: 95 });
    expect(windowAround(list, 99, 5)).toEqual({ items: [95, 96, 97, 98, 99], before: 95, after: 0 });
  });
});
