// Seeded pseudo-random numbers for everything the widgets draw at random (data sets, initial weights, mini-batch
// order, dropout masks). A generator is always passed in explicitly, so the same seed gives the same run;
// nothing in src/lib calls Math.random.

/** A seeded source of uniform numbers; `mulberry32(r.state())` continues the same sequence. */
export interface Random {
  /** The next number, uniform in [0, 1). */
  next(): number;
  /** The 32-bit internal state: a new generator made from it continues exactly where this one is. */
  state(): number;
}

/**
 * mulberry32 (Tommy Ettinger, 2017): a 32-bit state advanced by aₙ₊₁ = aₙ + 0x6D2B79F5 (mod 2³²) and mixed by
 * xor-shifts and multiplications into a number in [0, 1) with 2⁻³² resolution. Period 2³²; small, fast and good
 * enough for pictures and toy training, not for cryptography. `seed` is reduced to an unsigned 32-bit integer.
 */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    state: () => a,
  };
}

/**
 * A seed for an independent stream: the 32-bit FNV-1a hash of `name` mixed with `seed`, so `deriveSeed(s, 'data')`
 * and `deriveSeed(s, 'init')` give unrelated sequences and changing the network does not change the data set.
 */
export function deriveSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A uniform number in [min, max): min + (max − min)·u. */
export function uniform(random: Random, min: number, max: number): number {
  return min + (max - min) * random.next();
}

/**
 * A standard normal sample by the Box–Muller transform: z = √(−2 ln u₁) · cos(2πu₂) with u₁ ∈ (0, 1]
 * (1 − u keeps ln away from 0). One of the pair is thrown away, so the state advances by exactly two draws.
 */
export function gaussian(random: Random): number {
  const u1 = 1 - random.next();
  const u2 = random.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A copy of `items` in random order (Fisher–Yates: for i = n−1 … 1 swap item i with item j, j uniform in 0 … i). */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}
