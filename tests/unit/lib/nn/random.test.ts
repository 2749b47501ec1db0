import { describe, expect, it } from 'vitest';
import { deriveSeed, gaussian, mulberry32, shuffle, uniform } from '../../../../src/lib/nn/random.ts';

describe('random', () => {
  it('mulberry32: the reference sequence, in [0, 1), reproducible and resumable', () => {
    // The reference JavaScript of mulberry32 as published (bryc/code, PRNGs.md), transcribed verbatim.
    function reference(a: number) {
      return function () {
        let t = (a += 0x6d2b79f5);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    for (const seed of [0, 1, 42, 0xdeadbeef, 2 ** 32 - 1]) {
      const ours = mulberry32(seed);
      const theirs = reference(seed);
      for (let i = 0; i < 100; i++) expect(ours.next()).toBe(theirs());
    }
    const a = mulberry32(123);
    const seq = Array.from({ length: 1000 }, () => a.next());
    expect(seq.every((u) => u >= 0 && u < 1)).toBe(true);
    const b = mulberry32(123);
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(seq);
    const c = mulberry32(123);
    for (let i = 0; i < 500; i++) c.next();
    const resumed = mulberry32(c.state());
    expect(Array.from({ length: 500 }, () => resumed.next())).toEqual(seq.slice(500));
    const mean = seq.reduce((s, u) => s + u, 0) / seq.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('deriveSeed: independent streams per name, stable per seed', () => {
    expect(deriveSeed(1, 'data')).toBe(deriveSeed(1, 'data'));
    expect(deriveSeed(1, 'data')).not.toBe(deriveSeed(1, 'init'));
    expect(deriveSeed(1, 'data')).not.toBe(deriveSeed(2, 'data'));
    expect(Number.isInteger(deriveSeed(-5, 'x')) && deriveSeed(-5, 'x') >= 0).toBe(true);
  });

  it('gaussian: mean 0, variance 1', () => {
    const r = mulberry32(9);
    const xs = Array.from({ length: 20000 }, () => gaussian(r));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(variance).toBeCloseTo(1, 1);
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  it('uniform and shuffle', () => {
    const r = mulberry32(4);
    expect(Array.from({ length: 100 }, () => uniform(r, -2, 3)).every((x) => x >= -2 && x < 3)).toBe(true);
    const items = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = shuffle(items, mulberry32(1));
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffle(items, mulberry32(1))).toEqual(shuffled);
    expect(items[0]).toBe(0); // the input is not touched
  });
});
