// The activation plot as pure functions of (state, size, language): the server renders
// `derive(initialState, DEFAULT_SIZE, lang)`, the custom element (view.ts) re-derives after each `update` and
// whenever the plot is resized. Also the sample-value table the server renders under the plot. Imports only src/lib.
import { ACTIVATION_IDS, activationFunctions as activations, type ActivationId } from '../../lib/nn/activation-core.ts';
import { formatNumber } from '../../lib/text/format-number.ts';
import { fillTemplate } from '../../lib/text/template.ts';
import type { Lang } from '../../lib/content/lang.ts';
import { decimalsOf, niceStep, resolution, type PlotState } from './model.ts';

/** Space around the plot area for tick labels. */
export const MARGIN = { left: 44, right: 12, top: 10, bottom: 26 } as const;
/** The x-values of the table of sample values (the worked example of the activation-functions note, and more). */
export const SAMPLE_XS = [-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3] as const;
/**
 * One marker shape per function, in ACTIVATION_IDS order, so curves differ in more than colour: circle (a 12-gon,
 * round at marker size), square, triangle, diamond, inverted triangle, four-pointed star, cross, hexagon, star,
 * pentagon.
 * Each is [corners, angle of the first corner in degrees, outer radius, inner radius of a star] (radii in units of r).
 */
export const SHAPES: ReadonlyArray<readonly number[]> = [
  [12, 0, 1.1],
  [4, 45, 1.25],
  [3, -90, 1.35],
  [4, 0, 1.35],
  [3, 90, 1.35],
  [8, -90, 1.5, 0.55],
  [8, -45, 1.5, 0.55],
  [6, 0, 1.15],
  [10, -90, 1.5, 0.65],
  [5, -90, 1.3],
];

export interface Tick {
  /** Position in px along its axis (x from the left, y from the top). */
  readonly px: number;
  readonly label: string;
}

export interface Curve {
  readonly id: ActivationId;
  /** The function's path; `d` of the derivative ('' when derivatives are off). */
  readonly d: string;
  readonly dd: string;
  /** Filled markers on f, hollow ones on f′, as one path each. */
  readonly markers: string;
  readonly dmarkers: string;
}

export interface ReadoutRow {
  readonly id: ActivationId;
  readonly label: string;
  readonly f: string;
  readonly df: string;
}

export interface PlotView {
  /** What the curves depend on (selection, derivatives, range, size): equal keys, equal curves. */
  readonly key: string;
  readonly width: number;
  readonly height: number;
  /** The plot area in px. */
  readonly area: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  /** The y-range, fitted to what is drawn and rounded to ticks. */
  readonly yMin: number;
  readonly yMax: number;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  /** Where the axes x = 0 and y = 0 are, if visible. */
  readonly zeroX: number | null;
  readonly zeroY: number | null;
  readonly curves: readonly Curve[];
  readonly crosshair: {
    readonly visible: boolean;
    readonly px: number;
    readonly points: ReadonlyArray<{
      readonly id: ActivationId;
      readonly y: number | null;
      readonly dy: number | null;
    }>;
  };
  readonly readout: { readonly x: string; readonly rows: readonly ReadoutRow[] };
  /** "x from −6 to 6". */
  readonly rangeLabel: string;
  /** What screen readers hear after a change. */
  readonly announcement: string;
}

const STRINGS = {
  en: { range: 'x from {min} to {max}', none: 'No function selected.', stop: '. ' },
  zh: { range: 'x 从 {min} 到 {max}', none: '未选择任何函数。', stop: '。' },
} as const satisfies Record<Lang, unknown>;
const r1 = (v: number) => Math.round(v * 10) / 10;

function ticks(min: number, max: number, count: number, toPx: (v: number) => number): Tick[] {
  const step = niceStep((max - min) / Math.max(2, count));
  const decimals = decimalsOf(step);
  const out: Tick[] = [];
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) {
    const value = Number((k * step).toFixed(decimals)) + 0;
    out.push({ px: r1(toPx(value)), label: formatNumber(value, decimals) });
  }
  return out;
}

/** A marker of `shape` (an entry of SHAPES) centred on (x, y) with radius `r`, as a closed path. */
export function markerPath(shape: readonly number[], x: number, y: number, r = 4): string {
  const [n = 0, start = 0, ...radii] = shape;
  const points = Array.from({ length: n }, (_, k) => {
    const angle = ((start + (k * 360) / n) * Math.PI) / 180;
    const radius = r * radii[k % radii.length]!;
    return `${r1(x + radius * Math.cos(angle))},${r1(y + radius * Math.sin(angle))}`;
  });
  return `M${points.join('L')}Z`;
}

