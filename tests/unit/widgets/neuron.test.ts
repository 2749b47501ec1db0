import { describe, expect, it } from 'vitest';
import { ACTIVATION_IDS } from '../../../src/lib/nn/activations.ts';
import type { Lang } from '../../../src/lib/content/lang.ts';
import {
  DIAGRAM,
  MAX_INPUTS,
  derive as deriveWith,
  fromHash,
  initialState,
  parseNumber,
  toHash,
  update,
  type NeuronAction,
  type NeuronState,
} from '../../../src/widgets/neuron/model.ts';
import { neuronMessages } from '../../../src/widgets/neuron/text.ts';

/** The view in `lang`, with the sentences the page carries for it. */
const derive = (state: NeuronState, lang: Lang) => deriveWith(state, neuronMessages(lang));
const apply = (...actions: NeuronAction[]) => actions.reduce(update, initialState);
const edit = (field: string, text: string): NeuronAction => ({ type: 'edit', field: field as 'b', text });

describe('neuron widget model: the computation written out', () => {
  it('shows the worked example of the note, number by number', () => {
    const view = derive(initialState, 'en');
    expect(view.steps).toEqual({
      z: 'z = 0.5×1.2 + (−1)×0.3 + 0.1 = 0.4',
      y: 'y = ReLU(0.4) = 0.4',
      dydz: 'dy/dz = ReLU′(0.4) = 1',
    });
    expect(view.message).toBe('');
    expect(view.announcement).toBe('z = 0.4, y = 0.4');
    expect(derive(initialState, 'zh').announcement).toBe('z = 0.4，y = 0.4');
  });

  it('follows edits, activations and a negative bias', () => {
    expect(derive(apply(edit('x1', '1')), 'en').steps!.z).toBe('z = 1×1.2 + (−1)×0.3 + 0.1 = 1');
    expect(derive(apply(edit('b', '-0.2')), 'en').steps!.z).toBe('z = 0.5×1.2 + (−1)×0.3 + (−0.2) = 0.1');
    const sigmoid = derive(apply({ type: 'activation', activation: 'sigmoid' }), 'en').steps!;
    expect(sigmoid.y).toBe('y = σ(0.4) = 0.5987');
    expect(sigmoid.dydz).toBe('dy/dz = σ′(0.4) = 0.2403');
    const negative = derive(apply(edit('w1', '-2')), 'en').steps!;
    expect(negative.z).toBe('z = 0.5×(−2) + (−1)×0.3 + 0.1 = −1.2');
    expect(negative.y).toBe('y = ReLU(−1.2) = 0');
    expect(negative.dydz).toBe('dy/dz = ReLU′(−1.2) = 0');
  });

  it('shows an exact 0 when decimals cancel', () => {
    const state = apply(edit('x1', '0.1'), edit('w1', '1'), edit('x2', '0.2'), edit('w2', '1'), edit('b', '-0.3'));
    expect(derive(state, 'en').steps!.z).toBe('z = 0.1×1 + 0.2×1 + (−0.3) = 0');
  });

  it('writes every number of the state into the fields and clamps the sliders', () => {
    const view = derive(apply(edit('x1', '12.5')), 'en');
    expect(view.fields.find((f) => f.field === 'x1')).toEqual({ field: 'x1', text: '12.5', slider: '5' });
    expect(view.fields.map((f) => f.field)).toEqual(['x1', 'w1', 'x2', 'w2', 'b']);
  });
});

