// <dl-playground>: makes the server-rendered network playground live. Training runs on the main thread in time
// slices: each animation frame trains as many mini-batch steps as fit in a few milliseconds (at most one epoch),
// then repaints, so the page stays responsive (a module worker would not start on the file:// offline bundle).
// The view reads events, calls the model and patches the nodes the server rendered (every control, thumbnail and
// number exists already; unused ones are hidden); the only drawing it does itself is on the canvases, and that
// waits until the widget comes near the viewport (or the first event, or a shared link).
import { setAttributes, setPlaying, setShown, setText } from '../kit/dom-patch.ts';
import { WidgetElement } from '../kit/widget-element.ts';
import { PlaygroundCanvases } from './canvases.ts';
import {
  MAX_SEED,
  derive,
  sameConfig,
  update,
  widgetModel,
  type PlaygroundAction,
  type PlaygroundState,
  type PlaygroundView,
} from './model.ts';

/** Training time per animation frame: leaves most of a 16.7 ms frame for painting and for the page. */
const FRAME_BUDGET_MS = 6;
/** While training, screen readers hear the numbers at most this often. */
const ANNOUNCE_EVERY_MS = 10_000;

export class PlaygroundElement extends WidgetElement<PlaygroundState, PlaygroundAction> {
  #stepsPerFrame = 1;
  #lastAnnounce = 0;
  #canvases: PlaygroundCanvases | undefined;
  #resize: ResizeObserver | undefined;
  #theme: MutationObserver | undefined;

  constructor() {
    super(widgetModel, { startsNearViewport: true });
  }

  protected override setUp(): void {
    const canvases = new PlaygroundCanvases(this);
    this.#canvases = canvases;
    this.#resize = new ResizeObserver((entries) => canvases.resize(entries[0]?.contentRect.width ?? 0));
    this.#theme = new MutationObserver(() => canvases.recolor());
  }

  protected override connect(): void {
    this.#theme?.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    const map = this.#canvases?.map;
    if (this.started && map) this.#resize?.observe(map);
  }

  protected override disconnect(): void {
    this.#resize?.disconnect();
    this.#theme?.disconnect();
  }

  /** Paints the canvases; the heat map once the ResizeObserver has reported its width. */
  protected override onStart(): void {
    const map = this.#canvases?.map;
    if (map) this.#resize?.observe(map);
    this.#paint();
  }

  /** The first render patches the text only; the pictures wait for `onStart`. */
  protected override render(previous: PlaygroundState | undefined): void {
    const next = this.state;
    const controls = !previous || !sameConfig(previous.config, next.config) || previous.playing !== next.playing;
    this.#render({ pictures: previous !== undefined, controls });
  }

  /** Trains `steps` steps without drawing and returns the milliseconds it took (for the benchmark). */
  trainSteps(steps: number): number {
    const start = performance.now();
    this.replaceState(update(this.state, { type: 'train', steps }));
    return performance.now() - start;
  }

  protected override playing(): boolean {
    return this.state.playing;
  }