/** The part of a PlotView that depends on the selection, the range and the size, not on the crosshair. */
type Geometry = Pick<
  PlotView,
  'key' | 'width' | 'height' | 'area' | 'yMin' | 'yMax' | 'xTicks' | 'yTicks' | 'zeroX' | 'zeroY' | 'curves'
>;

function geometry(state: PlotState, width: number, height: number, key: string): Geometry {
  const area = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const { xMin, xMax } = state;
  const span = xMax - xMin;
  const plotWidth = area.right - area.left;
  const xToPx = (x: number) => area.left + ((x - xMin) / span) * plotWidth;

  // Sample every function (and derivative) once; the y-range fits what is drawn.
  const count = Math.ceil(plotWidth / 2) + 1;
  const grid = Array.from({ length: count }, (_, k) => xMin + (k / (count - 1)) * span);
  const eps = span * 1e-9;
  /** [x, g(x), 1 where the line must not join the previous point]: either side of each jump is sampled too. */
  const sample = (g: (x: number) => number, jumps: readonly number[]) =>
    [...grid, ...jumps.filter((j) => j > xMin && j < xMax).flatMap((j) => [j - eps, j + eps])]
      .sort((a, b) => a - b)
      .map((x) => [x, g(x), jumps.some((j) => j < x && x - j <= eps * 1.5)] as const);
  const sampled = state.selected.map((id) => {
    const fn = activations[id];
    return { fn, f: sample(fn.f, fn.jumps.f), df: state.derivatives ? sample(fn.df, fn.jumps.df) : [] };
  });
  let lo = 0;
  let hi = 0;
  for (const { f, df } of sampled)
    for (const [, y] of [...f, ...df])
      if (Number.isFinite(y)) {
        lo = Math.min(lo, y);
        hi = Math.max(hi, y);
      }
  if (hi - lo < 1) hi = lo + 1;
  const pad = (hi - lo) * 0.06;
  const yCount = Math.max(3, Math.round((area.bottom - area.top) / 45));
  const yStep = niceStep((hi - lo + 2 * pad) / yCount);
  const yMin = Math.floor((lo - pad) / yStep) * yStep;
  const yMax = Math.ceil((hi + pad) / yStep) * yStep;
  const yToPx = (y: number) => area.bottom - ((y - yMin) / (yMax - yMin)) * (area.bottom - area.top);

  const path = (points: ReadonlyArray<readonly [number, number, boolean]>) => {
    let d = '';
    let pen = false;
    for (const [x, y, jump] of points) {
      const ok = Number.isFinite(y);
      if (ok) d += `${pen && !jump ? 'L' : 'M'}${r1(xToPx(x))},${r1(yToPx(y))}`;
      pen = ok;
    }
    return d;
  };
  const markersFor = (index: number, g: (x: number) => number, shape: readonly number[]) =>
    [0, 1, 2, 3]
      .map((k) => {
        const x = xMin + (span * (k + (index + 0.5) / ACTIVATION_IDS.length)) / 4;
        const y = g(x);
        return Number.isFinite(y) ? markerPath(shape, xToPx(x), yToPx(y)) : '';
      })
      .join('');

  return {
    key,
    width,
    height,
    area,
    yMin,
    yMax,
    xTicks: ticks(xMin, xMax, Math.round(plotWidth / 70), xToPx),
    yTicks: ticks(yMin, yMax, yCount, yToPx),
    zeroX: xMin <= 0 && 0 <= xMax ? r1(xToPx(0)) : null,
    zeroY: r1(yToPx(0)),
    curves: sampled.map(({ fn, f, df }): Curve => {
      const index = ACTIVATION_IDS.indexOf(fn.id);
      const shape = SHAPES[index]!;
      return {
        id: fn.id,
        d: path(f),
        dd: state.derivatives ? path(df) : '',
        markers: markersFor(index, fn.f, shape),
        dmarkers: state.derivatives ? markersFor(index, fn.df, shape) : '',
      };
    }),
  };
}

/**
 * Everything the plot shows for `state` at `size` (px), in `lang`. Pass the previous view as `reuse`: when only
 * the crosshair moved, its curves, ticks and y-range are kept instead of sampled again (same result, less work).
 */