describe('neuron widget model: odd input never throws and keeps the last good result', () => {
  it.each([
    ['', 'x1: enter a number.'],
    ['   ', 'x1: enter a number.'],
    ['abc', 'x1: “abc” is not a number.'],
    ['1e308', 'x1: 1e308 is outside the range −1000 to 1000.'],
    ['Infinity', 'x1: “Infinity” is not a number.'],
    ['0x10', 'x1: “0x10” is not a number.'],
    ['1,5', 'x1: “1,5” is not a number.'],
  ])('“%s” gives a message and keeps x1 = 0.5', (text, message) => {
    const state = apply(edit('x1', text));
    expect(state.inputs[0]).toBe(0.5);
    const view = derive(state, 'en');
    expect(view.message).toBe(`${message} The result shown is for the last valid numbers.`);
    expect(view.steps!.z).toBe('z = 0.5×1.2 + (−1)×0.3 + 0.1 = 0.4');
    expect(view.invalidFields).toEqual(['x1']);
  });

  it('says the same in Chinese', () => {
    expect(derive(apply(edit('w2', 'abc')), 'zh').message).toBe(
      'w2：“abc”不是一个数。 下面显示的仍是上一次有效输入的结果。',
    );
  });

  it('clears the message once the field is fixed, and keeps messages of other fields', () => {
    const state = apply(edit('x1', 'abc'), edit('b', ''), edit('x1', '2'));
    expect(state.inputs[0]).toBe(2);
    expect(derive(state, 'en').invalidFields).toEqual(['b']);
    expect(derive(update(state, edit('b', '0')), 'en').message).toBe('');
  });

  it('shortens a long pasted text in the message', () => {
    const message = derive(apply(edit('x1', 'x'.repeat(500))), 'en').message;
    expect(message.length).toBeLessThan(120);
    expect(message).toContain('…');
  });

  it('reads −0 as 0 and accepts the typographic minus and full-width digits', () => {
    expect(Object.is(apply(edit('x1', '-0')).inputs[0], 0)).toBe(true);
    expect(derive(apply(edit('x1', '-0')), 'en').message).toBe('');
    expect(parseNumber('−1.5')).toEqual({ ok: true, value: -1.5 });
    expect(parseNumber('１．５')).toEqual({ ok: true, value: 1.5 });
    expect(parseNumber(' +.5 ')).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber('2e-3')).toEqual({ ok: true, value: 0.002 });
    expect(parseNumber('1000')).toEqual({ ok: true, value: 1000 });
    expect(parseNumber('-1000.5')).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseNumber('NaN')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseNumber('1e999')).toEqual({ ok: false, reason: 'out-of-range' });
  });

  it('ignores edits of fields that do not exist and unknown activations', () => {
    expect(apply(edit('x3', '1'))).toBe(initialState);
    expect(apply(edit('w0', '1'))).toBe(initialState);
    expect(apply({ type: 'activation', activation: 'relu6' })).toBe(initialState);
  });

  it('survives random actions with random text (fuzz, seeded)', () => {
    let seed = 99;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const texts = ['', '-', '.', '1e308', '-0', 'abc', '３', '0.25', '-4.5', '1e-9', '999', '∞', '<b>', '1_000'];
    let state: NeuronState = initialState;
    for (let i = 0; i < 3000; i++) {
      const r = random();
      const fields = ['b', ...state.inputs.flatMap((_, k) => [`x${k + 1}`, `w${k + 1}`]), 'x9'];
      const action: NeuronAction =
        r < 0.1
          ? { type: 'add' }
          : r < 0.2
            ? { type: 'remove' }
            : r < 0.3
              ? { type: 'activation', activation: ACTIVATION_IDS[Math.floor(random() * 9)]! }
              : edit(fields[Math.floor(random() * fields.length)]!, texts[Math.floor(random() * texts.length)]!);
      state = update(state, action);
      const view = derive(state, i % 2 ? 'en' : 'zh');
      expect(view.steps, JSON.stringify(state)).toBeDefined();
      expect(state.inputs.length).toBe(state.weights.length);
      expect(state.inputs.every((x) => Math.abs(x) <= 1000)).toBe(true);
    }
  });
});

