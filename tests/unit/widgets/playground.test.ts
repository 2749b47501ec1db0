import { describe, expect, it } from 'vitest';
import { classProbability, flatten, forward } from '../../../src/lib/nn/mlp.ts';
import {
  createState,
  initialState,
  update,
  type PlaygroundAction,
  type PlaygroundState,
} from '../../../src/widgets/playground/model.ts';
import { CHOICES, DEFAULT_CONFIG, normalizeConfig, snap } from '../../../src/widgets/playground/model-config.ts';
import { POINT_COUNT } from '../../../src/widgets/playground/model-data.ts';
import { fromHash, toHash } from '../../../src/widgets/playground/model-hash.ts';
import { MAX_HISTORY, appendHistory } from '../../../src/widgets/playground/model-training.ts';
import { chartPaths, derive } from '../../../src/widgets/playground/model-view.ts';
import {
  GRID,
  cellCentre,
  neuronScale,
  paint,
  parseColor,
  pictureNetwork,
  probabilityScale,
  toPixel,
} from '../../../src/widgets/playground/picture.ts';

const apply = (state: PlaygroundState, ...actions: PlaygroundAction[]) => actions.reduce(update, state);
const train = (state: PlaygroundState, steps: number) => update(state, { type: 'train', steps });
const params = (state: PlaygroundState) => flatten(state.run.network.layers);

describe('playground model: the run', () => {
  it('starts at step 0 with the default configuration, its data split and finite metrics', () => {
    expect(initialState.config).toEqual(DEFAULT_CONFIG);
    expect(initialState.run.step).toBe(0);
    expect(initialState.run.epoch).toBe(0);
    expect(initialState.playing).toBe(false);
    expect(initialState.points.train.length + initialState.points.test.length).toBe(POINT_COUNT);
    expect(initialState.points.train).toHaveLength(POINT_COUNT * DEFAULT_CONFIG.trainFraction);
    expect(initialState.history).toHaveLength(1);
    for (const value of Object.values(initialState.metrics)) expect(Number.isFinite(value)).toBe(true);
    // An untrained network is close to chance: cross-entropy near ln 2.
    expect(initialState.metrics.testLoss).toBeGreaterThan(0.5);
  });

  it('learns XOR with the default network: test loss below 0.05 within 1,000 steps', () => {
    let state = apply(initialState, { type: 'configure', patch: { dataset: 'xor' } });
    expect(state.metrics.testLoss).toBeGreaterThan(0.5);
    let steps = 0;
    while (state.metrics.testLoss >= 0.05) {
      state = train(state, 50);
      steps += 50;
      expect(steps).toBeLessThanOrEqual(1000);
    }
    expect(state.metrics.testAccuracy).toBeGreaterThan(0.98);
    expect(state.history.at(-1)).toEqual({
      step: steps,
      trainLoss: state.metrics.trainLoss,
      testLoss: state.metrics.testLoss,
    });
  });

  it('is deterministic: the same configuration and seed give the same run however the steps are sliced', () => {
    const config = normalizeConfig({
      ...DEFAULT_CONFIG,
      dataset: 'spiral',
      noise: 0.1,
      hidden: [8, 8],
      dropout: 0.2,
      l2: 0.001,
      batchSize: 7,
    });
    const once = train(createState(config), 300);
    const sliced = [1, 49, 100, 150].reduce(train, createState(config));
    expect(sliced.run.step).toBe(300);
    expect(params(sliced)).toEqual(params(once));
    expect(sliced.metrics).toEqual(once.metrics);
    expect(sliced.run.randomState).toBe(once.run.randomState);
    // Another seed: other data, another initial network.
    const other = createState({ ...config, seed: 2 });
    expect(other.points).not.toEqual(createState(config).points);
    expect(params(other)).not.toEqual(params(createState(config)));
  });

  it('counts epochs as complete passes over the training set, the last batch of an epoch smaller', () => {
    // 200 training points in batches of 30: 6 full batches and one of 20, 7 steps an epoch.
    const state = apply(initialState, { type: 'configure', patch: { batchSize: 30 } });
    expect(train(state, 6).run.epoch).toBe(0);
    expect(train(state, 7).run.epoch).toBe(1);
    expect(train(state, 7).run.cursor).toBe(200);
    expect(train(state, 15).run.epoch).toBe(2);
  });

  it('restarts from step 0 on any change of configuration, and keeps the data if only the network changed', () => {
    const trained = train(initialState, 100);
    const faster = update(trained, { type: 'configure', patch: { learningRate: 0.1 } });
    expect(faster.run.step).toBe(0);
    expect(faster.history).toHaveLength(1);
    expect(faster.points).toBe(trained.points);
    const spiral = update(trained, { type: 'configure', patch: { dataset: 'spiral' } });
    expect(spiral.points).not.toEqual(trained.points);
    expect(update(trained, { type: 'configure', patch: { learningRate: 0.03 } })).toBe(trained); // no change
    // Playing survives a change, so a learner can tweak while it trains.
    const playing = update(trained, { type: 'play' });
    expect(update(playing, { type: 'configure', patch: { l2: 0.01 } }).playing).toBe(true);
  });

  it('adds and removes hidden layers and neurons within 0–4 layers of 1–8', () => {
    expect(update(initialState, { type: 'layers', count: 3 }).config.hidden).toEqual([4, 4, 4]);
    expect(update(initialState, { type: 'layers', count: 9 }).config.hidden).toEqual([4, 4, 4, 4]);
    const none = update(initialState, { type: 'layers', count: 0 });
    expect(none.config.hidden).toEqual([]);
    expect(none.run.network.layers).toHaveLength(1); // logistic regression
    expect(train(none, 10).run.step).toBe(10);
    expect(update(initialState, { type: 'neurons', layer: 1, count: 8 }).config.hidden).toEqual([4, 8]);
    expect(update(initialState, { type: 'neurons', layer: 0, count: 0 }).config.hidden).toEqual([1, 4]);
    expect(update(initialState, { type: 'neurons', layer: 5, count: 3 })).toBe(initialState);
    expect(derive(update(initialState, { type: 'neurons', layer: 1, count: 8 }), 'en').architecture).toBe(
      '2 → 4 → 8 → 1',
    );
  });

  it('plays, pauses, resets', () => {
    const playing = update(initialState, { type: 'toggle' });
    expect(playing.playing).toBe(true);
    expect(update(playing, { type: 'play' })).toBe(playing);
    expect(update(playing, { type: 'pause' }).playing).toBe(false);
    const reset = update(train(playing, 40), { type: 'reset' });
    expect(reset.playing).toBe(false);
    expect(reset.run.step).toBe(0);
    expect(params(reset)).toEqual(params(initialState));
    expect(update(initialState, { type: 'train', steps: 0 })).toBe(initialState);
  });
});

