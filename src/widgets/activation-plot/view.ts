// <dl-activation-plot>: makes the server-rendered plot live. Events become model actions; after each one it
// re-derives the plot at the SVG's real pixel size and patches the nodes the server rendered (every function's
// curve, legend entry, readout row and table column exist already; unselected ones are hidden). The first redraw
// at the real size waits until the plot comes near the viewport (or the first event, or a shared link).
import type { Lang } from '../../lib/content/lang.ts';
import {
  HASH_SEGMENT,
  axesMarkup,
  derive,
  fromHash,
  initialState,
  keyStep,
  toHash,
  update,
  type PlotAction,
  type PlotState,
  type PlotView,
} from './model.ts';
import { replaceHashSegment } from '../hash-sync.ts';
import { whenNearViewport } from '../when-near-viewport.ts';

const ZOOM_STEP = 1.25;
const PAN_FRACTION = 0.2;
const HASH_DELAY_MS = 300;
const ANNOUNCE_DELAY_MS = 500;

export class ActivationPlotElement extends HTMLElement {
  #state: PlotState = initialState;
  #lang: Lang = 'zh';
  #view: PlotView | undefined;
  #axes = '';
  #selection = '';
  #size = { width: 0, height: 0 };
  #svg: SVGSVGElement | null = null;
  /** Pointers down on the plot, by id, with their last x: two of them pinch. */
  #pointers = new Map<number, { x: number }>();
  #hashTimer = 0;
  #announceTimer = 0;
  #started = false;
  #cancelStart: (() => void) | undefined;