export function derive(
  state: PlotState,
  size: { width: number; height: number },
  lang: Lang,
  reuse?: PlotView,
): PlotView {
  const s = STRINGS[lang];
  const width = Math.max(200, Math.round(size.width));
  const height = Math.max(160, Math.round(size.height));
  const key = `${state.selected.join()}|${state.derivatives}|${state.xMin}|${state.xMax}|${width}|${height}`;
  const g = reuse?.key === key ? reuse : geometry(state, width, height, key);
  const { area, yMin, yMax } = g;
  const { xMin, xMax, cursor } = state;
  const span = xMax - xMin;
  const yToPx = (y: number) => area.bottom - ((y - yMin) / (yMax - yMin)) * (area.bottom - area.top);
  const inY = (y: number) => (Number.isFinite(y) && y >= yMin && y <= yMax ? r1(yToPx(y)) : null);
  const values = state.selected.map((id) => {
    const fn = activations[id];
    return { id, label: fn.label, y: fn.f(cursor), dy: fn.df(cursor) };
  });
  const rows = values.map(({ id, label, y, dy }) => ({ id, label, f: formatNumber(y), df: formatNumber(dy) }));
  const xText = formatNumber(cursor, Math.max(decimalsOf(resolution(span)), 1));
  const rowsText = rows
    .map((row) => `${row.label}: f = ${row.f}${state.derivatives ? `, f′ = ${row.df}` : ''}`)
    .join('; ');
  return {
    ...g,
    crosshair: {
      visible: state.crosshair,
      px: r1(area.left + ((cursor - xMin) / span) * (area.right - area.left)),
      points: values.map(({ id, y, dy }) => ({ id, y: inY(y), dy: state.derivatives ? inY(dy) : null })),
    },
    readout: { x: xText, rows },
    rangeLabel: fillTemplate(s.range, { min: formatNumber(xMin, 3), max: formatNumber(xMax, 3) }),
    announcement: rows.length ? `x = ${xText}${s.stop}${rowsText}` : s.none,
  };
}

/** The sample-value table: one row per x in SAMPLE_XS, f and f′ of every function, formatted. */
export function sampleTable(): Array<{ x: string; values: Record<ActivationId, { f: string; df: string }> }> {
  return SAMPLE_XS.map((x) => ({
    x: formatNumber(x),
    values: Object.fromEntries(
      ACTIVATION_IDS.map((id) => [
        id,
        { f: formatNumber(activations[id].f(x)), df: formatNumber(activations[id].df(x)) },
      ]),
    ) as Record<ActivationId, { f: string; df: string }>,
  }));
}

/**
 * Gridlines, the axes x = 0 and y = 0, tick marks and tick labels as SVG markup (numbers only, nothing to escape):
 * one path per kind of line, so a redraw touches a handful of nodes. One function for both renderers: the server
 * puts it in the page, the view sets it as innerHTML after a change.
 */
export function axesMarkup(view: PlotView): string {
  const { left, right, top, bottom } = view.area;
  const { xTicks, yTicks, zeroX, zeroY } = view;
  const lines = (f: (t: Tick) => string) => (ticks: readonly Tick[]) => ticks.map(f).join('');
  const grid = lines((t) => `M${t.px},${top}V${bottom}`)(xTicks) + lines((t) => `M${left},${t.px}H${right}`)(yTicks);
  const marks = lines((t) => `M${t.px},${bottom}v4`)(xTicks) + lines((t) => `M${left},${t.px}h-4`)(yTicks);
  const axes =
    (zeroY === null ? '' : `M${left},${zeroY}H${right}`) + (zeroX === null ? '' : `M${zeroX},${top}V${bottom}`);
  const labels = (ticks: readonly Tick[], at: (t: Tick) => string) =>
    ticks.map((t) => `<text ${at(t)}>${t.label}</text>`).join('');
  return (
    `<path class="activation-plot__grid" d="${grid}"/>` +
    `<rect class="activation-plot__frame" x="${left}" y="${top}" width="${right - left}" height="${bottom - top}"/>` +
    `<path class="activation-plot__tick" d="${marks}"/><path class="activation-plot__axis" d="${axes}"/>` +
    `<g class="activation-plot__xlabels">${labels(xTicks, (t) => `x="${t.px}" y="${bottom + 16}"`)}</g>` +
    `<g class="activation-plot__ylabels">${labels(yTicks, (t) => `x="${left - 7}" y="${t.px}"`)}</g>`
  );
}
