// <dl-optimizer-viz>: makes the server-rendered optimizer visualizer live. Events become model actions; while
// playing, each animation frame takes STEPS_PER_FRAME steps of every optimizer and patches the paths, markers and
// the table the server rendered. Only the contour group is rebuilt, from the model's markup, when the surface changes.
import type { Lang } from '../../lib/content/lang.ts';
import type { OptimizerId } from '../../lib/nn/optimizers.ts';
import {
  HASH_NAME,
  RATES,
  VIEW,
  contourMarkup,
  derive,
  fromHash,
  fromView,
  initialState,
  startRange,
  toHash,
  update,
  type OptimizerVizAction,
  type OptimizerVizState,
} from './model.ts';
import { replaceHashSegment } from '../hash-sync.ts';

/** Steps per animation frame while playing: a 1,000-step walk takes about 5 s at 60 frames a second. */
const STEPS_PER_FRAME = 3;
const HASH_DELAY_MS = 300;
const ANNOUNCE_DELAY_MS = 600;

export class OptimizerVizElement extends HTMLElement {
  #state: OptimizerVizState = initialState;
  #lang: Lang = 'zh';
  #frame = 0;
  #hashTimer = 0;
  #announceTimer = 0;
  #surface = '';
  #connected = false;

  connectedCallback(): void {
    if (this.#connected) return;
    this.#connected = true;
    this.#lang = this.dataset.lang === 'en' ? 'en' : 'zh';
    this.#surface = this.#state.config.surface;
    this.addEventListener('change', this.#onChange);
    this.addEventListener('input', this.#onInput);
    this.addEventListener('click', this.#onClick);
    this.querySelector('[data-plot]')?.addEventListener('click', this.#onPlot as EventListener);
    window.addEventListener('hashchange', this.#onHashChange);
    const shared = fromHash(location.hash);
    if (shared) this.#state = update(this.#state, { type: 'load', config: shared });
    this.#render();
    this.dataset.ready = '';
  }

  disconnectedCallback(): void {
    this.#connected = false;
    this.removeEventListener('change', this.#onChange);
    this.removeEventListener('input', this.#onInput);
    this.removeEventListener('click', this.#onClick);
    window.removeEventListener('hashchange', this.#onHashChange);
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#hashTimer);
    clearTimeout(this.#announceTimer);
  }

  /** The current state (read by tests). */
  get state(): OptimizerVizState {
    return this.#state;
  }

  dispatch(action: OptimizerVizAction, { share = true }: { share?: boolean } = {}): void {
    const previous = this.#state;
    const next = update(previous, action);
    if (next === previous) return;
    this.#state = next;
    this.#render();
    if (share && toHash(previous.config) !== toHash(next.config) && action.type !== 'load') this.#scheduleHash();
    if (action.type !== 'step' || !next.playing) this.#scheduleAnnounce();
    if (next.playing && !this.#frame) this.#frame = requestAnimationFrame(this.#tick);
  }

  #tick = (): void => {
    this.#frame = 0;
    if (!this.#state.playing || !this.isConnected) return;
    this.dispatch({ type: 'step', steps: STEPS_PER_FRAME });
    if (!this.#state.playing) this.#scheduleAnnounce(); // the walk just ended
  };

  #onChange = (event: Event): void => {
    const target = event.target;
    if (target instanceof HTMLSelectElement && target.dataset.field === 'surface')
      this.dispatch({ type: 'surface', surface: target.value });
  };

  #onInput = (event: Event): void => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    const field = target.dataset.field;
    if (field === 'rate') {
      const rate = RATES[Number(target.value)];
      if (rate !== undefined) this.dispatch({ type: 'rate', optimizer: target.dataset.optimizer as OptimizerId, rate });
    } else if (field === 'start-x' || field === 'start-y') {
      const { x, y } = this.#state.config.start;
      const value = Number(target.value);
      this.dispatch({ type: 'start', x: field === 'start-x' ? value : x, y: field === 'start-y' ? value : y });
    }
  };

  #onClick = (event: Event): void => {
    const button = (event.target as Element | null)?.closest?.('button[data-action]');
    if (!(button instanceof HTMLButtonElement)) return;
    const action = button.dataset.action;
    if (action === 'toggle') this.dispatch({ type: 'toggle' });
    else if (action === 'step') {
      this.dispatch({ type: 'pause' });
      this.dispatch({ type: 'step', steps: 1 });
    } else if (action === 'reset') this.dispatch({ type: 'reset' });
  };

  /** A click or tap on the plot moves the start point there. */
  #onPlot = (event: MouseEvent): void => {
    const svg = event.currentTarget as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    if (box.width === 0) return;
    const { x, y } = fromView(
      this.#state.config.surface,
      ((event.clientX - box.left) / box.width) * VIEW,
      ((event.clientY - box.top) / box.height) * VIEW,
    );
    this.dispatch({ type: 'start', x, y });
  };

  #onHashChange = (): void => {
    const config = fromHash(location.hash);
    if (config && toHash(config) !== toHash(this.#state.config))
      this.dispatch({ type: 'load', config }, { share: false });
  };

  #scheduleHash(): void {
    clearTimeout(this.#hashTimer);
    this.#hashTimer = window.setTimeout(() => {
      replaceHashSegment(HASH_NAME, toHash(this.#state.config));
    }, HASH_DELAY_MS);
  }

  #scheduleAnnounce(): void {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = window.setTimeout(
      () => setText(this.querySelector('[data-testid="announce"]'), derive(this.#state, this.#lang).summary),
      ANNOUNCE_DELAY_MS,
    );
  }

  #render(): void {
    const state = this.#state;
    const view = derive(state, this.#lang);
    if (view.surface !== this.#surface) {
      this.#surface = view.surface;
      const group = this.querySelector('[data-contours]');
      if (group) group.innerHTML = contourMarkup(view.surface);
      for (const formula of this.querySelectorAll<HTMLElement>('[data-formula]'))
        formula.hidden = formula.dataset.formula !== view.surface;
      const range = startRange(view.surface);
      for (const [field, axis] of [
        ['start-x', range.x],
        ['start-y', range.y],
      ] as const) {
        const input = this.querySelector<HTMLInputElement>(`input[data-field="${field}"]`);
        if (input) {
          input.min = String(axis.min);
          input.max = String(axis.max);
        }
      }
    }
    const select = this.querySelector<HTMLSelectElement>('select[data-field="surface"]');
    if (select && select.value !== view.surface) select.value = view.surface;
    for (const walker of view.walkers) {
      attr(this.querySelector(`[data-path="${walker.id}"]`), 'd', walker.d);
      const marker = this.querySelector(`[data-marker="${walker.id}"]`);
      attr(marker, 'transform', `translate(${walker.px} ${walker.py})`);
      attr(marker, 'visibility', walker.diverged ? 'hidden' : 'visible');
      const row = this.querySelector(`tr[data-row="${walker.id}"]`);
      if (row) {
        setText(row.querySelector('[data-x]'), walker.diverged ? '—' : walker.x);
        setText(row.querySelector('[data-y]'), walker.diverged ? '—' : walker.y);
        setText(row.querySelector('[data-loss]'), walker.loss);
      }
      const slider = this.querySelector<HTMLInputElement>(`input[data-field="rate"][data-optimizer="${walker.id}"]`);
      if (slider && document.activeElement !== slider) slider.value = String(walker.rateIndex);
      attr(slider, 'aria-valuetext', walker.rate);
      setText(this.querySelector(`output[data-rate="${walker.id}"]`), walker.rate);
    }
    attr(this.querySelector('[data-start]'), 'transform', `translate(${view.start.px} ${view.start.py})`);
    for (const [field, value, text] of [
      ['start-x', state.config.start.x, view.start.x],
      ['start-y', state.config.start.y, view.start.y],
    ] as const) {
      const input = this.querySelector<HTMLInputElement>(`input[data-field="${field}"]`);
      if (input && document.activeElement !== input) input.value = String(value);
      attr(input, 'aria-valuetext', text);
      setText(this.querySelector(`output[data-for="${field}"]`), text);
    }
    this.querySelectorAll<SVGElement>('[data-minimum]').forEach((node, i) => {
      const minimum = view.minima[i];
      attr(node, 'visibility', minimum ? 'visible' : 'hidden');
      if (minimum) attr(node, 'transform', `translate(${minimum.px} ${minimum.py})`);
    });
    setText(this.querySelector('[data-testid="steps"]'), view.steps);
    const toggle = this.querySelector<HTMLButtonElement>('button[data-action="toggle"]');
    if (toggle) {
      toggle.dataset.playing = String(state.playing);
      setText(
        toggle.querySelector('[data-label]'),
        state.playing ? (toggle.dataset.pause ?? 'Pause') : (toggle.dataset.play ?? 'Play'),
      );
    }
  }
}

function setText(node: Element | null | undefined, value: string): void {
  if (node && node.textContent !== value) node.textContent = value;
}

function attr(node: Element | null | undefined, name: string, value: string): void {
  if (node && node.getAttribute(name) !== value) node.setAttribute(name, value);
}

if (!customElements.get('dl-optimizer-viz')) customElements.define('dl-optimizer-viz', OptimizerVizElement);

declare global {
  interface HTMLElementTagNameMap {
    'dl-optimizer-viz': OptimizerVizElement;
  }
}
