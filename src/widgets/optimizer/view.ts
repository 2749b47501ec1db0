// <dl-optimizer-viz>: makes the server-rendered optimizer visualizer live. Events become model actions; while
// playing, each animation frame takes STEPS_PER_FRAME steps of every optimizer and patches the paths, markers and
// the table the server rendered. Only the contour group is rebuilt, from the model's markup, when the surface changes.
import type { OptimizerId } from '../../lib/nn/optimizers.ts';
import { setAttributes, setPlaying, setShown, setText, setValue } from '../kit/dom-patch.ts';
import { WidgetElement } from '../kit/widget-element.ts';
import { RATES, initialState, widgetModel, type OptimizerVizAction, type OptimizerVizState } from './model.ts';
import { VIEW, contourMarkup, derive, fromView, startRange, type OptimizerSentences } from './model-view.ts';

/** Steps per animation frame while playing: a 1,000-step walk takes about 5 s at 60 frames a second. */
const STEPS_PER_FRAME = 3;

export class OptimizerVizElement extends WidgetElement<OptimizerVizState, OptimizerVizAction> {
  #surface = '';
  /** The model's sentences in the page's language, from the server-rendered table (PositionsTable.astro). */
  #sentences = {} as OptimizerSentences;

  constructor() {
    super(widgetModel);
  }

  protected override setUp(): void {
    // The server drew the first surface: only a change of surface redraws the contours.
    this.#surface = initialState.config.surface;
    this.#sentences = JSON.parse(this.querySelector<HTMLElement>('[data-sentences]')?.dataset.sentences ?? '{}');
    this.querySelector('[data-plot]')?.addEventListener('click', this.#onPlot as EventListener);
  }

  protected override playing(): boolean {
    return this.state.playing;
  }

  protected override frame(): void {
    this.dispatch({ type: 'step', steps: STEPS_PER_FRAME });
  }

  /** Steps while playing are not announced; the walk's end is. */
  protected override announces(action: OptimizerVizAction): boolean {
    return action.type !== 'step' || !this.state.playing;
  }

  protected override announcement(): string {
    return derive(this.state, this.#sentences).summary;
  }

  protected override onChange(event: Event): void {
    const target = event.target;
    if (target instanceof HTMLSelectElement && target.dataset.field === 'surface')
      this.dispatch({ type: 'surface', surface: target.value });
  }

  protected override onInput(event: Event): void {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    const field = target.dataset.field;
    if (field === 'rate') {
      const rate = RATES[Number(target.value)];
      if (rate !== undefined) this.dispatch({ type: 'rate', optimizer: target.dataset.optimizer as OptimizerId, rate });
    } else if (field === 'start-x' || field === 'start-y') {
      const { x, y } = this.state.config.start;
      const value = Number(target.value);
      this.dispatch({ type: 'start', x: field === 'start-x' ? value : x, y: field === 'start-y' ? value : y });
    }
  }

  protected override onAction(action: string): void {
    if (action === 'toggle') this.dispatch({ type: 'toggle' });
    else if (action === 'step') {
      this.dispatch({ type: 'pause' });
      this.dispatch({ type: 'step', steps: 1 });
    } else if (action === 'reset') this.dispatch({ type: 'reset' });
  }

  /** A click or tap on the plot moves the start point there. */
  #onPlot = (event: MouseEvent): void => {
    const svg = event.currentTarget as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    if (box.width === 0) return;
    const { x, y } = fromView(
      this.state.config.surface,
      ((event.clientX - box.left) / box.width) * VIEW,
      ((event.clientY - box.top) / box.height) * VIEW,
    );
    this.dispatch({ type: 'start', x, y });
  };

  protected override render(): void {
    const state = this.state;
    const view = derive(state, this.#sentences);
    if (view.surface !== this.#surface) {
      this.#surface = view.surface;
      const group = this.querySelector('[data-contours]');
      if (group) group.innerHTML = contourMarkup(view.surface);
      for (const formula of this.querySelectorAll<HTMLElement>('[data-formula]'))
        setShown(formula, formula.dataset.formula === view.surface);
      const range = startRange(view.surface);
      setAttributes(this.querySelector('input[data-field="start-x"]'), range.x);
      setAttributes(this.querySelector('input[data-field="start-y"]'), range.y);
    }
    setValue(this.querySelector<HTMLSelectElement>('select[data-field="surface"]'), view.surface);
    for (const walker of view.walkers) {
      setAttributes(this.querySelector(`[data-path="${walker.id}"]`), { d: walker.d });
      setAttributes(this.querySelector(`[data-marker="${walker.id}"]`), {
        transform: `translate(${walker.px} ${walker.py})`,
        visibility: walker.diverged ? 'hidden' : 'visible',
      });
      const row = this.querySelector(`tr[data-row="${walker.id}"]`);
      if (row) {
        setText(row.querySelector('[data-x]'), walker.diverged ? '—' : walker.x);
        setText(row.querySelector('[data-y]'), walker.diverged ? '—' : walker.y);
        setText(row.querySelector('[data-loss]'), walker.loss);
      }
      const slider = this.querySelector<HTMLInputElement>(`input[data-field="rate"][data-optimizer="${walker.id}"]`);
      setValue(slider, String(walker.rateIndex));
      setAttributes(slider, { 'aria-valuetext': walker.rate });
      setText(this.querySelector(`output[data-rate="${walker.id}"]`), walker.rate);
    }
    setAttributes(this.querySelector('[data-start]'), { transform: `translate(${view.start.px} ${view.start.py})` });
    for (const [field, value, text] of [
      ['start-x', state.config.start.x, view.start.x],
      ['start-y', state.config.start.y, view.start.y],
    ] as const) {
      const input = this.querySelector<HTMLInputElement>(`input[data-field="${field}"]`);
      setValue(input, String(value));
      setAttributes(input, { 'aria-valuetext': text });
      setText(this.querySelector(`output[data-for="${field}"]`), text);
    }
    this.querySelectorAll<SVGElement>('[data-minimum]').forEach((node, i) => {
      const minimum = view.minima[i];
      setAttributes(node, { visibility: minimum ? 'visible' : 'hidden' });
      if (minimum) setAttributes(node, { transform: `translate(${minimum.px} ${minimum.py})` });
    });
    setText(this.querySelector('[data-testid="steps"]'), view.steps);
    setPlaying(this.querySelector('button[data-action="toggle"]'), state.playing);
  }
}

if (!customElements.get('dl-optimizer-viz')) customElements.define('dl-optimizer-viz', OptimizerVizElement);

declare global {
  interface HTMLElementTagNameMap {
    'dl-optimizer-viz': OptimizerVizElement;
  }
}
