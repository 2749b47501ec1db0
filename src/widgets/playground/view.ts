// <dl-playground>: makes the server-rendered network playground live. Training runs on the main thread in time
// slices: each animation frame trains as many mini-batch steps as fit in a few milliseconds (at most one epoch),
// then repaints, so the page stays responsive (a module worker would not start on the file:// offline bundle).
// The view reads events, calls the model and patches the nodes the server rendered (every control, thumbnail and
// number exists already; unused ones are hidden); the only drawing it does itself is on the canvases, and that
// waits until the widget comes near the viewport (or the first event, or a shared link).
import type { Lang } from '../../lib/content/lang.ts';
import {
  GRID,
  HASH_NAME,
  MAX_SEED,
  derive,
  fromHash,
  initialState,
  neuronScale,
  paint,
  parseColor,
  pictureNetwork,
  probabilityScale,
  sameConfig,
  toHash,
  toPixel,
  update,
  type NetworkPicture,
  type Palette,
  type PlaygroundAction,
  type PlaygroundState,
  type Rgb,
} from './model.ts';
import { replaceHashSegment } from '../hash-sync.ts';
import { whenNearViewport } from '../when-near-viewport.ts';

/** Training time per animation frame: leaves most of a 16.7 ms frame for painting and for the page. */
const FRAME_BUDGET_MS = 6;
/** Wait this long after the last change before touching the URL (Safari throttles history.replaceState). */
const HASH_DELAY_MS = 300;
/** Wait this long after a change before announcing it, so a dragged slider is read once. */
const ANNOUNCE_DELAY_MS = 600;
/** While training, screen readers hear the numbers at most this often. */
const ANNOUNCE_EVERY_MS = 10_000;

interface Colors {
  region: Palette;
  thumb: Palette;
  point0: string;
  point1: string;
  outline: string;
}

export class PlaygroundElement extends HTMLElement {
  #state: PlaygroundState = initialState;
  #lang: Lang = 'zh';
  #frame = 0;
  #stepsPerFrame = 1;
  #hashTimer = 0;
  #announceTimer = 0;
  #lastAnnounce = 0;
  #connected = false;
  #started = false;
  #cancelStart: (() => void) | undefined;
  #colors: Colors | undefined;
  #canvas: HTMLCanvasElement | null = null;
  #cells: HTMLCanvasElement | undefined;
  #resize: ResizeObserver | undefined;
  #theme: MutationObserver | undefined;
  #showTest = true;
  #picture: NetworkPicture | undefined;
  /** The heat map's width in CSS px, from the ResizeObserver (reading layout every frame would be slow). */
  #mapSize = 0;
  /** Image buffers reused frame after frame, one per canvas. */
  #images = new WeakMap<HTMLCanvasElement, ImageData>();
  /** The data points drawn once on their own canvas and copied onto the heat map each frame. */
  #pointsLayer: { canvas: HTMLCanvasElement; key: string; points: PlaygroundState['points'] } | undefined;

