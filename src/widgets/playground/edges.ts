// The network's weights as the lines between the neuron thumbnails: one line per weight, as wide as the weight is
// large and coloured by its sign, as in the TensorFlow Playground. Pure numbers; the view (edges-view.ts) draws
// them and patches only the lines whose look changed. Imports only src/lib.
import type { Network } from '../../lib/nn/mlp.ts';

/**
 * Stroke width in px per unit of |w|, and the narrowest and widest line: a weight near zero stays a hairline that
 * shows the connection exists, a large one does not swallow its neighbours.
 */
export const EDGE_WIDTH = { perUnit: 1.5, min: 0.5, max: 6 } as const;

/**
 * The stroke width of a line of weight `w`: EDGE_WIDTH.perUnit · |w| clamped to [min, max] (NaN, from a run that
 * diverged, as min), rounded to 0.1 px, so a frame of training rewrites only the lines that visibly change.
 */
export function edgeWidth(w: number): number {
  const width = EDGE_WIDTH.perUnit * Math.abs(w);
  if (!(width > EDGE_WIDTH.min)) return EDGE_WIDTH.min;
  return Math.round(Math.min(EDGE_WIDTH.max, width) * 10) / 10;
}

export type EdgeSign = 'positive' | 'negative';

/** Negative weights are drawn in the colour of class 0 (orange), the others in that of class 1 (blue). */
export function edgeSign(w: number): EdgeSign {
  return w < 0 ? 'negative' : 'positive';
}

/** One weight, W⁽ˡ⁾[to][from]: it joins neuron `from` of column `layer` to neuron `to` of column `layer + 1`. */
export interface Edge {
  readonly layer: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Every weight of a network with these layer sizes (from the inputs to the output), in the order `eachWeight`
 * visits them: layer by layer, then by the neuron it feeds, then by the neuron it comes from.
 */
export function networkEdges(sizes: readonly number[]): Edge[] {
  const edges: Edge[] = [];
  for (let layer = 0; layer + 1 < sizes.length; layer++)
    for (let to = 0; to < sizes[layer + 1]!; to++)
      for (let from = 0; from < sizes[layer]!; from++) edges.push({ layer, from, to });
  return edges;
}

/** Calls `visit(k, w)` for each weight of `network`, k counting in `networkEdges` order. Allocates nothing. */
export function eachWeight(network: Network, visit: (k: number, w: number) => void): void {
  let k = 0;
  for (const layer of network.layers) for (const row of layer.weights) for (const w of row) visit(k++, w);
}
