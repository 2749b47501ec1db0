// The base of the widgets' custom elements. Each widget's view extends it with what only that widget does
// (reading its controls, patching its nodes); the base keeps the rest the same for all of them: the state and
// the one way it changes (dispatch → the model's pure update → render), the widget's segment of the URL hash,
// the polite announcement for screen readers, drawing that waits until the widget is near the viewport, and an
// animation loop while the widget plays.
import type { Lang } from '../../lib/content/lang.ts';
import { readHashSegment } from '../../lib/text/url-hash.ts';
import { replaceHashSegment } from '../hash-sync.ts';
import { whenNearViewport } from '../when-near-viewport.ts';
import { setText } from './dom-patch.ts';
import type { WidgetModel } from './widget-model.ts';

/** Wait this long after the last change before touching the URL (Safari throttles history.replaceState). */
const HASH_DELAY_MS = 300;
/** Wait this long after the last change before announcing it, so a dragged slider is read once, not 20 times. */
const ANNOUNCE_DELAY_MS = 500;

export interface WidgetOptions {
  /**
   * Draw at the real size only once the widget comes near the viewport (or on the first event, or at once for
   * a shared link); the server-rendered picture stands in until then.
   */
  readonly startsNearViewport?: boolean;
  /** Scroll into view when opened from a shared link, which names no element the browser could scroll to. */
  readonly revealsSharedLink?: boolean;
}

export interface DispatchOptions {
  /** The change came from the URL hash, so it is not written back. */
  readonly fromHash?: boolean;
  /** Whether screen readers hear the result; `announces(action)` by default. */
  readonly announce?: boolean;
}

export abstract class WidgetElement<State, Action> extends HTMLElement {
  /** The page's language, from `data-lang`. */
  protected language: Lang = 'zh';
  readonly #model: WidgetModel<State, Action>;
  readonly #options: WidgetOptions;
  #state: State;
  #setUp = false;
  #started = false;
  #cancelStart: (() => void) | undefined;
  #hashTimer = 0;
  #announceTimer = 0;
  #frame = 0;

  constructor(model: WidgetModel<State, Action>, options: WidgetOptions = {}) {
    super();
    this.#model = model;
    this.#options = options;
    this.#state = model.initialState;
  }

  /** The current state (read by tests and the benchmarks). */
  get state(): State {
    return this.#state;
  }

  connectedCallback(): void {
    if (!this.#setUp) this.#setUpOnce();
    window.addEventListener('hashchange', this.#onHashChange);
    if (!this.#started) this.#cancelStart = whenNearViewport(this, () => this.start());
    if (this.playing()) this.#requestFrame();
    this.connect();
    this.dataset.ready = '';
  }

  disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.#onHashChange);
    this.#cancelStart?.();
    clearTimeout(this.#hashTimer);
    clearTimeout(this.#announceTimer);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.disconnect();
  }

  #setUpOnce(): void {
    this.#setUp = true;
    this.language = this.dataset.lang === 'en' ? 'en' : 'zh';
    const loadLink = this.#model.hash.read(location.hash);
    if (loadLink) this.#state = this.#model.update(this.#state, loadLink);
    // The listeners belong to the element and its children, so they stay for the element's life.
    for (const type of ['input', 'change', 'click']) this.addEventListener(type, this.#onEvent);
    this.setUp();
    this.render(undefined);
    if (!this.#options.startsNearViewport || loadLink) this.start();
    if (loadLink && this.#options.revealsSharedLink) this.scrollIntoView({ block: 'center' });
  }

  /** Applies `action`; a change is rendered, written to the URL hash and announced. */
  dispatch(action: Action, options: DispatchOptions = {}): void {
    this.start();
    const previous = this.#state;
    const next = this.#model.update(previous, action);
    if (next === previous) return;
    this.#state = next;
    this.render(previous);
    const { write } = this.#model.hash;
    if (!options.fromHash && write(previous) !== write(next)) this.#scheduleHashWrite();
    if (options.announce ?? this.announces(action)) this.announceSoon();
    if (this.playing()) this.#requestFrame();
  }

  /** Replaces the state without rendering, sharing or announcing it, for work that renders on its own terms. */
  protected replaceState(next: State): void {
    this.#state = next;
  }

  /** Starts drawing at the real size, once: see WidgetOptions.startsNearViewport. */
  protected start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#cancelStart?.();
    this.onStart();
  }

  protected get started(): boolean {
    return this.#started;
  }

  /** Announces the current `announcement()` once the learner pauses. */
  protected announceSoon(): void {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = window.setTimeout(() => this.announceNow(), ANNOUNCE_DELAY_MS);
  }

  protected announceNow(): void {
    setText(this.querySelector('[data-testid="announce"]'), this.announcement());
  }

  // --- What a widget fills in ---------------------------------------------------------------------------------

  /** Patches the server-rendered nodes to show the state; `previous` is undefined on the first render. */
  protected abstract render(previous: State | undefined): void;

  /** What screen readers hear about the current state. */
  protected abstract announcement(): string;

  /** Whether a change made by `action` is announced (unless the dispatch says otherwise). */
  protected announces(_action: Action): boolean {
    return true;
  }

  /** Once, on the first connection, after the state is read from the URL hash and before the first render. */
  protected setUp(): void {}

  /** On every connection and disconnection (for observers of things outside the element). */
  protected connect(): void {}
  protected disconnect(): void {}

  /** The drawing at the real size, when `start` runs. */
  protected onStart(): void {}

  /** Events from the controls inside the widget. */
  protected onInput(_event: Event): void {}
  protected onChange(_event: Event): void {}
  /** A click on a `button[data-action]` (buttons marked aria-disabled do nothing). */
  protected onAction(_action: string, _button: HTMLButtonElement): void {}

  /** Whether the widget is playing: while it is, `frame` runs on every animation frame. */
  protected playing(): boolean {
    return false;
  }
  protected frame(): void {}

  // --- Plumbing -------------------------------------------------------------------------------------------------

  #onEvent = (event: Event): void => {
    if (event.type === 'input') this.onInput(event);
    else if (event.type === 'change') this.onChange(event);
    else {
      const button = (event.target as Element | null)?.closest?.('button[data-action]');
      if (button instanceof HTMLButtonElement && button.getAttribute('aria-disabled') !== 'true')
        this.onAction(button.dataset.action ?? '', button);
    }
  };

  /** A link followed within the page: its state is loaded unless it is the one shown already. */
  #onHashChange = (): void => {
    const { segment, read, write } = this.#model.hash;
    const loadLink = read(location.hash);
    if (loadLink && readHashSegment(location.hash, segment) !== write(this.#state))
      this.dispatch(loadLink, { fromHash: true });
  };

  #scheduleHashWrite(): void {
    clearTimeout(this.#hashTimer);
    this.#hashTimer = window.setTimeout(() => {
      const { segment, write } = this.#model.hash;
      replaceHashSegment(segment, write(this.#state));
    }, HASH_DELAY_MS);
  }

  #requestFrame(): void {
    if (!this.#frame) this.#frame = requestAnimationFrame(this.#tick);
  }

  #tick = (): void => {
    this.#frame = 0;
    if (!this.isConnected || !this.playing()) return;
    this.frame();
    if (this.playing()) this.#requestFrame();
  };
}
