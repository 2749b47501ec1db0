// The activation plotter's state and how it changes, as pure functions: what is drawn (the selection, the
// derivatives, the x-range) and where the readout is. The plot itself is model-view.ts; the custom element
// (view.ts) dispatches actions and redraws. Imports only src/lib.
import { ACTIVATION_IDS, isActivationId, type ActivationId } from '../../lib/nn/activation-core.ts';
import { stateHash, type WidgetModel } from '../kit/widget-model.ts';
import { hashFlag, hashList, hashNumber, hashOneOf, hashState } from '../../lib/text/hash-state.ts';

export interface PlotState {
  /** The functions drawn, in ACTIVATION_IDS order. */
  readonly selected: readonly ActivationId[];
  /** Whether each derivative is drawn too (dashed). */
  readonly derivatives: boolean;
  /** The visible x-range. */
  readonly xMin: number;
  readonly xMax: number;
  /** The x of the readout, snapped to the plot's resolution. */
  readonly cursor: number;
  /** Whether the crosshair is drawn (while hovering, touching or using the keyboard on the plot). */
  readonly crosshair: boolean;
}

export type PlotAction =
  | { readonly type: 'toggle'; readonly id: string; readonly on: boolean }
  | { readonly type: 'derivatives'; readonly on: boolean }
  /** Scale the x-range by `factor` (> 1 zooms out) keeping the point `about` (default: the centre) in place. */
  | { readonly type: 'zoom'; readonly factor: number; readonly about?: number }
  /** Move the x-range by `dx` (in x units). */
  | { readonly type: 'pan'; readonly dx: number }
  | { readonly type: 'reset' }
  /** Put the crosshair at `x`, or hide it (`null`; the readout keeps its x). */
  | { readonly type: 'cursor'; readonly x: number | null }
  /** Replace the whole state (from the URL hash). */
  | { readonly type: 'load'; readonly state: PlotState };

export const DEFAULT_RANGE = { xMin: -6, xMax: 6 } as const;
/** Narrowest and widest x-range, and how far from 0 its centre may go. */
export const LIMITS = { minSpan: 0.2, maxSpan: 200, maxCentre: 100 } as const;
/** The size the server renders at; the browser re-derives at the plot's real size. */
export const DEFAULT_SIZE = { width: 640, height: 320 } as const;
/** This widget's segment of the URL hash (see url-hash.ts): `#plot:f=relu,sigmoid&d=1&x=-6,6`. */
export const HASH_SEGMENT = 'plot';

export const initialState: PlotState = {
  selected: ['relu', 'sigmoid', 'tanh'],
  derivatives: true,
  ...DEFAULT_RANGE,
  cursor: 1,
  crosshair: false,
};

/** How finely the readout's x moves: a power of ten about 1/500 of the visible range. */
export function resolution(span: number): number {
  return 10 ** Math.floor(Math.log10(span / 500));
}

/** One keyboard step of the crosshair's slider: a round number about 1/60 of the visible range. */
export function keyStep(span: number): number {
  return niceStep(span / 60);
}

/** The round number (1, 2 or 5 times a power of ten) nearest above `raw`. */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** Decimals that show a multiple of `step` exactly. */
export const decimalsOf = (step: number) => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
/** `x` rounded to a multiple of `step`, without binary noise (1.2000000000000002 → 1.2). */
const snap = (x: number, step: number) => Number((Math.round(x / step) * step).toFixed(decimalsOf(step)));

function clampRange(xMin: number, xMax: number): { xMin: number; xMax: number } {
  const span = Math.min(LIMITS.maxSpan, Math.max(LIMITS.minSpan, xMax - xMin));
  const centre = Math.min(LIMITS.maxCentre, Math.max(-LIMITS.maxCentre, (xMin + xMax) / 2));
  const round = (v: number) => Number(v.toPrecision(10));
  return { xMin: round(centre - span / 2), xMax: round(centre + span / 2) };
}

function withCursor(state: PlotState, x: number, crosshair: boolean): PlotState {
  const span = state.xMax - state.xMin;
  const clamped = Math.min(state.xMax, Math.max(state.xMin, x));
  return { ...state, cursor: snap(clamped, resolution(span)), crosshair };
}

/** The next state after `action`. Never throws; actions with non-finite numbers change nothing. */
export function update(state: PlotState, action: PlotAction): PlotState {
  switch (action.type) {
    case 'toggle': {
      if (!isActivationId(action.id)) return state;
      const set = new Set(state.selected);
      if (action.on) set.add(action.id);
      else set.delete(action.id);
      return { ...state, selected: ACTIVATION_IDS.filter((id) => set.has(id)) };
    }
    case 'derivatives':
      return { ...state, derivatives: action.on };
    case 'zoom': {
      const about = action.about ?? (state.xMin + state.xMax) / 2;
      if (!(action.factor > 0) || !Number.isFinite(action.factor) || !Number.isFinite(about)) return state;
      const range = clampRange(
        about - (about - state.xMin) * action.factor,
        about + (state.xMax - about) * action.factor,
      );
      return withCursor({ ...state, ...range }, state.cursor, state.crosshair);
    }
    case 'pan': {
      if (!Number.isFinite(action.dx)) return state;
      const range = clampRange(state.xMin + action.dx, state.xMax + action.dx);
      return withCursor({ ...state, ...range }, state.cursor + (range.xMin - state.xMin), state.crosshair);
    }
    case 'reset':
      return withCursor({ ...state, ...DEFAULT_RANGE }, state.cursor, state.crosshair);
    case 'cursor':
      if (action.x === null) return { ...state, crosshair: false };
      return Number.isFinite(action.x) ? withCursor(state, action.x, true) : state;
    case 'load':
      return action.state;
  }
}

/** The shareable part of the state in the URL hash: `#plot:f=relu,sigmoid&d=1&x=-6,6`. */
export const PLOT_HASH = hashState<Pick<PlotState, 'selected' | 'derivatives'> & { readonly range: readonly number[] }>(
  HASH_SEGMENT,
  {
    selected: { key: 'f', type: hashList(hashOneOf(ACTIVATION_IDS)) },
    derivatives: { key: 'd', type: hashFlag },
    range: { key: 'x', type: hashList(hashNumber) },
  },
);

/** The shareable part of the state as the body of this widget's hash segment: `f=relu,sigmoid&d=1&x=-6,6`. */
export function toHash(state: PlotState): string {
  return PLOT_HASH.write({ ...state, range: [state.xMin, state.xMax] });
}

/** The state in this widget's segment of a URL hash (with or without `#`), or undefined when none is valid. */
export function fromHash(hash: string): PlotState | undefined {
  const shared = PLOT_HASH.readAll(hash);
  if (!shared) return undefined;
  const [lo, hi, ...rest] = shared.range;
  if (lo === undefined || hi === undefined || rest.length || !(lo < hi) || !Number.isFinite(hi - lo)) return undefined;
  const state = {
    ...initialState,
    selected: ACTIVATION_IDS.filter((id) => shared.selected.includes(id)),
    derivatives: shared.derivatives,
    ...clampRange(lo, hi),
  };
  return withCursor(state, state.cursor, false);
}

/** The activation plot for the kit's base element: a link carries the selection and the range. */
export const widgetModel: WidgetModel<PlotState, PlotAction> = {
  initialState,
  update,
  hash: stateHash(HASH_SEGMENT, toHash, fromHash),
};
