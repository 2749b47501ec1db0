// <dl-playground>: makes the server-rendered network playground live. Training runs on the main thread in time
// slices: each animation frame trains as many mini-batch steps as fit in a few milliseconds (at most one epoch),
// then repaints, so the page stays responsive (a module worker would not start on the file:// offline bundle).
// The view reads events, calls the model and patches the nodes the server rendered (every control, thumbnail and
// number exists already; unused ones are hidden); the only drawing it does itself is on the canvases, and that
// waits until the widget comes near the viewport (or the first event, or a shared link).
import { setAttributes, setPlaying, setShown, setText, setValue } from '../kit/dom-patch.ts';
import { WidgetElement } from '../kit/widget-element.ts';
import { PlaygroundCanvases } from './canvases.ts';
import { NetworkEdges } from './edges-view.ts';
import { update, widgetModel, type PlaygroundAction, type PlaygroundState } from './model.ts';
import { controlAction, controlValue, sliderText } from './model-controls.ts';
import { sameConfig } from './model-hash.ts';
import { derive, type PlaygroundView } from './model-view.ts';

/** Training time per animation frame: leaves most of a 16.7 ms frame for painting and for the page. */
const FRAME_BUDGET_MS = 6;
/** While training, screen readers hear the numbers at most this often. */
const ANNOUNCE_EVERY_MS = 10_000;
export class PlaygroundElement extends WidgetElement<PlaygroundState, PlaygroundAction> {
  #stepsPerFrame = 1;
  #lastAnnounce = 0;
  #canvases: PlaygroundCanvases | undefined;
  #edges: NetworkEdges | undefined;
  #resize: ResizeObserver | undefined;
  #theme: MutationObserver | undefined;

  constructor() {
    super(widgetModel, { startsNearViewport: true });
  }

  protected override setUp(): void {
    const canvases = new PlaygroundCanvases(this);
    this.#canvases = canvases;
    this.#edges = new NetworkEdges(this);
    this.#resize = new ResizeObserver((entries) => canvases.resize(entries[0]?.contentRect.width ?? 0));
    this.#theme = new MutationObserver(() => canvases.recolor());
  }

  protected override connect(): void {
    this.#theme?.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    const map = this.#canvases?.map;
    if (this.started && map) this.#resize?.observe(map);
    if (this.started) this.#edges?.observe();
  }

  protected override disconnect(): void {
    this.#resize?.disconnect();
    this.#theme?.disconnect();
    this.#edges?.disconnect();
  }

  /** Paints the canvases; the heat map once the ResizeObserver has reported its width. */
  protected override onStart(): void {
    const map = this.#canvases?.map;
    if (map) this.#resize?.observe(map);
    this.#edges?.observe();
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
    if (!field) return;
    const action = controlAction(field, target.value, Number(target.dataset.layer));
    // An unusable value (a seed out of range) gives way to the configuration's.
    if (action) this.dispatch(action);
    else target.value = controlValue(this.state.config, field) ?? target.value;
  }

  /** Sliders update as they move (the value text follows); the run restarts when the slider is let go. */
  protected override onInput(event: Event): void {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type === 'range' && target.dataset.field) {
      const out = this.querySelector(`output[data-for="${target.dataset.field}"]`);
      const text = target.getAttribute('aria-valuetext');
      setText(out, sliderText(target.dataset.field, Number(target.value)) ?? text ?? target.value);
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
    this.#edges?.draw(this.state.run.network);
  }

  #renderControls(view: PlaygroundView): void {
    const { config, playing } = this.state;
    setPlaying(this.querySelector('button[data-action="toggle"]'), playing);
    setText(this.querySelector('[data-testid="status"]'), view.status);
    setText(this.querySelector('[data-testid="architecture"]'), view.architecture);
    setText(this.querySelector('[data-testid="parameters"]'), view.parameters);
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-field]')) {
      const field = control.dataset.field!;
      const layer = Number(control.dataset.layer);
      if (field === 'neurons') setShown(control.closest('[data-neurons-row]'), layer < config.hidden.length);
      const value = controlValue(config, field, layer);
      if (value === undefined || control === document.activeElement) continue;
      setValue(control, value);
      if (control.type !== 'range') continue;
      const text = sliderText(field, Number(value)) ?? value;
      setAttributes(control, { 'aria-valuetext': text });
      setText(this.querySelector(`output[data-for="${field}"]`), text);
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

if (!customElements.get('dl-playground')) customElements.define('dl-playground', PlaygroundElement);

declare global {
  interface HTMLElementTagNameMap {
    'dl-playground': PlaygroundElement;
  }
}