describe('playground model: configuration and the URL hash', () => {
  it('restores a link shared before the widget kit (the hash format is unchanged)', () => {
    const body = 'd=spiral&n=0.15&t=0.5&h=4,4,6&a=relu&lr=0.01&b=30&o=momentum&l2=0.001&do=0.1&s=42';
    const config = fromHash(`#optimizer:s=ravine~playground:${body}`)!;
    expect(config).toEqual({
      dataset: 'spiral',
      noise: 0.15,
      trainFraction: 0.5,
      hidden: [4, 4, 6],
      activation: 'relu',
      learningRate: 0.01,
      batchSize: 30,
      optimizer: 'momentum',
      l2: 0.001,
      dropout: 0.1,
      seed: 42,
    });
    expect(toHash(config)).toBe(body);
  });

  it('round-trips every field through the hash, next to other widgets’ segments', () => {
    const config = normalizeConfig({
      dataset: 'spiral',
      noise: 0.35,
      trainFraction: 0.7,
      hidden: [8, 2, 5],
      activation: 'relu',
      learningRate: 0.003,
      batchSize: 25,
      optimizer: 'momentum',
      l2: 0.001,
      dropout: 0.3,
      seed: 4_000_000_000,
    });
    const hash = toHash(config);
    expect(hash).toBe('d=spiral&n=0.35&t=0.7&h=8,2,5&a=relu&lr=0.003&b=25&o=momentum&l2=0.001&do=0.3&s=4000000000');
    expect(fromHash(`#playground:${hash}`)).toEqual(config);
    expect(fromHash(`#optimizer:s=saddle~playground:${hash}`)).toEqual(config);
    expect(fromHash('#playground:h=')!.hidden).toEqual([]);
    expect(fromHash('#optimizer:s=saddle')).toBeUndefined();
    expect(fromHash('')).toBeUndefined();
  });

  it('repairs a garbled hash field by field', () => {
    const config = fromHash(
      '#playground:d=moons&n=7&t=0.52&h=4,99,x&a=swish&lr=0.028&b=0&o=rmsprop&l2=-1&do=0.9&s=-3',
    )!;
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      noise: 0.5,
      trainFraction: 0.5,
      hidden: [4, 8, 4],
      learningRate: 0.03,
      batchSize: 1,
      l2: 0,
      dropout: 0.5,
      seed: 0,
    });
    expect(fromHash('#playground:')).toEqual(DEFAULT_CONFIG);
  });

  it('snaps to the offered choices', () => {
    expect(snap(0.028, CHOICES.learningRate)).toBe(0.03);
    expect(snap(NaN, CHOICES.l2)).toBe(0);
    expect(normalizeConfig({ hidden: [1, 2, 3, 4, 5, 6] }).hidden).toEqual([1, 2, 3, 4]);
  });
});