  connectedCallback(): void {
    if (this.#connected) return;
    this.#connected = true;
    this.#lang = this.dataset.lang === 'en' ? 'en' : 'zh';
    this.#canvas = this.querySelector('canvas[data-heatmap]');
    this.addEventListener('change', this.#onChange);
    this.addEventListener('input', this.#onInput);
    this.addEventListener('click', this.#onClick);
    window.addEventListener('hashchange', this.#onHashChange);
    this.#resize = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0;
      if (width > 0 && width !== this.#mapSize) {
        this.#mapSize = width;
        this.#paintMap();
      }
    });
    this.#theme = new MutationObserver(() => {
      this.#colors = undefined;
      this.#pointsLayer = undefined;
      this.#paintPictures();
    });
    this.#theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    const shared = fromHash(location.hash);
    if (shared) this.#state = update(this.#state, { type: 'load', config: shared });
    this.#render({ pictures: false, controls: true });
    if (shared) this.#start();
    else this.#cancelStart = whenNearViewport(this, () => this.#start());
    this.dataset.ready = '';
  }

  /** Paints the canvases: the heat map once the ResizeObserver has reported its width (no forced layout). */
  #start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#cancelStart?.();
    if (this.#canvas) this.#resize?.observe(this.#canvas);
    this.#render({ pictures: true, controls: false });
  }

  disconnectedCallback(): void {
    this.#connected = false;
    this.removeEventListener('change', this.#onChange);
    this.removeEventListener('input', this.#onInput);
    this.removeEventListener('click', this.#onClick);
    window.removeEventListener('hashchange', this.#onHashChange);
    this.#resize?.disconnect();
    this.#theme?.disconnect();
    this.#cancelStart?.();
    this.#started = false;
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#hashTimer);
    clearTimeout(this.#announceTimer);
  }

  /** The current state (read by tests and the benchmark). */
  get state(): PlaygroundState {
    return this.#state;
  }

  /** Applies `action` and shows the result; configuration changes go to the URL unless they came from it. */
  dispatch(action: PlaygroundAction, { share = true }: { share?: boolean } = {}): void {
    this.#start();
    const previous = this.#state;
    const next = update(previous, action);
    if (next === previous) return;
    this.#state = next;
    const configChanged = !sameConfig(previous.config, next.config);
    this.#render({ pictures: true, controls: configChanged || previous.playing !== next.playing });
    if (configChanged && share && action.type !== 'load') this.#scheduleHash();
    if (action.type !== 'train') this.#scheduleAnnounce();
    if (next.playing && !this.#frame) this.#frame = requestAnimationFrame(this.#tick);
  }

  /** Trains `steps` steps without drawing and returns the milliseconds it took (for the benchmark). */
  trainSteps(steps: number): number {
    const start = performance.now();
    this.#state = update(this.#state, { type: 'train', steps });
    return performance.now() - start;
  }

  /** One animation frame of training: as many steps as fit in FRAME_BUDGET_MS, at most one epoch. */
  #tick = (): void => {
    this.#frame = 0;
    if (!this.#state.playing || !this.isConnected) return;
    const { batchSize } = this.#state.config;
    const epochSteps = Math.max(1, Math.ceil(this.#state.examples.train.length / batchSize));
    const steps = Math.min(this.#stepsPerFrame, epochSteps);
    const start = performance.now();
    this.#state = update(this.#state, { type: 'train', steps });
    const elapsed = performance.now() - start;
    // Adapt to the machine and the network size: grow while under budget, shrink when over.
    if (elapsed < FRAME_BUDGET_MS * 0.7)
      this.#stepsPerFrame = Math.min(epochSteps, Math.ceil(this.#stepsPerFrame * 1.5));
    else if (elapsed > FRAME_BUDGET_MS) this.#stepsPerFrame = Math.max(1, Math.floor(this.#stepsPerFrame * 0.7));
    this.#render({ pictures: true, controls: false });
    const now = performance.now();
    if (now - this.#lastAnnounce > ANNOUNCE_EVERY_MS) this.#announce();
    this.#frame = requestAnimationFrame(this.#tick);
  };

  #onChange = (event: Event): void => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    const field = target.dataset.field;
    if (target instanceof HTMLInputElement && target.type === 'checkbox' && field === 'show-test') {
      this.#showTest = target.checked;
      this.#pointsLayer = undefined;
      this.#paintMap();
      return;
    }
    if (field) this.#configure(field, target.value, target);
  };

  /** Sliders update as they move (the value text follows); the run restarts when the slider is let go. */
  #onInput = (event: Event): void => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type === 'range' && target.dataset.field) {
      const out = this.querySelector(`output[data-for="${target.dataset.field}"]`);
      const text = target.getAttribute('aria-valuetext');
      if (out) out.textContent = rangeText(target.dataset.field, Number(target.value)) ?? text ?? target.value;
    }
  };

  #configure(field: string, value: string, target: Element): void {
    const n = Number(value);
    switch (field) {
      case 'dataset':
      case 'activation':
      case 'optimizer':
        this.dispatch({ type: 'configure', patch: { [field]: value } });
        break;
      case 'noise':
      case 'trainFraction':
      case 'learningRate':
      case 'batchSize':
      case 'l2':
      case 'dropout':
        this.dispatch({ type: 'configure', patch: { [field]: n } });
        break;
      case 'seed':
        if (value.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_SEED)
          this.dispatch({ type: 'configure', patch: { seed: n } });
        else (target as HTMLInputElement).value = String(this.#state.config.seed);
        break;
      case 'layers':
        this.dispatch({ type: 'layers', count: n });
        break;
      case 'neurons':
        this.dispatch({ type: 'neurons', layer: Number((target as HTMLElement).dataset.layer), count: n });
        break;
    }
  }

  #onClick = (event: Event): void => {
    const button = (event.target as Element | null)?.closest?.('button[data-action]');
    if (!(button instanceof HTMLButtonElement)) return;
    switch (button.dataset.action) {
      case 'toggle':
        this.dispatch({ type: 'toggle' });
        break;
      case 'step':
        this.dispatch({ type: 'pause' });
        this.dispatch({ type: 'train', steps: 1 });
        this.#scheduleAnnounce();
        break;
      case 'reset':
        this.dispatch({ type: 'reset' });
        break;
      case 'reseed': {
        const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
        this.dispatch({ type: 'configure', patch: { seed } });
        break;
      }
    }
  };

  #onHashChange = (): void => {
    const config = fromHash(location.hash);
    if (config && !sameConfig(config, this.#state.config)) this.dispatch({ type: 'load', config }, { share: false });
  };

  #scheduleHash(): void {
    clearTimeout(this.#hashTimer);
    this.#hashTimer = window.setTimeout(() => {
      replaceHashSegment(HASH_NAME, toHash(this.#state.config));
    }, HASH_DELAY_MS);
  }

  #scheduleAnnounce(): void {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = window.setTimeout(() => this.#announce(), ANNOUNCE_DELAY_MS);
  }

  #announce(): void {
    this.#lastAnnounce = performance.now();
    const view = derive(this.#state, this.#lang);
    setText(this.querySelector('[data-testid="announce"]'), `${view.status} ${view.summary}`);
  }

  #render({ pictures, controls }: { pictures: boolean; controls: boolean }): void {
    const state = this.#state;
    const view = derive(state, this.#lang);
    setText(this.querySelector('[data-testid="epoch"]'), view.epoch);
    setText(this.querySelector('[data-testid="step-count"]'), view.step);
    setText(this.querySelector('[data-testid="train-loss"]'), view.trainLoss);
    setText(this.querySelector('[data-testid="test-loss"]'), view.testLoss);
    setText(this.querySelector('[data-testid="train-accuracy"]'), view.trainAccuracy);
    setText(this.querySelector('[data-testid="test-accuracy"]'), view.testAccuracy);
    const chart = this.querySelector('svg[data-chart]');
    if (chart) {
      attr(chart.querySelector('[data-curve="train"]'), 'd', view.chart.train);
      attr(chart.querySelector('[data-curve="test"]'), 'd', view.chart.test);
      setText(chart.querySelector('[data-chart-top]'), view.chart.top);
      attr(chart, 'aria-label', view.chartLabel);
    }
    attr(this.#canvas, 'aria-label', view.boundaryLabel);
    if (controls) this.#renderControls(view);
    if (pictures) {
      this.#picture = pictureNetwork(state.run.network, GRID, this.#picture);
      this.#paintPictures();
    }
  }

  #renderControls(view: ReturnType<typeof derive>): void {
    const { config, playing } = this.#state;
    const toggle = this.querySelector<HTMLButtonElement>('button[data-action="toggle"]');
    if (toggle) {
      toggle.dataset.playing = String(playing);
      setText(
        toggle.querySelector('[data-label]'),
        playing ? (toggle.dataset.pause ?? 'Pause') : (toggle.dataset.play ?? 'Play'),
      );
    }
    setText(this.querySelector('[data-testid="status"]'), view.status);
    setText(this.querySelector('[data-testid="architecture"]'), view.architecture);
    setText(this.querySelector('[data-testid="parameters"]'), view.parameters);
    const values: Record<string, string> = {
      dataset: config.dataset,
      noise: String(config.noise),
      trainFraction: String(config.trainFraction),
      layers: String(config.hidden.length),
      activation: config.activation,
      learningRate: String(config.learningRate),
      batchSize: String(config.batchSize),
      optimizer: config.optimizer,
      l2: String(config.l2),
      dropout: String(config.dropout),
      seed: String(config.seed),
    };
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-field]')) {
      const field = control.dataset.field!;
      let value = values[field];
      if (field === 'neurons') {
        const layer = Number(control.dataset.layer);
        const row = control.closest<HTMLElement>('[data-neurons-row]');
        if (row) row.hidden = layer >= config.hidden.length;
        value = String(config.hidden[layer] ?? 4);
      }
      if (value === undefined || control === document.activeElement) continue;
      if (control.value !== value) control.value = value;
      if (control instanceof HTMLInputElement && control.type === 'range') {
        const text = rangeText(field, Number(value)) ?? value;
        control.setAttribute('aria-valuetext', text);
        setText(this.querySelector(`output[data-for="${field}"]`), text);
      }
    }
    // Thumbnails: one column per layer in use, one canvas per neuron.
    const sizes = [2, ...config.hidden, 1];
    for (const column of this.querySelectorAll<HTMLElement>('[data-kind="hidden"]')) {
      const l = Number(column.dataset.layerColumn);
      const inUse = l - 1 < config.hidden.length;
      column.hidden = !inUse;
      for (const cell of column.querySelectorAll<HTMLElement>('[data-neuron]'))
        cell.hidden = !inUse || Number(cell.dataset.neuron) >= sizes[l]!;
    }
  }

  #readColors(): Colors {
    if (this.#colors) return this.#colors;
    const style = getComputedStyle(this);
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

  #paintPictures(): void {
    this.#paintMap();
    this.#paintThumbnails();
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
    const canvas = this.#canvas;
    const picture = this.#picture;
    if (!canvas || !picture || this.#mapSize === 0) return;
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
    context.drawImage(this.#points(size, colors), 0, 0);
  }

  /** The data points at `size` px, drawn once per data set, size, colours and test-data toggle. */
  #points(size: number, colors: Colors): HTMLCanvasElement {
    const { train, test } = this.#state.points;
    const key = `${size}|${this.#showTest}|${colors.point0}|${colors.point1}|${colors.outline}`;
    // The points object is replaced exactly when the data change (see `update`), so its identity is the data's key.
    if (this.#pointsLayer?.key === key && this.#pointsLayer.points === this.#state.points)
      return this.#pointsLayer.canvas;
    const canvas = this.#pointsLayer?.canvas ?? document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d')!;
    context.clearRect(0, 0, size, size);
    const r = Math.max(2.5, size / 110);
    const thin = Math.max(1, size / 300);
    const draw = (points: PlaygroundState['points']['train'], filled: boolean) => {
      for (const point of points) {
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
    draw(train, true);
    if (this.#showTest) draw(test, false);
    this.#pointsLayer = { canvas, key, points: this.#state.points };
    return canvas;
  }

  /** Every neuron's output over the plane, each on its own scale (see `neuronScale`). */
  #paintThumbnails(): void {
    const picture = this.#picture;
    if (!picture) return;
    const colors = this.#readColors();
    for (const canvas of this.querySelectorAll<HTMLCanvasElement>('canvas[data-thumb]')) {
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

/** The text a slider shows for its value: percentages for noise and split, plain numbers otherwise. */
function rangeText(field: string, value: number): string | undefined {
  if (field === 'noise' || field === 'trainFraction') return `${Math.round(value * 100)}%`;
  if (field === 'batchSize') return String(value);
  return undefined;
}

function setText(node: Element | null | undefined, value: string): void {
  if (node && node.textContent !== value) node.textContent = value;
}

function attr(node: Element | null | undefined, name: string, value: string): void {
  if (node && node.getAttribute(name) !== value) node.setAttribute(name, value);
}

if (!customElements.get('dl-playground')) customElements.define('dl-playground', PlaygroundElement);

declare global {
  interface HTMLElementTagNameMap {
    'dl-playground': PlaygroundElement;
  }
}
