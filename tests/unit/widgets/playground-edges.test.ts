import { describe, expect, it } from 'vitest';
import { layerSizes } from '../../../src/lib/nn/mlp.ts';
import { initialState, update } from '../../../src/widgets/playground/model.ts';
import { EDGE_WIDTH, eachWeight, edgeSign, edgeWidth, networkEdges } from '../../../src/widgets/playground/edges.ts';

describe('playground edges', () => {
  it('draws a weight as wide as it is large, clamped, to 0.1 px', () => {
    expect(edgeWidth(1)).toBe(1.5);
    expect(edgeWidth(-1)).toBe(1.5);
    expect(edgeWidth(2)).toBe(3);
    expect(edgeWidth(0.71)).toBe(1.1); // 1.065 rounded
    expect(edgeWidth(0)).toBe(EDGE_WIDTH.min);
    expect(edgeWidth(0.1)).toBe(EDGE_WIDTH.min);
    expect(edgeWidth(100)).toBe(EDGE_WIDTH.max);
    expect(edgeWidth(-Infinity)).toBe(EDGE_WIDTH.max);
    expect(edgeWidth(NaN)).toBe(EDGE_WIDTH.min);
    // Monotone in |w| and symmetric in its sign.
    let previous = 0;
    for (let w = 0; w <= 5; w += 0.01) {
      expect(edgeWidth(w)).toBeGreaterThanOrEqual(previous);
      expect(edgeWidth(-w)).toBe(edgeWidth(w));
      previous = edgeWidth(w);
    }
  });

  it('colours a weight by its sign', () => {
    expect(edgeSign(0.3)).toBe('positive');
    expect(edgeSign(-0.3)).toBe('negative');
    expect(edgeSign(0)).toBe('positive');
  });

  it('lists one edge per weight, in the order of the weights', () => {
    const edges = networkEdges([2, 3, 1]);
    expect(edges).toHaveLength(2 * 3 + 3 * 1);
    expect(edges.slice(0, 3)).toEqual([
      { layer: 0, from: 0, to: 0 },
      { layer: 0, from: 1, to: 0 },
      { layer: 0, from: 0, to: 1 },
    ]);
    expect(edges.at(-1)).toEqual({ layer: 1, from: 2, to: 0 });
    expect(networkEdges([2, 1])).toHaveLength(2); // no hidden layer: logistic regression
    expect(networkEdges([])).toEqual([]);
  });

  it('visits the weights of a trained network in that order', () => {
    const state = update(initialState, { type: 'train', steps: 20 });
    const { network } = state.run;
    const edges = networkEdges(layerSizes(network));
    const seen: Array<[number, number]> = [];
    eachWeight(network, (k, w) => seen.push([k, w]));
    expect(seen.map(([k]) => k)).toEqual(edges.map((_, k) => k));
    edges.forEach(({ layer, from, to }, k) => expect(seen[k]![1]).toBe(network.layers[layer]!.weights[to]![from]));
    // Training spreads the weights: their lines no longer all look the same.
    expect(new Set(seen.map(([, w]) => edgeWidth(w))).size).toBeGreaterThan(5);
  });
});
