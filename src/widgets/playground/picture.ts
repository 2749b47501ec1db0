// The playground's pictures as numbers, without the DOM: every neuron's output over a grid of the input plane,
// the colours of the heat map and the thumbnails, and data coordinates to pixels. The view paints them on its
// canvases (canvases.ts); the server draws the no-JavaScript snapshot with `toPixel`.
import { activationFunctions } from '../../lib/nn/activation-core.ts';
import { layerSizes, type Network } from '../../lib/nn/mlp.ts';

/** The square shown by the pictures: [−EXTENT, EXTENT]² (the data lie in [−1, 1]² before noise). */
export const EXTENT = 1.25;
/** Cells per side of the grid on which the network is sampled for the heat map and the neuron thumbnails. */
export const GRID = 48;

/** The value of every neuron over the GRID × GRID cell centres of [−EXTENT, EXTENT]², row 0 at the top. */
export interface NetworkPicture {
  readonly size: number;
  /** Layer sizes from the input (2) to the output (1). */
  readonly sizes: readonly number[];
  /** values[l][j][cell]: output of neuron j of layer l (layer 0 = the inputs x₁, x₂); cell = row · size + column. */
  readonly values: ReadonlyArray<ReadonlyArray<Float32Array>>;
  /** σ(output logit) per cell: the probability of class 1 (blue) the heat map shows. */
  readonly probability: Float32Array;
}

/** The centre of cell (column, row) in data coordinates; row 0 is the top (largest y). */
export function cellCentre(column: number, row: number, size = GRID): { x: number; y: number } {
  return { x: -EXTENT + ((column + 0.5) * 2 * EXTENT) / size, y: EXTENT - ((row + 0.5) * 2 * EXTENT) / size };
}

/**
 * Every neuron's output over the grid: the forward pass z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = f(z⁽ˡ⁾) of `forward`, run for
 * all cells at once, layer by layer, into flat arrays (no dropout: this is the network as evaluated). Pass the
 * previous picture as `reuse` to write into its arrays when the layer sizes match (no allocation per frame).
 */
export function pictureNetwork(network: Network, size = GRID, reuse?: NetworkPicture): NetworkPicture {
  const sizes = layerSizes(network);
  const cells = size * size;
  const fits = reuse && reuse.size === size && reuse.sizes.join() === sizes.join();
  const values = fits ? reuse.values : sizes.map((n) => Array.from({ length: n }, () => new Float32Array(cells)));
  const probability = fits ? reuse.probability : new Float32Array(cells);
  const [xs, ys] = values[0] as [Float32Array, Float32Array];
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const { x, y } = cellCentre(column, row, size);
      xs[row * size + column] = x;
      ys[row * size + column] = y;
    }
  }
  network.layers.forEach((layer, l) => {
    const { f } = activationFunctions[layer.activation];
    const inputs = values[l]!;
    const outputs = values[l + 1]!;
    layer.weights.forEach((row, j) => {
      const out = outputs[j]!;
      const bias = layer.biases[j]!;
      for (let cell = 0; cell < cells; cell++) {
        let z = bias;
        for (let i = 0; i < row.length; i++) z += row[i]! * inputs[i]![cell]!;
        out[cell] = f(z);
      }
    });
  });
  const logits = values.at(-1)![0]!;
  for (let cell = 0; cell < cells; cell++) probability[cell] = 1 / (1 + Math.exp(-logits[cell]!));
  return { size, sizes, values, probability };
}

/** An RGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

/** The colours of a diverging scale: class 0 (t = −1), the neutral middle (t = 0), class 1 (t = +1). */
export interface Palette {
  readonly negative: Rgb;
  readonly neutral: Rgb;
  readonly positive: Rgb;
}

/**
 * Writes the colour of t ∈ [−1, 1] (clamped) for each value into `out` (RGBA, 4 bytes per value): a linear blend
 * from `neutral` towards `negative` or `positive` by |t|, opaque. `scale` maps a value to t.
 */
export function paint(
  values: ArrayLike<number>,
  scale: (value: number) => number,
  palette: Palette,
  out: Uint8ClampedArray,
): void {
  for (let i = 0; i < values.length; i++) {
    const t = Math.min(1, Math.max(-1, scale(values[i]!)));
    const end = t < 0 ? palette.negative : palette.positive;
    const a = t === t ? Math.abs(t) : 0;
    out[4 * i] = palette.neutral[0] + (end[0] - palette.neutral[0]) * a;
    out[4 * i + 1] = palette.neutral[1] + (end[1] - palette.neutral[1]) * a;
    out[4 * i + 2] = palette.neutral[2] + (end[2] - palette.neutral[2]) * a;
    out[4 * i + 3] = 255;
  }
}

/** The heat map's scale: probability p of class 1 to t = 2p − 1 (class 0 at p = 0, undecided at p = ½). */
export const probabilityScale = (p: number) => 2 * p - 1;

/**
 * A neuron thumbnail's scale: its output divided by the largest |output| over the grid, so each thumbnail uses
 * the full range whatever the activation (sign kept: a ReLU neuron is neutral to positive, tanh both ways).
 */
export function neuronScale(values: ArrayLike<number>): (value: number) => number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]!));
  return largest > 0 && Number.isFinite(largest) ? (v) => v / largest : () => 0;
}

/** A CSS colour `#rrggbb` or `rgb(r, g, b)` as RGB, or undefined. */
export function parseColor(text: string): Rgb | undefined {
  const value = text.trim();
  const hex = /^#([0-9a-f]{6})$/i.exec(value);
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(value);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : undefined;
}

/** Data coordinates to a position in a picture of `size` px: x to the right, y up. */
export function toPixel(x: number, y: number, size: number): { px: number; py: number } {
  return { px: ((x + EXTENT) / (2 * EXTENT)) * size, py: ((EXTENT - y) / (2 * EXTENT)) * size };
}
