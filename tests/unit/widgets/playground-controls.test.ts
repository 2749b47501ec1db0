import { describe, expect, it } from 'vitest';
import { createState, initialState, update } from '../../../src/widgets/playground/model.ts';
import { DEFAULT_CONFIG, MAX_SEED, normalizeConfig } from '../../../src/widgets/playground/model-config.ts';
import { controlAction, controlValue, sliderText } from '../../../src/widgets/playground/model-controls.ts';

/** Every data-field the playground renders (Controls.astro), the neurons selects by layer. */
const FIELDS = [
  'dataset',
  'noise',
  'trainFraction',
  'seed',
  'layers',
  'activation',
  'learningRate',
  'batchSize',
  'optimizer',
  'l2',
  'dropout',
];

describe('playground controls', () => {
  const config = normalizeConfig({
    ...DEFAULT_CONFIG,
    dataset: 'spiral',
    noise: 0.35,
    hidden: [8, 2, 5],
    activation: 'relu',
    batchSize: 25,
    optimizer: 'momentum',
    seed: 42,
  });

  it('shows each field of the configuration as its control’s value', () => {
    expect(Object.fromEntries(FIELDS.map((field) => [field, controlValue(config, field)]))).toEqual({
      dataset: 'spiral',
      noise: '0.35',
      trainFraction: '0.5',
      seed: '42',
      layers: '3',
      activation: 'relu',
      learningRate: '0.03',
      batchSize: '25',
      optimizer: 'momentum',
      l2: '0',
      dropout: '0',
    });
    expect([0, 1, 2, 3].map((layer) => controlValue(config, 'neurons', layer))).toEqual(['8', '2', '5', '4']);
    expect(controlValue(config, 'show-test')).toBeUndefined();
    expect(controlValue(config, 'hidden')).toBeUndefined();
  });

  it('sets each field from its control: what a control shows changes nothing', () => {
    const state = createState(config);
    for (const field of FIELDS) expect(update(state, controlAction(field, controlValue(config, field)!)!)).toBe(state);
    for (const layer of [0, 1, 2]) {
      const action = controlAction('neurons', controlValue(config, 'neurons', layer)!, layer)!;
      expect(update(state, action)).toBe(state);
    }
  });

  it('sends names as names and numbers as numbers, for the model to check', () => {
    expect(controlAction('dataset', 'xor')).toEqual({ type: 'configure', patch: { dataset: 'xor' } });
    expect(controlAction('noise', '0.15')).toEqual({ type: 'configure', patch: { noise: 0.15 } });
    expect(controlAction('layers', '3')).toEqual({ type: 'layers', count: 3 });
    expect(controlAction('neurons', '6', 2)).toEqual({ type: 'neurons', layer: 2, count: 6 });
    expect(update(initialState, controlAction('optimizer', 'rmsprop')!)).toBe(initialState);
    expect(controlAction('show-test', 'on')).toBeUndefined();
    expect(controlAction('hidden', '4')).toBeUndefined();
  });

  it('takes only whole seeds from 0 to 2³² − 1', () => {
    expect(controlAction('seed', String(MAX_SEED))).toEqual({ type: 'configure', patch: { seed: MAX_SEED } });
    expect(controlAction('seed', '0')).toEqual({ type: 'configure', patch: { seed: 0 } });
    for (const value of ['', ' ', '-1', '1.5', String(MAX_SEED + 1), 'x'])
      expect(controlAction('seed', value)).toBeUndefined();
  });

  it('writes the sliders’ values as they read', () => {
    expect(sliderText('noise', 0.35)).toBe('35%');
    expect(sliderText('trainFraction', 0.7)).toBe('70%');
    expect(sliderText('batchSize', 7)).toBe('7');
    expect(sliderText('dataset', 1)).toBeUndefined();
  });
});