  /** One animation frame of training: as many steps as fit in FRAME_BUDGET_MS, at most one epoch. */
  protected override frame(): void {
    const { batchSize } = this.state.config;
    const epochSteps = Math.max(1, Math.ceil(this.state.examples.train.length / batchSize));
    const steps = Math.min(this.#stepsPerFrame, epochSteps);
    const elapsed = this.trainSteps(steps);
    // Adapt to the machine and the network size: grow while under budget, shrink when over.
    if (elapsed < FRAME_BUDGET_MS * 0.7)
      this.#stepsPerFrame = Math.min(epochSteps, Math.ceil(this.#stepsPerFrame * 1.5));
    else if (elapsed > FRAME_BUDGET_MS) this.#stepsPerFrame = Math.max(1, Math.floor(this.#stepsPerFrame * 0.7));
    this.#render({ pictures: true, controls: false });
    if (performance.now() - this.#lastAnnounce > ANNOUNCE_EVERY_MS) this.announceNow();
  }

  /** Training steps are not announced one by one: see `frame` and the Step button. */
  protected override announces(action: PlaygroundAction): boolean {
    return action.type !== 'train';
  }

  protected override announceNow(): void {
    this.#lastAnnounce = performance.now();
    super.announceNow();
  }

  protected override announcement(): string {
    const view = derive(this.state, this.language);
    return `${view.status} ${view.summary}`;
  }

  protected override onChange(event: Event): void {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    const field = target.dataset.field;
    if (target instanceof HTMLInputElement && target.type === 'checkbox' && field === 'show-test') {
      this.#canvases?.showTest(target.checked);
      return;
    }
    if (field) this.#configure(field, target.value, target);
  }

  /** Sliders update as they move (the value text follows); the run restarts when the slider is let go. */
  protected override onInput(event: Event): void {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type === 'range' && target.dataset.field) {
      const out = this.querySelector(`output[data-for="${target.dataset.field}"]`);
      const text = target.getAttribute('aria-valuetext');
      setText(out, rangeText(target.dataset.field, Number(target.value)) ?? text ?? target.value);
    }
  }

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
        else (target as HTMLInputElement).value = String(this.state.config.seed);
        break;
      case 'layers':
        this.dispatch({ type: 'layers', count: n });
        break;
      case 'neurons':
        this.dispatch({ type: 'neurons', layer: Number((target as HTMLElement).dataset.layer), count: n });
        break;
    }
  }

  protected override onAction(action: string): void {
    switch (action) {
      case 'toggle':
        this.dispatch({ type: 'toggle' });
        break;
      case 'step':
        this.dispatch({ type: 'pause' });
        this.dispatch({ type: 'train', steps: 1 });
        this.announceSoon();
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
  }

  #render({ pictures, controls }: { pictures: boolean; controls: boolean }): void {
    const view = derive(this.state, this.language);
    setText(this.querySelector('[data-testid="epoch"]'), view.epoch);
    setText(this.querySelector('[data-testid="step-count"]'), view.step);
    setText(this.querySelector('[data-testid="train-loss"]'), view.trainLoss);
    setText(this.querySelector('[data-testid="test-loss"]'), view.testLoss);
    setText(this.querySelector('[data-testid="train-accuracy"]'), view.trainAccuracy);
    setText(this.querySelector('[data-testid="test-accuracy"]'), view.testAccuracy);
    const chart = this.querySelector('svg[data-chart]');
    if (chart) {
      setAttributes(chart.querySelector('[data-curve="train"]'), { d: view.chart.train });
      setAttributes(chart.querySelector('[data-curve="test"]'), { d: view.chart.test });
      setText(chart.querySelector('[data-chart-top]'), view.chart.top);
      setAttributes(chart, { 'aria-label': view.chartLabel });
    }
    setAttributes(this.#canvases?.map, { 'aria-label': view.boundaryLabel });
    if (controls) this.#renderControls(view);
    if (pictures) this.#paint();
  }

  #paint(): void {
    this.#canvases?.paint(this.state.run.network, this.state.points);
  }

  #renderControls(view: PlaygroundView): void {
    const { config, playing } = this.state;
    setPlaying(this.querySelector('button[data-action="toggle"]'), playing);
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
        setShown(control.closest('[data-neurons-row]'), layer < config.hidden.length);
        value = String(config.hidden[layer] ?? 4);
      }
      if (value === undefined || control === document.activeElement) continue;
      if (control.value !== value) control.value = value;
      if (control instanceof HTMLInputElement && control.type === 'range') {
        const text = rangeText(field, Number(value)) ?? value;
        setAttributes(control, { 'aria-valuetext': text });
        setText(this.querySelector(`output[data-for="${field}"]`), text);
      }
    }
    // Thumbnails: one column per layer in use, one canvas per neuron.
    const sizes = [2, ...config.hidden, 1];
    for (const column of this.querySelectorAll<HTMLElement>('[data-kind="hidden"]')) {
      const l = Number(column.dataset.layerColumn);
      const inUse = l - 1 < config.hidden.length;
      setShown(column, inUse);
      for (const cell of column.querySelectorAll<HTMLElement>('[data-neuron]'))
        setShown(cell, inUse && Number(cell.dataset.neuron) < sizes[l]!);
    }
  }
}

/** The text a slider shows for its value: percentages for noise and split, plain numbers otherwise. */
function rangeText(field: string, value: number): string | undefined {
  if (field === 'noise' || field === 'trainFraction') return `${Math.round(value * 100)}%`;
  if (field === 'batchSize') return String(value);
  return undefined;
}

if (!customElements.get('dl-playground')) customElements.define('dl-playground', PlaygroundElement);

declare global {
  interface HTMLElementTagNameMap {
    'dl-playground': PlaygroundElement;
  }
}
