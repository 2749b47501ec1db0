// <dl-activation-plot>: makes the server-rendered plot live. Events become model actions; after each one it
// re-derives the plot at the SVG's real pixel size and patches the nodes the server rendered (every function's
// curve, legend entry, readout row and table column exist already; unselected ones are hidden). The first redraw
// at the real size waits until the plot comes near the viewport (or the first event, or a shared link).
import { setAttributes, setShown, setText, setValue } from '../kit/dom-patch.ts';
import { WidgetElement } from '../kit/widget-element.ts';
import { DEFAULT_SIZE, keyStep, widgetModel, type PlotAction, type PlotState } from './model.ts';
import { axesMarkup, derive, type PlotView } from './model-view.ts';

const ZOOM_STEP = 1.25;
const PAN_FRACTION = 0.2;

export class ActivationPlotElement extends WidgetElement<PlotState, PlotAction> {
  #view: PlotView | undefined;
  #axes = '';
  #selection = '';
  #size = { width: 0, height: 0 };
  #svg: SVGSVGElement | null = null;
  /** Pointers down on the plot, by id, with their last x: two of them pinch. */
  #pointers = new Map<number, { x: number }>();

  constructor() {
    super(widgetModel, { startsNearViewport: true, revealsSharedLink: true });
  }

  protected override setUp(): void {
    this.#svg = this.querySelector('svg[data-testid="plot"]');
    const hit = this.querySelector('[data-hit]');
    hit?.addEventListener('pointerdown', this.#onPointerDown as EventListener);
    hit?.addEventListener('pointermove', this.#onPointerMove as EventListener);
    for (const type of ['pointerup', 'pointercancel', 'pointerleave'])
      hit?.addEventListener(type, this.#onPointerUp as EventListener);
    hit?.addEventListener('wheel', this.#onWheel as EventListener, { passive: false });
  }

  /** Draws the plot at its real size and keeps it so. */
  protected override onStart(): void {
    if (!this.#svg) return;
    this.#measure();
    new ResizeObserver(() => {
      if (this.#measure()) this.#draw();
    }).observe(this.#svg);
    this.#draw();
  }

  /** Pointer gestures over the plot are not announced: only changes made with a control are. */
  #quietly(action: PlotAction): void {
    this.dispatch(action, { announce: false });
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
    this.start();
    const view = this.#view;
    const box = this.#svg?.getBoundingClientRect();
    if (!view || !box || box.width === 0) return NaN;
    const px = ((clientX - box.left) / box.width) * view.width;
    const { left, right } = view.area;
    const { xMin, xMax } = this.state;
    return xMin + ((px - left) / (right - left)) * (xMax - xMin);
  }

  protected override onChange(event: Event): void {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox') return;
    if (target.hasAttribute('data-derivatives')) this.dispatch({ type: 'derivatives', on: target.checked });
    else this.dispatch({ type: 'toggle', id: target.value, on: target.checked });
  }

  protected override onInput(event: Event): void {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.hasAttribute('data-cursor'))
      this.dispatch({ type: 'cursor', x: Number(target.value) });
  }

  protected override onAction(name: string): void {
    const span = this.state.xMax - this.state.xMin;
    const actions: Record<string, PlotAction> = {
      'zoom-in': { type: 'zoom', factor: 1 / ZOOM_STEP },
      'zoom-out': { type: 'zoom', factor: ZOOM_STEP },
      'pan-left': { type: 'pan', dx: -PAN_FRACTION * span },
      'pan-right': { type: 'pan', dx: PAN_FRACTION * span },
      reset: { type: 'reset' },
    };
    const action = actions[name];
    if (action) this.dispatch(action);
  }

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
        this.#quietly({ type: 'zoom', factor: before / after, about: this.#xAt((event.clientX + other.x) / 2) });
    } else this.#quietly({ type: 'cursor', x: this.#xAt(event.clientX) });
  };

  #onPointerUp = (event: PointerEvent): void => {
    this.#pointers.delete(event.pointerId);
    // A mouse leaving the plot takes the crosshair with it; a finger lifted leaves it where it was read.
    if (event.type === 'pointerleave' && event.pointerType === 'mouse') this.#quietly({ type: 'cursor', x: null });
  };

  #onWheel = (event: WheelEvent): void => {
    if (!event.deltaY) return;
    event.preventDefault();
    const factor = Math.exp(Math.max(-1, Math.min(1, event.deltaY * (event.deltaMode ? 0.05 : 0.002))));
    this.#quietly({ type: 'zoom', factor, about: this.#xAt(event.clientX) });
  };

  protected override announcement(): string {
    const view = this.#view ?? derive(this.state, DEFAULT_SIZE, this.language);
    return `${view.rangeLabel}. ${view.announcement}`;
  }

  /** Until the plot starts, the server's drawing stands for the state. */
  protected override render(): void {
    if (this.started) this.#draw();
  }

  #draw(): void {
    const svg = this.#svg;
    if (!svg) return;
    const state = this.state;
    const previous = this.#view;
    const size = this.#size.width > 0 ? this.#size : DEFAULT_SIZE;
    const view = derive(state, size, this.language, previous);
    this.#view = view;
    const { left, top, right, bottom } = view.area;
    // Curves, axes and size change only with the selection, the range or the size (the view's key).
    if (view.key !== previous?.key) {
      setAttributes(svg, { viewBox: `0 0 ${view.width} ${view.height}` });
      for (const rect of svg.querySelectorAll('[data-clip], [data-hit]'))
        setAttributes(rect, { x: left, y: top, width: right - left, height: bottom - top });
      const axes = axesMarkup(view);
      if (axes !== this.#axes) svg.querySelector('[data-axes]')!.innerHTML = axes;
      this.#axes = axes;
      for (const group of svg.querySelectorAll<SVGGElement>('[data-curve]')) {
        const curve = view.curves.find((c) => c.id === group.dataset.curve);
        setShown(group, !!curve);
        if (curve)
          [curve.d, curve.markers, curve.dd, curve.dmarkers].forEach((d, i) => setAttributes(group.children[i], { d }));
      }
    }

    const crosshair = svg.querySelector('[data-crosshair]')!;
    const px = view.crosshair.px;
    setShown(crosshair, view.crosshair.visible);
    setAttributes(crosshair.querySelector('line'), { x1: px, x2: px, y1: top, y2: bottom });
    for (const dots of crosshair.querySelectorAll<SVGGElement>('[data-dots]')) {
      const point = view.crosshair.points.find((p) => p.id === dots.dataset.dots);
      [point?.y, point?.dy].forEach((y, i) => {
        const dot = dots.children[i]!;
        setShown(dot, y != null);
        if (y != null) setAttributes(dot, { cx: px, cy: y });
      });
    }

    // What depends only on the selection is patched only when it changes, so hovering stays cheap.
    const key = `${state.selected.join()}/${state.derivatives}`;
    if (key !== this.#selection) {
      this.#selection = key;
      const on = (id: string | undefined) => (state.selected as readonly string[]).includes(id!);
      for (const box of this.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
        box.checked = box.hasAttribute('data-derivatives') ? state.derivatives : on(box.value);
      for (const node of this.querySelectorAll<HTMLElement>('[data-legend]')) setShown(node, on(node.dataset.legend));
      for (const node of this.querySelectorAll('[data-legend-d], [data-readout-d]')) setShown(node, state.derivatives);
      for (const node of this.querySelectorAll<HTMLElement>('[data-col]'))
        setShown(node, on(node.dataset.col) && (!node.hasAttribute('data-col-d') || state.derivatives));
    }
    setText(this.querySelector('[data-readout-x]'), view.readout.x);
    for (const row of this.querySelectorAll<HTMLTableRowElement>('tr[data-readout]')) {
      const values = view.readout.rows.find((r) => r.id === row.dataset.readout);
      setShown(row, !!values);
      if (values) {
        setText(row.querySelector('[data-f]'), values.f);
        setText(row.querySelector('[data-df]'), values.df);
      }
    }
    setText(this.querySelector('[data-testid="x-range"]'), view.rangeLabel);
    const cursor = this.querySelector<HTMLInputElement>('input[data-cursor]');
    setAttributes(cursor, {
      min: state.xMin,
      max: state.xMax,
      step: keyStep(state.xMax - state.xMin),
      'aria-valuetext': `x = ${view.readout.x}`,
    });
    setValue(cursor, String(state.cursor));
  }
}

if (!customElements.get('dl-activation-plot')) customElements.define('dl-activation-plot', ActivationPlotElement);

declare global {
  interface HTMLElementTagNameMap {
    'dl-activation-plot': ActivationPlotElement;
  }
}