describe('neuron widget model: inputs', () => {
  it('adds inputs up to eight, with weight 0 so z does not change, and removes down to one', () => {
    let state = initialState;
    for (let i = 0; i < 10; i++) state = update(state, { type: 'add' });
    expect(state.inputs).toHaveLength(MAX_INPUTS);
    expect(state.weights.slice(2)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(derive(state, 'en').steps!.z).toMatch(/ = 0\.4$/);
    expect(derive(state, 'en').canAdd).toBe(false);
    for (let i = 0; i < 10; i++) state = update(state, { type: 'remove' });
    expect(state.inputs).toEqual([0.5]);
    expect(derive(state, 'en').canRemove).toBe(false);
    expect(update(state, { type: 'remove' })).toBe(state);
  });

  it('forgets the message of a removed input', () => {
    const state = apply(edit('w2', 'abc'), { type: 'remove' });
    expect(state.invalid).toEqual([]);
  });
});

describe('neuron widget model: diagram', () => {
  it('draws one edge per input whose width grows with |w| and whose style shows the sign', () => {
    const view = derive(apply(edit('w1', '-3'), edit('w2', '0'), { type: 'add' }), 'en');
    const [a, b, c] = view.diagram.inputs;
    expect(view.diagram.inputs).toHaveLength(3);
    expect(a!.sign).toBe('negative');
    expect(b!.sign).toBe('zero');
    expect(a!.width).toBeGreaterThan(b!.width);
    expect(a!.w).toBe('−3');
    expect(c!.x).toBe('1');
    const ys = view.diagram.inputs.map((i) => i.cy);
    expect(ys).toEqual([...ys].sort((p, q) => p - q));
    for (const y of ys) expect(y > 0 && y < DIAGRAM.height).toBe(true);
    expect(view.diagram.y).toBe('0');
    expect(view.diagram.activation).toBe('ReLU');
  });
});

describe('neuron widget model: URL hash', () => {
  it('restores a link shared before the widget kit (the hash format is unchanged)', () => {
    const hash = '#neuron:x=0.5,-1,1&w=1.2,0.3,-2&b=0.1&f=tanh';
    const state = fromHash(hash)!;
    expect(state).toEqual({
      inputs: [0.5, -1, 1],
      weights: [1.2, 0.3, -2],
      bias: 0.1,
      activation: 'tanh',
      invalid: [],
    });
    expect(`#neuron:${toHash(state)}`).toBe(hash);
  });

  it('writes and reads the configuration', () => {
    expect(toHash(initialState)).toBe('x=0.5,-1&w=1.2,0.3&b=0.1&f=relu');
    expect(fromHash('#neuron:x=0.5,-1&w=1.2,0.3&b=0.1&f=relu')).toEqual(initialState);
    const state = apply({ type: 'add' }, edit('w3', '-0.25'), edit('b', '3'), {
      type: 'activation',
      activation: 'gelu',
    });
    expect(fromHash(`neuron:${toHash(state)}`)).toEqual(state);
    // Its own segment among other widgets' segments (url-hash.ts).
    expect(fromHash('#playground:d=xor~neuron:x=2&w=3&b=-1&f=tanh~plot:f=relu&d=1&x=-6,6')).toMatchObject({
      inputs: [2],
      weights: [3],
      bias: -1,
      activation: 'tanh',
    });
  });

  it('round-trips random configurations (property test)', () => {
    let seed = 5;
    const random = () => ((seed = (seed * 48271) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 300; i++) {
      const n = 1 + Math.floor(random() * 8);
      const number = () => Math.round((random() * 2000 - 1000) * 1e4) / 1e4;
      const state: NeuronState = {
        inputs: Array.from({ length: n }, number),
        weights: Array.from({ length: n }, number),
        bias: number(),
        activation: ACTIVATION_IDS[Math.floor(random() * 9)]!,
        invalid: [],
      };
      expect(fromHash(`#neuron:${toHash(state)}`)).toEqual(state);
    }
  });

  it.each([
    '',
    '#intro',
    '#neuron:',
    '#neuron:x=1,2&w=1&b=0&f=relu',
    '#neuron:x=1&w=1&b=0&f=relu6',
    '#neuron:x=abc&w=1&b=0&f=relu',
    '#neuron:x=1e308&w=1&b=0&f=relu',
    '#neuron:x=1&w=1&f=relu',
    `#neuron:x=${Array(9).fill(1).join(',')}&w=${Array(9).fill(1).join(',')}&b=0&f=relu`,
  ])('rejects %j', (hash) => {
    expect(fromHash(hash)).toBeUndefined();
  });
});
