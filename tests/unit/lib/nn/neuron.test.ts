import { describe, expect, it } from 'vitest';
import { ACTIVATION_IDS, activations, type ActivationId } from '../../../../src/lib/nn/activations.ts';
import { neuron, type NeuronResult } from '../../../../src/lib/nn/neuron.ts';

const example = { inputs: [0.5, -1], weights: [1.2, 0.3], bias: 0.1 };
function value(result: NeuronResult) {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('neuron', () => {
  it('computes the worked example of the neuron note', () => {
    const relu = value(neuron({ ...example, activation: 'relu' }));
    expect(relu.products).toEqual([0.6, -0.3]);
    expect(relu.z).toBeCloseTo(0.4, 15);
    expect(relu.y).toBeCloseTo(0.4, 15);
    expect(relu.dydz).toBe(1);
    const sig = value(neuron({ ...example, activation: 'sigmoid' }));
    expect(sig.y).toBeCloseTo(0.598687660112452, 14);
    expect(sig.dydz).toBeCloseTo(0.598687660112452 * (1 - 0.598687660112452), 14);
    expect(value(neuron({ ...example, activation: 'tanh' })).y).toBeCloseTo(0.379948962255225, 14);
  });

  it.each(ACTIVATION_IDS)('applies %s and its derivative to z', (id: ActivationId) => {
    const out = value(neuron({ inputs: [2, -1, 0.5], weights: [0.3, 0.8, -2], bias: -0.25, activation: id }));
    const z = 2 * 0.3 - 0.8 - 1 - 0.25;
    expect(out.z).toBeCloseTo(z, 14);
    expect(out.y).toBe(activations[id].f(out.z));
    expect(out.dydz).toBe(activations[id].df(out.z));
  });

  it('returns an exact 0 when decimal inputs cancel (0.1 + 0.2 − 0.3)', () => {
    const out = value(neuron({ inputs: [0.1, 0.2], weights: [1, 1], bias: -0.3, activation: 'relu' }));
    expect(out.z).toBe(0);
    expect(out.dydz).toBe(0); // ReLU′(0) = 0 by convention
    expect(value(neuron({ inputs: [1e-13], weights: [1], bias: 0, activation: 'relu' })).z).toBe(1e-13);
  });

  it('accepts no inputs at all: z is the bias', () => {
    expect(value(neuron({ inputs: [], weights: [], bias: 0.7, activation: 'relu' })).z).toBe(0.7);
  });

  it('reports mismatched lengths as a typed error', () => {
    expect(neuron({ inputs: [1, 2], weights: [1], bias: 0, activation: 'relu' })).toEqual({
      ok: false,
      error: { kind: 'length-mismatch', inputs: 2, weights: 1 },
    });
  });

  it('reports the first non-finite number and where it is', () => {
    expect(neuron({ inputs: [1, NaN], weights: [1, 1], bias: 0, activation: 'relu' })).toEqual({
      ok: false,
      error: { kind: 'not-finite', field: 'input', index: 1, value: NaN },
    });
    expect(neuron({ inputs: [1], weights: [-Infinity], bias: 0, activation: 'relu' })).toMatchObject({
      error: { kind: 'not-finite', field: 'weight', index: 0 },
    });
    expect(neuron({ inputs: [1], weights: [1], bias: Infinity, activation: 'relu' })).toMatchObject({
      error: { kind: 'not-finite', field: 'bias' },
    });
  });

  it('reports a sum that overflows although every number is finite', () => {
    expect(neuron({ inputs: [1e308, 1e308], weights: [1, 1], bias: 0, activation: 'relu' })).toEqual({
      ok: false,
      error: { kind: 'overflow' },
    });
    expect(neuron({ inputs: [1e308], weights: [10], bias: 0, activation: 'relu' })).toEqual({
      ok: false,
      error: { kind: 'overflow' },
    });
    // Large but representable: fine. A result far below the precision of huge terms that cancel is reported as 0.
    expect(value(neuron({ inputs: [1e308], weights: [1], bias: -1e308, activation: 'relu' })).z).toBe(0);
    expect(value(neuron({ inputs: [1e308, 1], weights: [1, 5], bias: -1e308, activation: 'relu' })).z).toBe(0);
    expect(value(neuron({ inputs: [1e300, 1], weights: [1, 5], bias: -1e300, activation: 'relu' })).z).toBe(0);
  });

  it('reports an unknown activation (as from a hand-edited URL) instead of throwing', () => {
    const result = neuron({ ...example, activation: 'relu6' as ActivationId });
    expect(result).toEqual({ ok: false, error: { kind: 'unknown-activation', name: 'relu6' } });
  });

  it('agrees with the plain sum on random inputs (property test)', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 20 - 10;
    for (let trial = 0; trial < 1000; trial++) {
      const n = 1 + (trial % 8);
      const inputs = Array.from({ length: n }, random);
      const weights = Array.from({ length: n }, random);
      const bias = random();
      const naive = inputs.reduce((s, x, i) => s + x * weights[i]!, bias);
      const out = value(neuron({ inputs, weights, bias, activation: 'tanh' }));
      expect(Math.abs(out.z - naive)).toBeLessThan(
        1e-12 * (1 + inputs.reduce((s, x, i) => s + Math.abs(x * weights[i]!), Math.abs(bias))),
      );
      expect(out.y).toBe(Math.tanh(out.z));
    }
  });
});
