import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/lib/content/lang.ts';
import {
  FIELDS,
  derive as deriveWith,
  fromHash,
  initialState,
  parseEntry,
  toHash,
  update,
  type AttentionAction,
  type AttentionState,
  type FieldName,
} from '../../../src/widgets/attention/model.ts';
import { attentionWords } from '../../../src/widgets/attention/text.ts';

const derive = (state: AttentionState, lang: Lang = 'en') => deriveWith(state, attentionWords(lang).messages);
const apply = (...actions: AttentionAction[]) => actions.reduce(update, initialState);
const edit = (field: FieldName, text: string): AttentionAction => ({ type: 'edit', field, text });
const texts = (rows: readonly (readonly { text: string }[])[]) => rows.map((row) => row.map((cell) => cell.text));

describe('attention widget model: what it shows', () => {
  it('starts from the worked example of the note', () => {
    const view = derive(initialState);
    expect(view.scale).toBe('1/√2 ≈ 0.7071');
    expect(view.scores).toEqual([
      ['0.7071', '0', '0.7071'],
      ['0', '0.7071', '0.7071'],
      ['0.7071', '0.7071', '1.4142'],
    ]);
    expect(texts(view.weights)).toEqual([
      ['0.4011', '0.1978', '0.4011'],
      ['0.1978', '0.4011', '0.4011'],
      ['0.2483', '0.2483', '0.5035'],
    ]);
    expect(view.output).toEqual([
      ['0.8022', '0.7967'],
      ['0.5989', '1.2033'],
      ['0.7517', '1'],
    ]);
    expect(view.message).toBe('');
    expect(view.announcement).toBe(
      'Attention weights: row 1 0.4011, 0.1978, 0.4011; row 2 0.1978, 0.4011, 0.4011; row 3 0.2483, 0.2483, 0.5035',
    );
    expect(derive(initialState, 'zh').announcement).toMatch(/^注意力权重：第 1 行 0.4011/);
  });

  it('hides later tokens under the causal mask: the upper triangle is 0 and marked masked', () => {
    const view = derive(apply({ type: 'causal', on: true }));
    expect(texts(view.weights)).toEqual([
      ['1', '0', '0'],
      ['0.3302', '0.6698', '0'],
      ['0.2483', '0.2483', '0.5035'],
    ]);
    expect(view.weights.map((row) => row.map((cell) => cell.masked))).toEqual([
      [false, true, true],
      [false, false, true],
      [false, false, false],
    ]);
    expect(view.scores[0]).toEqual(['0.7071', '−∞', '−∞']);
  });

  it('shows raw dot products, and sharper weights, without the 1/√d_k', () => {
    const view = derive(apply({ type: 'scaled', on: false }));
    expect(view.scale).toBe('1');
    expect(view.scores[2]).toEqual(['1', '1', '2']);
    expect(view.weights[2]![2]!.level).toBeGreaterThan(derive(initialState).weights[2]![2]!.level);
  });

  it('recomputes after an edit and keeps the last good numbers for a bad one', () => {
    const edited = apply(edit('q-1-1', '3'));
    expect(derive(edited).scores[0]).toEqual(['2.1213', '0', '2.1213']);
    const bad = update(edited, edit('k-2-2', ''));
    expect(bad.k).toBe(edited.k);
    expect(derive(bad).message).toBe(
      'K row 2, column 2: enter a number. The results shown are for the last valid numbers.',
    );
    expect(derive(bad).invalidFields).toEqual(['k-2-2']);
    const far = update(edited, edit('v-3-1', '12'));
    expect(derive(far, 'zh').message).toContain('V 第 3 行第 1 列：请输入 −10 到 10 之间的数。');
    const fixed = update(bad, edit('k-2-2', '1'));
    expect(fixed.invalid).toEqual([]);
    expect(update(fixed, edit('k-2-2', '1'))).toBe(fixed);
    expect(update(initialState, edit('x-1-1' as FieldName, '1'))).toBe(initialState);
    expect(update(initialState, edit('q-4-1', '1'))).toBe(initialState);
  });

  it('reads a field like a number input gives it', () => {
    expect(parseEntry('0.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseEntry('-0')).toEqual({ ok: true, value: 0 });
    expect(parseEntry('')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseEntry('-10.5')).toEqual({ ok: false, reason: 'out-of-range' });
  });

  it('lists its eighteen fields token by token', () => {
    expect(FIELDS).toHaveLength(18);
    expect(FIELDS.slice(0, 6)).toEqual(['q-1-1', 'q-1-2', 'k-1-1', 'k-1-2', 'v-1-1', 'v-1-2']);
  });
});

describe('attention widget model: the URL hash', () => {
  it('writes Q, K and V row by row and both switches, and reads them back', () => {
    const state = apply(edit('v-2-2', '-1.5'), { type: 'causal', on: true });
    const hash = toHash(state);
    expect(hash).toBe('q=1,0,0,1,1,1&k=1,0,0,1,1,1&v=1,0,0,-1.5,1,1&mask=1&scale=1');
    expect(fromHash(`#attention:${hash}`)).toEqual(state);
  });

  it('ignores a segment with a matrix of the wrong size or range, or a missing switch', () => {
    expect(fromHash('#attention:q=1,0&k=1,0,0,1,1,1&v=1,0,0,2,1,1&mask=0&scale=1')).toBeUndefined();
    expect(fromHash('#attention:q=99,0,0,1,1,1&k=1,0,0,1,1,1&v=1,0,0,2,1,1&mask=0&scale=1')).toBeUndefined();
    expect(fromHash('#attention:q=1,0,0,1,1,1&k=1,0,0,1,1,1&v=1,0,0,2,1,1&scale=1')).toBeUndefined();
    expect(fromHash('#neuron:x=1&w=1&b=0&f=relu')).toBeUndefined();
  });

  it('goes back to the worked example on reset', () => {
    expect(update(apply(edit('q-1-1', '2'), { type: 'causal', on: true }), { type: 'reset' })).toBe(initialState);
  });
});
