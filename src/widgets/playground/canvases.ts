// The playground's pictures, painted on the canvases the server rendered: the heat map of the network's output
// with the data points on top, and a thumbnail of every neuron's output. Colours come from the widget's CSS
// custom properties, so the dark theme has its own palette; buffers are reused frame after frame.
import type { Network } from '../../lib/nn/mlp.ts';
import type { PlaygroundState } from './model.ts';
import {
  GRID,
  neuronScale,
  paint,
  parseColor,
  pictureNetwork,
  probabilityScale,
  toPixel,
  type NetworkPicture,
  type Palette,
  type Rgb,
} from './picture.ts';

type Points = PlaygroundState['points'];

interface Colors {
  region: Palette;
  thumb: Palette;
  point0: string;
  point1: string;
  outline: string;
}

export class PlaygroundCanvases {
  /** The heat map, sized to its box once the ResizeObserver has reported its width (no forced layout). */
  readonly map: HTMLCanvasElement | null;
  readonly #host: HTMLElement;
  #picture: NetworkPicture | undefined;
  #points: Points | undefined;
  #showTest = true;
  #colors: Colors | undefined;
  #cells: HTMLCanvasElement | undefined;
  /** The heat map's width in CSS px (reading layout every frame would be slow). */
  #mapSize = 0;
  /** Image buffers reused frame after frame, one per canvas. */
  #images = new WeakMap<HTMLCanvasElement, ImageData>();
  /** The data points drawn once on their own canvas and copied onto the heat map each frame. */
  #pointsLayer: { canvas: HTMLCanvasElement; key: string; points: Points } | undefined;

  constructor(host: HTMLElement) {
    this.#host = host;
    this.map = host.querySelector('canvas[data-heatmap]');
  }

  /** Samples `network` over the grid and paints every picture. */
  paint(network: Network, points: Points): void {
    this.#picture = pictureNetwork(network, GRID, this.#picture);
    this.#points = points;
    this.#paintMap();
    this.#paintThumbnails();
  }

  /** The heat map's box is `width` CSS px wide. */
  resize(width: number): void {
    if (width > 0 && width !== this.#mapSize) {
      this.#mapSize = width;
      this.#paintMap();
    }
  }

  showTest(on: boolean): void {
    this.#showTest = on;
    this.#pointsLayer = undefined;
    this.#paintMap();
  }

  /** The theme changed: read the colours again and repaint. */
  recolor(): void {
    this.#colors = undefined;
    this.#pointsLayer = undefined;
    this.#paintMap();
    this.#paintThumbnails();
  }

  #readColors(): Colors {
    if (this.#colors) return this.#colors;
    const style = getComputedStyle(this.#host);
    const read = (name: string, fallback: Rgb): Rgb => parseColor(style.getPropertyValue(name)) ?? fallback;
    const css = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const neutral = read('--pg-neutral', [255, 255, 255]);
    this.#colors = {
      region: {
        negative: read('--pg-region-0', [246, 178, 122]),
        neutral,
        positive: read('--pg-region-1', [128, 184, 222]),
      },
      thumb: { negative: read('--pg-thumb-0', [213, 94, 0]), neutral, positive: read('--pg-thumb-1', [0, 114, 178]) },
      point0: css('--pg-point-0', '#d55e00'),
      point1: css('--pg-point-1', '#0072b2'),
      outline: css('--pg-outline', '#1c2026'),
    };
    return this.#colors;
  }

  /** A reusable image buffer of `size` × `size` for `canvas`. */
  #image(canvas: HTMLCanvasElement, context: CanvasRenderingContext2D, size: number): ImageData {
    let image = this.#images.get(canvas);
    if (!image || image.width !== size) {
      image = context.createImageData(size, size);
      this.#images.set(canvas, image);
    }
    return image;
  }

  /** The heat map of P(class 1), upscaled smoothly from the GRID × GRID samples, with the data points on top. */
  #paintMap(): void {
    const canvas = this.map;
    const picture = this.#picture;
    const points = this.#points;
    if (!canvas || !picture || !points || this.#mapSize === 0) return;
    const size = Math.round(this.#mapSize * Math.min(2, window.devicePixelRatio || 1));
    if (canvas.width !== size || canvas.height !== size) {
      canvas.width = size;
      canvas.height = size;
    }
    const context = canvas.getContext('2d');
    const cells = (this.#cells ??= document.createElement('canvas'));
    if (cells.width !== picture.size) {
      cells.width = picture.size;
      cells.height = picture.size;
    }
    const cellContext = cells.getContext('2d');
    if (!context || !cellContext) return;
    const colors = this.#readColors();
    const image = this.#image(cells, cellContext, picture.size);
    paint(picture.probability, probabilityScale, colors.region, image.data);
    cellContext.putImageData(image, 0, 0);
    context.imageSmoothingEnabled = true;
    context.drawImage(cells, 0, 0, size, size);
    context.drawImage(this.#pointsCanvas(points, size, colors), 0, 0);
  }

  /** The data points at `size` px, drawn once per data set, size, colours and test-data toggle. */
  #pointsCanvas(points: Points, size: number, colors: Colors): HTMLCanvasElement {
    const key = `${size}|${this.#showTest}|${colors.point0}|${colors.point1}|${colors.outline}`;
    // The points object is replaced exactly when the data change (see `update`), so its identity is the data's key.
    if (this.#pointsLayer?.key === key && this.#pointsLayer.points === points) return this.#pointsLayer.canvas;
    const canvas = this.#pointsLayer?.canvas ?? document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d')!;
    context.clearRect(0, 0, size, size);
    const r = Math.max(2.5, size / 110);
    const thin = Math.max(1, size / 300);
    const draw = (set: Points['train'], filled: boolean) => {
      for (const point of set) {
        const { px, py } = toPixel(point.x, point.y, size);
        context.beginPath();
        // Class 1: circles; class 0: squares. Training points are filled, test points hollow.
        if (point.label === 1) context.arc(px, py, r, 0, 2 * Math.PI);
        else context.rect(px - r * 0.9, py - r * 0.9, r * 1.8, r * 1.8);
        const color = point.label === 1 ? colors.point1 : colors.point0;
        if (filled) {
          context.fillStyle = color;
          context.fill();
          context.strokeStyle = colors.outline;
          context.lineWidth = thin;
        } else {
          context.strokeStyle = color;
          context.lineWidth = Math.max(1.5, size / 200);
        }
        context.stroke();
      }
    };
    draw(points.train, true);
    if (this.#showTest) draw(points.test, false);
    this.#pointsLayer = { canvas, key, points };
    return canvas;
  }

  /** Every neuron's output over the plane, each on its own scale (see `neuronScale`). */
  #paintThumbnails(): void {
    const picture = this.#picture;
    if (!picture) return;
    const colors = this.#readColors();
    for (const canvas of this.#host.querySelectorAll<HTMLCanvasElement>('canvas[data-thumb]')) {
      const isOutput = canvas.dataset.thumb === 'output';
      const [l, j] = isOutput
        ? [picture.sizes.length - 1, 0]
        : ((canvas.dataset.thumb ?? '').split(',').map(Number) as [number, number]);
      const values = picture.values[l]?.[j];
      if (!values || canvas.closest('[hidden]')) continue;
      const context = canvas.getContext('2d');
      if (!context) continue;
      const image = this.#image(canvas, context, picture.size);
      paint(
        isOutput ? picture.probability : values,
        isOutput ? probabilityScale : neuronScale(values),
        isOutput ? colors.region : colors.thumb,
        image.data,
      );
      context.putImageData(image, 0, 0);
    }
  }
}