describe('playground model: pictures and text', () => {
  it('samples every neuron over the grid; the probability is σ of the output logit', () => {
    const state = train(initialState, 50);
    const picture = pictureNetwork(state.run.network, GRID);
    expect(picture.sizes).toEqual([2, 4, 4, 1]);
    expect(picture.values.map((layer) => layer.length)).toEqual([2, 4, 4, 1]);
    const cell = 7 * GRID + 30;
    const { x, y } = cellCentre(30, 7);
    expect(picture.values[0]![0]![cell]).toBeCloseTo(x, 6);
    expect(picture.values[0]![1]![cell]).toBeCloseTo(y, 6);
    expect(y).toBeGreaterThan(0); // row 0 at the top
    expect(picture.probability[cell]).toBeCloseTo(classProbability(state.run.network, [x, y]), 6);
    expect(picture.values[2]![3]!.every((v) => v >= -1 && v <= 1)).toBe(true); // tanh
    // Every neuron equals the forward pass of the library at that point.
    const trace = forward(state.run.network, [x, y]);
    trace.a.forEach((layer, l) =>
      layer.forEach((value, j) => expect(picture.values[l + 1]![j]![cell]).toBeCloseTo(value, 5)),
    );
    // Redrawing into the previous picture reuses its arrays; another architecture gets new ones.
    const before = picture.probability[cell];
    const later = train(state, 10).run.network;
    const again = pictureNetwork(later, GRID, picture);
    expect(again.probability).toBe(picture.probability);
    expect(again.probability[cell]).not.toBe(before);
    expect(again.probability[cell]).toBeCloseTo(classProbability(later, [x, y]), 6);
    const wider = update(state, { type: 'neurons', layer: 0, count: 6 });
    expect(pictureNetwork(wider.run.network, GRID, again).values[1]).toHaveLength(6);
  });

  it('paints a diverging palette and maps data to pixels', () => {
    const palette = { negative: [200, 0, 0], neutral: [255, 255, 255], positive: [0, 0, 200] } as const;
    const out = new Uint8ClampedArray(16);
    paint([0, 0.5, 1, NaN], probabilityScale, palette, out);
    expect([...out]).toEqual([200, 0, 0, 255, 255, 255, 255, 255, 0, 0, 200, 255, 255, 255, 255, 255]);
    expect(neuronScale([0, 2, -4])(-2)).toBe(-0.5);
    expect(neuronScale([0, 0])(3)).toBe(0);
    expect(parseColor('#0072b2')).toEqual([0, 114, 178]);
    expect(parseColor(' rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(parseColor('var(--x)')).toBeUndefined();
    expect(toPixel(0, 0, 200)).toEqual({ px: 100, py: 100 });
    expect(toPixel(-1.25, 1.25, 200)).toEqual({ px: 0, py: 0 });
  });

  it('writes the numbers as text in both languages', () => {
    const state = train(initialState, 40);
    const en = derive(state, 'en');
    expect(en.step).toBe('40');
    expect(en.epoch).toBe('2');
    expect(en.testLoss).toMatch(/^0\.\d{1,3}$/);
    expect(en.summary).toBe(
      `Epoch 2, step 40. Training loss ${en.trainLoss}, test loss ${en.testLoss}; test accuracy ${en.testAccuracy}.`,
    );
    expect(en.parameters).toBe('37 parameters');
    expect(derive(state, 'zh').summary).toMatch(/^第 2 轮（epoch），第 40 步。训练损失 /);
    expect(derive(update(state, { type: 'play' }), 'en').status).toBe('Training…');
  });

  it('draws the loss chart in its box and thins a long history', () => {
    const { train: d } = chartPaths([
      { step: 0, trainLoss: 0.7, testLoss: 0.7 },
      { step: 100, trainLoss: 0.35, testLoss: 0.4 },
    ]);
    expect(d).toBe('M4.0,4.0L236.0,40.0');
    let history = [{ step: 0, trainLoss: 1, testLoss: 1 }];
    for (let s = 1; s <= 2000; s++) history = appendHistory(history, { step: s, trainLoss: 1 / s, testLoss: 1 / s });
    expect(history.length).toBeLessThanOrEqual(MAX_HISTORY);
    expect(history[0]!.step).toBe(0);
    expect(history.at(-1)!.step).toBe(2000);
    expect(history.map((p) => p.step)).toEqual([...history.map((p) => p.step)].sort((a, b) => a - b));
  });
});
