// The lines between the neuron thumbnails, one per weight (edges.ts), in the SVG the server rendered behind them.
// The lines are made when the network's shape changes and placed from where the thumbnails are laid out (read
// once then, and when the columns resize, e.g. as a web font arrives); a frame of training only patches the width
// and the sign of the lines whose look changed. The SVG is aria-hidden: the network's figure has its own label.
import { layerSizes, type Network } from '../../lib/nn/mlp.ts';
import { edgeSign, edgeWidth, eachWeight, networkEdges, type EdgeSign } from './edges.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export class NetworkEdges {
  readonly #svg: SVGSVGElement | null;
  readonly #host: HTMLElement;
  #lines: SVGLineElement[] = [];
  /** The layer sizes the lines were made for, as `2,4,4,1`. */
  #shape = '';
  /** What each line shows now, to write only what changed. */
  #widths: number[] = [];
  #signs: EdgeSign[] = [];
  #resize: ResizeObserver | undefined;

  constructor(host: HTMLElement) {
    this.#host = host;
    this.#svg = host.querySelector('svg[data-edges]');
  }

  /** Starts following the columns' sizes: a column that grows or shrinks moves the thumbnails. */
  observe(): void {
    const container = this.#svg?.parentElement;
    if (!container) return;
    this.#resize ??= new ResizeObserver(() => this.#place());
    this.#resize.observe(container);
    for (const column of container.querySelectorAll('[data-kind]')) this.#resize.observe(column);
  }

  disconnect(): void {
    this.#resize?.disconnect();
  }

  /** Shows `network`'s weights: new lines when its shape changed, then each line's width and colour. */
  draw(network: Network): void {
    const sizes = layerSizes(network);
    if (sizes.join() !== this.#shape) this.#make(sizes);
    const lines = this.#lines;
    const widths = this.#widths;
    const signs = this.#signs;
    eachWeight(network, (k, w) => {
      const line = lines[k];
      if (!line) return;
      const width = edgeWidth(w);
      if (widths[k] !== width) {
        widths[k] = width;
        line.setAttribute('stroke-width', String(width));
      }
      const sign = edgeSign(w);
      if (signs[k] !== sign) {
        signs[k] = sign;
        line.setAttribute('data-sign', sign);
      }
    });
  }

  /** One line per weight of a network of these layer sizes, reusing the lines there are. */
  #make(sizes: readonly number[]): void {
    const svg = this.#svg;
    if (!svg) return;
    this.#shape = sizes.join();
    const edges = networkEdges(sizes);
    while (this.#lines.length > edges.length) this.#lines.pop()!.remove();
    while (this.#lines.length < edges.length)
      this.#lines.push(svg.appendChild(document.createElementNS(SVG_NS, 'line')));
    edges.forEach(({ layer, from, to }, k) => this.#lines[k]!.setAttribute('data-edge', `${layer},${from},${to}`));
    this.#widths = [];
    this.#signs = [];
    this.#place();
  }

  /** Each line from the right edge of its neuron's thumbnail to the left edge of the next one, at mid-height. */
  #place(): void {
    const sizes = this.#shape.split(',').map(Number);
    const output = sizes.length - 1;
    // Column c's neuron j: the inputs are column 0, the hidden layers 1…, the output has a thumbnail of its own.
    const thumb = (column: number, j: number) =>
      this.#host.querySelector<HTMLCanvasElement>(
        column === output ? 'canvas[data-thumb="output"]' : `canvas[data-thumb="${column},${j}"]`,
      );
    const boxes = new Map<string, { left: number; right: number; middle: number }>();
    const box = (column: number, j: number) => {
      const key = `${column},${j}`;
      let found = boxes.get(key);
      if (!found) {
        // offset* are relative to the columns' box (position: relative), which scrolls with the lines.
        const canvas = thumb(column, j);
        const left = canvas?.offsetLeft ?? 0;
        found = {
          left,
          right: left + (canvas?.offsetWidth ?? 0),
          middle: (canvas?.offsetTop ?? 0) + (canvas?.offsetHeight ?? 0) / 2,
        };
        boxes.set(key, found);
      }
      return found;
    };
    networkEdges(sizes).forEach(({ layer, from, to }, k) => {
      const start = box(layer, from);
      const end = box(layer + 1, to);
      const line = this.#lines[k];
      line?.setAttribute('x1', String(start.right));
      line?.setAttribute('y1', String(start.middle));
      line?.setAttribute('x2', String(end.left));
      line?.setAttribute('y2', String(end.middle));
    });
  }
}