  connectedCallback(): void {
    if (this.#svg) return; // set up once; the listeners below belong to the element and its children
    this.#lang = this.dataset.lang === 'en' ? 'en' : 'zh';
    this.#svg = this.querySelector('svg[data-testid="plot"]');
    const shared = fromHash(location.hash);
    this.#state = shared ?? initialState;
    this.addEventListener('change', this.#onChange);
    this.addEventListener('input', this.#onInput);
    this.addEventListener('click', this.#onClick);
    const hit = this.querySelector('[data-hit]');
    hit?.addEventListener('pointerdown', this.#onPointerDown as EventListener);
    hit?.addEventListener('pointermove', this.#onPointerMove as EventListener);
    for (const type of ['pointerup', 'pointercancel', 'pointerleave'])
      hit?.addEventListener(type, this.#onPointerUp as EventListener);
    hit?.addEventListener('wheel', this.#onWheel as EventListener, { passive: false });
    if (shared) {
      this.#start();
      // A shared link names no element the browser could scroll to: bring the widget into view.
      this.scrollIntoView({ block: 'center' });
    } else this.#cancelStart = whenNearViewport(this, () => this.#start());
    this.dataset.ready = '';
  }

  disconnectedCallback(): void {
    clearTimeout(this.#hashTimer);
    clearTimeout(this.#announceTimer);
  }

  /** Draws the plot at its real size and keeps it so. */
  #start(): void {
    if (this.#started || !this.#svg) return;
    this.#started = true;
    this.#cancelStart?.();
    this.#measure();
    new ResizeObserver(() => {
      if (this.#measure()) this.#render(false);
    }).observe(this.#svg);
    this.#render(false);
  }

  /** Applies `action`; `announce` for changes made with a control (not with a pointer over the plot). */
  dispatch(action: PlotAction, announce = true): void {
    this.#start();
    const next = update(this.#state, action);
    if (next === this.#state) return;
    this.#state = next;
    this.#render(announce);
    if (action.type !== 'cursor') this.#scheduleHash();
  }

  /** Reads the SVG's size in px; true when it changed. */
  #measure(): boolean {
    const box = this.#svg?.getBoundingClientRect();
    if (!box || box.width === 0) return false;
    const size = { width: Math.round(box.width), height: Math.round(box.height) };
    const changed = size.width !== this.#size.width || size.height !== this.#size.height;
    this.#size = size;
    return changed;
  }

  /** x (in plot units) under a pointer. */
  #xAt(clientX: number): number {
    this.#start();
    const view = this.#view;
    const box = this.#svg?.getBoundingClientRect();
    if (!view || !box || box.width === 0) return NaN;
    const px = ((clientX - box.left) / box.width) * view.width;
    const { left, right } = view.area;
    return this.#state.xMin + ((px - left) / (right - left)) * (this.#state.xMax - this.#state.xMin);
  }

  #onChange = (event: Event): void => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox') return;
    if (target.hasAttribute('data-derivatives')) this.dispatch({ type: 'derivatives', on: target.checked });
    else this.dispatch({ type: 'toggle', id: target.value, on: target.checked });
  };

  #onInput = (event: Event): void => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.hasAttribute('data-cursor'))
      this.dispatch({ type: 'cursor', x: Number(target.value) });
  };

  #onClick = (event: Event): void => {
    const button = (event.target as Element | null)?.closest?.('button[data-action]');
    if (!(button instanceof HTMLButtonElement)) return;
    const span = this.#state.xMax - this.#state.xMin;
    const actions: Record<string, PlotAction> = {
      'zoom-in': { type: 'zoom', factor: 1 / ZOOM_STEP },
      'zoom-out': { type: 'zoom', factor: ZOOM_STEP },
      'pan-left': { type: 'pan', dx: -PAN_FRACTION * span },
      'pan-right': { type: 'pan', dx: PAN_FRACTION * span },
      reset: { type: 'reset' },
    };
    const action = actions[button.dataset.action ?? ''];
    if (action) this.dispatch(action);
  };

  #onPointerDown = (event: PointerEvent): void => {
    this.#pointers.set(event.pointerId, { x: event.clientX });
    try {
      (event.currentTarget as Element).setPointerCapture(event.pointerId); // keep getting moves outside the plot
    } catch {
      // The pointer is already gone (or was never a real one): nothing to capture.
    }
    this.#onPointerMove(event);
  };

  /** One pointer moves the crosshair; two (fingers) pinch the x-range about their midpoint. */
  #onPointerMove = (event: PointerEvent): void => {
    const pointer = this.#pointers.get(event.pointerId);
    const other = [...this.#pointers].find(([id]) => id !== event.pointerId)?.[1];
    if (pointer && other) {
      const before = Math.abs(pointer.x - other.x);
      const after = Math.abs(event.clientX - other.x);
      pointer.x = event.clientX;
      if (before > 10 && after > 10)
        this.dispatch({ type: 'zoom', factor: before / after, about: this.#xAt((event.clientX + other.x) / 2) }, false);
    } else this.dispatch({ type: 'cursor', x: this.#xAt(event.clientX) }, false);
  };

  #onPointerUp = (event: PointerEvent): void => {
    this.#pointers.delete(event.pointerId);
    // A mouse leaving the plot takes the crosshair with it; a finger lifted leaves it where it was read.
    if (event.type === 'pointerleave' && event.pointerType === 'mouse')
      this.dispatch({ type: 'cursor', x: null }, false);
  };

  #onWheel = (event: WheelEvent): void => {
    if (!event.deltaY) return;
    event.preventDefault();
    const factor = Math.exp(Math.max(-1, Math.min(1, event.deltaY * (event.deltaMode ? 0.05 : 0.002))));
    this.dispatch({ type: 'zoom', factor, about: this.#xAt(event.clientX) }, false);
  };

  #scheduleHash(): void {
    clearTimeout(this.#hashTimer);
    this.#hashTimer = window.setTimeout(() => {
      replaceHashSegment(HASH_SEGMENT, toHash(this.#state));
    }, HASH_DELAY_MS);
  }

  #render(announce: boolean): void {
    const svg = this.#svg;
    if (!svg) return;
    const state = this.#state;
    const previous = this.#view;
    const view = derive(state, this.#size.width > 0 ? this.#size : { width: 640, height: 320 }, this.#lang, previous);
    this.#view = view;
    const { left, top, right, bottom } = view.area;
    // Curves, axes and size change only with the selection, the range or the size (the view's key).
    if (view.key !== previous?.key) {
      attrs(svg, { viewBox: `0 0 ${view.width} ${view.height}` });
      for (const rect of svg.querySelectorAll('[data-clip], [data-hit]'))
        attrs(rect, { x: left, y: top, width: right - left, height: bottom - top });
      const axes = axesMarkup(view);
      if (axes !== this.#axes) svg.querySelector('[data-axes]')!.innerHTML = axes;
      this.#axes = axes;
      for (const group of svg.querySelectorAll<SVGGElement>('[data-curve]')) {
        const curve = view.curves.find((c) => c.id === group.dataset.curve);
        show(group, !!curve);
        if (curve)
          [curve.d, curve.markers, curve.dd, curve.dmarkers].forEach((d, i) => attrs(group.children[i], { d }));
      }
    }

    const crosshair = svg.querySelector('[data-crosshair]')!;
    const px = view.crosshair.px;
    show(crosshair, view.crosshair.visible);
    attrs(crosshair.querySelector('line'), { x1: px, x2: px, y1: top, y2: bottom });
    for (const dots of crosshair.querySelectorAll<SVGGElement>('[data-dots]')) {
      const point = view.crosshair.points.find((p) => p.id === dots.dataset.dots);
      [point?.y, point?.dy].forEach((y, i) => {
        const dot = dots.children[i]!;
        show(dot, y != null);
        if (y != null) attrs(dot, { cx: px, cy: y });
      });
    }

    // What depends only on the selection is patched only when it changes, so hovering stays cheap.
    const key = `${state.selected.join()}/${state.derivatives}`;
    if (key !== this.#selection) {
      this.#selection = key;
      const on = (id: string | undefined) => (state.selected as readonly string[]).includes(id!);
      for (const box of this.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
        box.checked = box.hasAttribute('data-derivatives') ? state.derivatives : on(box.value);
      for (const node of this.querySelectorAll<HTMLElement>('[data-legend]')) show(node, on(node.dataset.legend));
      for (const node of this.querySelectorAll('[data-legend-d], [data-readout-d]')) show(node, state.derivatives);
      for (const node of this.querySelectorAll<HTMLElement>('[data-col]'))
        show(node, on(node.dataset.col) && (!node.hasAttribute('data-col-d') || state.derivatives));
    }
    text(this.querySelector('[data-readout-x]'), view.readout.x);
    for (const row of this.querySelectorAll<HTMLTableRowElement>('tr[data-readout]')) {
      const values = view.readout.rows.find((r) => r.id === row.dataset.readout);
      show(row, !!values);
      if (values) {
        text(row.querySelector('[data-f]'), values.f);
        text(row.querySelector('[data-df]'), values.df);
      }
    }
    text(this.querySelector('[data-testid="x-range"]'), view.rangeLabel);
    const cursor = this.querySelector<HTMLInputElement>('input[data-cursor]');
    if (cursor) {
      attrs(cursor, {
        min: state.xMin,
        max: state.xMax,
        step: keyStep(state.xMax - state.xMin),
        'aria-valuetext': `x = ${view.readout.x}`,
      });
      if (document.activeElement !== cursor) cursor.value = String(state.cursor);
    }
    if (announce) {
      clearTimeout(this.#announceTimer);
      this.#announceTimer = window.setTimeout(
        () => text(this.querySelector('[data-testid="announce"]'), `${view.rangeLabel}. ${view.announcement}`),
        ANNOUNCE_DELAY_MS,
      );
    }
  }
}

// DOM patching: write only what changed. Even writing an attribute's current value invalidates style, and a
// step must stay well under a millisecond. (Kept in each view: as a module of its own it would be a separate chunk.)

/** Sets attributes on `node`, skipping those that already have the value; `null` removes one. */
function attrs(node: Element | null | undefined, values: Record<string, string | number | null>): void {
  if (!node) return;
  for (const [name, value] of Object.entries(values)) {
    if (value === null) {
      if (node.hasAttribute(name)) node.removeAttribute(name);
    } else if (node.getAttribute(name) !== String(value)) node.setAttribute(name, String(value));
  }
}

/** Sets the text of `node` if it differs. */
function text(node: Element | null | undefined, value: string): void {
  if (node && node.textContent !== value) node.textContent = value;
}

/** Shows or hides `node` with the `hidden` attribute (HTML and SVG alike), if that changes anything. */
function show(node: Element | null | undefined, visible: boolean): void {
  if (node && node.hasAttribute('hidden') === visible) node.toggleAttribute('hidden', !visible);
}

if (!customElements.get('dl-activation-plot')) customElements.define('dl-activation-plot', ActivationPlotElement);

declare global {
  interface HTMLElementTagNameMap {
    'dl-activation-plot': ActivationPlotElement;
  }
}
