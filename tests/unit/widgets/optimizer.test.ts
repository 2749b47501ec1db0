import { describe, expect, it } from 'vitest';
import { surfaces } from '../../../src/lib/nn/loss-surfaces.ts';
import { sgd } from '../../../src/lib/nn/optimizers.ts';
import type { Lang } from '../../../src/lib/content/lang.ts';
import {
  DEFAULT_RATES,
  INITIAL_STEPS,
  MAX_STEPS,
  RATES,
  createState,
  fromHash,
  initialState,
  normalizeConfig,
  snapRate,
  surfaceConfig,
  toHash,
  update,
  type OptimizerVizState,
} from '../../../src/widgets/optimizer/model.ts';
import {
  contourMarkup,
  contours,
  derive as deriveWith,
  fromView,
  toView,
} from '../../../src/widgets/optimizer/model-view.ts';
import { optimizerSentences } from '../../../src/widgets/optimizer/text.ts';

/** The view in `lang`, with the sentences the page carries for it. */
const derive = (state: OptimizerVizState, lang: Lang) => deriveWith(state, optimizerSentences(lang));

describe('optimizer visualizer model', () => {
  it('restores a link shared before the widget kit (the hash format is unchanged)', () => {
    const body = 's=ravine&x=-3.5&y=1.5&sgd=0.3&momentum=0.03&adam=0.05';
    const config = fromHash(
      `#optimizer:${body}~playground:d=gaussians&n=0&t=0.5&h=4,4&a=tanh&lr=0.03&b=10&o=adam&l2=0&do=0&s=1`,
    )!;
    expect(config).toEqual({
      surface: 'ravine',
      start: { x: -3.5, y: 1.5 },
      rates: { sgd: 0.3, momentum: 0.03, adam: 0.05 },
    });
    expect(toHash(config)).toBe(body);
  });

  it('starts on Rosenbrock’s valley with every path INITIAL_STEPS long, from the same point', () => {
    expect(initialState.config).toEqual(surfaceConfig('rosenbrock'));
    expect(initialState.step).toBe(INITIAL_STEPS);
    for (const walker of Object.values(initialState.walkers)) {
      expect(walker.path).toHaveLength(INITIAL_STEPS + 1);
      expect(walker.path[0]).toEqual({ x: -1.2, y: 1 });
      expect(walker.diverged).toBe(false);
    }
  });

  it('walks with the real optimizers: SGD in the ravine multiplies y by 1 − 6η each step', () => {
    const state = update(createState(surfaceConfig('ravine')), { type: 'step', steps: 5 });
    const ys = state.walkers.sgd.path.map((p) => p.y);
    for (let k = 1; k < ys.length; k++) expect(ys[k]).toBeCloseTo(ys[k - 1]! * (1 - 6 * 0.3), 12);
    // And the same numbers as stepping the optimizer by hand.
    const o = sgd(0.3);
    let theta = [-3.5, 1.5];
    let s = o.init(2);
    for (let k = 0; k < 5; k++)
      ({ theta, state: s } = o.step(theta, surfaces.ravine.gradient(theta[0]!, theta[1]!), s));
    expect(state.walkers.sgd.path.at(-1)).toEqual({ x: theta[0], y: theta[1] });
  });

  it('shows what the note says about each surface', () => {
    const after = (surface: 'rosenbrock' | 'saddle', steps: number) =>
      update(createState(surfaceConfig(surface)), { type: 'step', steps }).walkers;
    // Rosenbrock: SGD is still far from (1, 1) after 1,000 steps; momentum and Adam are close.
    const r = after('rosenbrock', MAX_STEPS);
    const distance = (p: { x: number; y: number }) => Math.hypot(p.x - 1, p.y - 1);
    expect(distance(r.sgd.path.at(-1)!)).toBeGreaterThan(0.3);
    expect(distance(r.momentum.path.at(-1)!)).toBeLessThan(0.05);
    expect(distance(r.adam.path.at(-1)!)).toBeLessThan(0.05);
    // …and at 0.01 SGD diverges within a few steps.
    const fast = update(
      update(createState(surfaceConfig('rosenbrock')), { type: 'rate', optimizer: 'sgd', rate: 0.01 }),
      { type: 'step', steps: 20 },
    );
    expect(fast.walkers.sgd.diverged).toBe(true);
    expect(fast.walkers.sgd.path.length).toBeLessThan(10);
    expect(derive(fast, 'en').walkers[0]).toMatchObject({ loss: 'diverged', diverged: true });
    // Saddle: after 150 steps SGD still lingers near the saddle point, Adam is in a valley (y ≈ ±1).
    const s = after('saddle', 150);
    expect(Math.abs(s.sgd.path.at(-1)!.y)).toBeLessThan(0.1);
    expect(Math.abs(s.adam.path.at(-1)!.y)).toBeCloseTo(1, 1);
  });

  it('restarts on a change of surface, rate or start; clamps and snaps what it is given', () => {
    const saddle = update(initialState, { type: 'surface', surface: 'saddle' });
    expect(saddle.config).toEqual(surfaceConfig('saddle'));
    expect(saddle.step).toBe(0);
    expect(update(initialState, { type: 'surface', surface: 'beale' })).toBe(initialState);
    const rate = update(initialState, { type: 'rate', optimizer: 'adam', rate: 0.04 });
    expect(rate.config.rates).toEqual({ ...DEFAULT_RATES.rosenbrock, adam: 0.05 });
    expect(rate.step).toBe(0);
    const start = update(initialState, { type: 'start', x: 10, y: -0.123 });
    expect(start.config.start).toEqual({ x: 2, y: -0.12 });
    expect(snapRate(0)).toBe(RATES[0]);
    expect(snapRate(7)).toBe(1);
    expect(normalizeConfig({ ...surfaceConfig('saddle'), start: { x: NaN, y: 0 } }).start).toEqual({ x: -1.8, y: 0 });
  });

  it('stops at MAX_STEPS; play after the end starts over; reset keeps the configuration', () => {
    const playing = update(createState(surfaceConfig('ravine')), { type: 'play' });
    const done = update(playing, { type: 'step', steps: 5000 });
    expect(done.step).toBe(MAX_STEPS);
    expect(done.playing).toBe(false);
    expect(update(done, { type: 'step', steps: 1 })).toBe(done);
    expect(update(done, { type: 'play' })).toMatchObject({ step: 0, playing: true });
    expect(update(done, { type: 'reset' })).toMatchObject({ step: 0, config: done.config });
    expect(update(playing, { type: 'toggle' }).playing).toBe(false);
  });

  it('round-trips the hash next to other segments, and repairs bad fields', () => {
    const config = normalizeConfig({
      surface: 'saddle',
      start: { x: 0.5, y: -1.25 },
      rates: { sgd: 0.1, momentum: 0.0003, adam: 1 },
    });
    expect(toHash(config)).toBe('s=saddle&x=0.5&y=-1.25&sgd=0.1&momentum=0.0003&adam=1');
    expect(fromHash(`#playground:d=xor~optimizer:${toHash(config)}`)).toEqual(config);
    expect(fromHash('#optimizer:s=nope&x=abc&adam=')).toEqual(surfaceConfig('rosenbrock'));
    expect(fromHash('#playground:d=xor')).toBeUndefined();
    expect(update(initialState, { type: 'load', config })).toMatchObject({ config, step: 0 });
  });

  it('draws contours for every surface and maps the view both ways', () => {
    for (const surface of ['rosenbrock', 'saddle', 'ravine'] as const) {
      const lines = contours(surface);
      expect(lines).toHaveLength(surfaces[surface].levels.length);
      expect(lines.filter((l) => l.d.startsWith('M')).length).toBeGreaterThan(lines.length / 2);
      expect(contourMarkup(surface).match(/<path /g)).toHaveLength(lines.length);
      const { px, py } = toView(surface, 0.3, -0.7);
      const back = fromView(surface, px, py);
      expect(back.x).toBeCloseTo(0.3, 12);
      expect(back.y).toBeCloseTo(-0.7, 12);
    }
    expect(toView('rosenbrock', -2, 3)).toEqual({ px: 0, py: 0 });
  });

  it('describes the positions in words, in both languages', () => {
    const view = derive(createState(surfaceConfig('ravine')), 'en');
    expect(view.summary).toBe(
      'After 0 steps: SGD at (−3.5, 1.5), L = 7.3625; Momentum at (−3.5, 1.5), L = 7.3625; Adam at (−3.5, 1.5), L = 7.3625.',
    );
    expect(derive(createState(surfaceConfig('ravine')), 'zh').summary).toMatch(
      /^0 步之后：SGD 在 \(−3\.5, 1\.5\)，L = 7\.3625；动量/,
    );
    expect(view.walkers.map((w) => w.rateIndex)).toEqual([RATES.indexOf(0.3), RATES.indexOf(0.03), RATES.indexOf(0.1)]);
  });
});
