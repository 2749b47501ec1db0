// What the optimizer visualizer shows, as pure functions: the surface's contours, the three walks as SVG paths in
// the plot's square viewBox, and the table of where each optimizer is. The server renders `derive(initialState)`;
// the custom element (view.ts) re-derives after each change. Imports only src/lib.
import { contourSegments, joinSegments, sampleGrid } from '../../lib/nn/contours.ts';
import { formatNumber } from '../../lib/text/format-number.ts';
import { fillTemplate } from '../../lib/text/template.ts';
import { surfaces, type SurfaceId } from '../../lib/nn/loss-surfaces.ts';
import { OPTIMIZER_IDS, type OptimizerId } from '../../lib/nn/optimizers.ts';
import { MAX_STEPS, RATES, round, type OptimizerVizState } from './model.ts';

/** Size of the plot's square viewBox. */
export const VIEW = 400;
/** Cells per side of the grid the contours are traced on. */
export const CONTOUR_GRID = 64;

/** The marker at the head of each optimizer's path (and beside its name in the table): circle, square, triangle. */
export const MARKERS: Readonly<Record<OptimizerId, string>> = {
  sgd: 'M0,-5a5,5 0 1,0 0.001,0z',
  momentum: 'M-4.5,-4.5h9v9h-9z',
  adam: 'M0,-6L5.5,4H-5.5z',
};

/** Surface coordinates to the square viewBox (y up). */
export function toView(surface: SurfaceId, x: number, y: number): { px: number; py: number } {
  const { xMin, xMax, yMin, yMax } = surfaces[surface].extent;
  return { px: ((x - xMin) / (xMax - xMin)) * VIEW, py: ((yMax - y) / (yMax - yMin)) * VIEW };
}

/** ViewBox coordinates back to the surface (for a click on the plot). */
export function fromView(surface: SurfaceId, px: number, py: number): { x: number; y: number } {
  const { xMin, xMax, yMin, yMax } = surfaces[surface].extent;
  return { x: xMin + (px / VIEW) * (xMax - xMin), y: yMax - (py / VIEW) * (yMax - yMin) };
}

const pathData = (surface: SurfaceId, points: ReadonlyArray<{ x: number; y: number }>) =>
  points
    .map(({ x, y }, i) => {
      const { px, py } = toView(surface, x, y);
      return `${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`;
    })
    .join('');

const contourCache = new Map<SurfaceId, ReadonlyArray<{ level: number; d: string }>>();

/** The contour lines of a surface, one SVG path per level (traced once per surface, then remembered). */
export function contours(surface: SurfaceId): ReadonlyArray<{ level: number; d: string }> {
  const cached = contourCache.get(surface);
  if (cached) return cached;
  const s = surfaces[surface];
  const grid = sampleGrid(s.f, s.extent, CONTOUR_GRID, CONTOUR_GRID);
  const result = s.levels.map((level) => ({
    level,
    d: joinSegments(contourSegments(grid, level))
      .map((line) =>
        pathData(
          surface,
          line.map(([x, y]) => ({ x, y })),
        ),
      )
      .join(''),
  }));
  contourCache.set(surface, result);
  return result;
}

/**
 * The sentences the model writes, in the page's language (text.ts), as templates with named blanks (template.ts):
 * the optimizers' names, the loss of a walk that diverged, the table's caption (`{step}`), and what screen readers
 * hear: a `summary` (`{step}`, `{walkers}`) of each `walker` (`{name}`, `{x}`, `{y}`, `{loss}`) or
 * `walkerDiverged` (`{name}`), joined by `separator`.
 */
export interface OptimizerSentences {
  readonly optimizers: Readonly<Record<OptimizerId, string>>;
  readonly diverged: string;
  readonly steps: string;
  readonly summary: string;
  readonly walker: string;
  readonly walkerDiverged: string;
  readonly separator: string;
}

export interface WalkerView {
  readonly id: OptimizerId;
  readonly name: string;
  /** The path as SVG path data in the VIEW box. */
  readonly d: string;
  /** Where the walker is now, in the VIEW box. */
  readonly px: number;
  readonly py: number;
  readonly x: string;
  readonly y: string;
  readonly loss: string;
  readonly diverged: boolean;
  readonly rate: string;
  /** Index of its learning rate in RATES, for the slider. */
  readonly rateIndex: number;
}

export interface OptimizerVizView {
  readonly surface: SurfaceId;
  readonly steps: string;
  readonly step: number;
  readonly walkers: readonly WalkerView[];
  readonly start: { readonly px: number; readonly py: number; readonly x: string; readonly y: string };
  readonly minima: ReadonlyArray<{ readonly px: number; readonly py: number }>;
  readonly summary: string;
  readonly playing: boolean;
  readonly finished: boolean;
}

/** Everything the widget shows for `state`, in the language of `s` (the contours come from `contours`). */
export function derive(state: OptimizerVizState, s: OptimizerSentences): OptimizerVizView {
  const { surface } = state.config;
  const f = surfaces[surface].f;
  const walkers = OPTIMIZER_IDS.map((id): WalkerView => {
    const walker = state.walkers[id];
    const at = walker.path.at(-1)!;
    const { px, py } = toView(surface, at.x, at.y);
    const rate = state.config.rates[id];
    return {
      id,
      name: s.optimizers[id],
      d: pathData(surface, walker.path),
      px: round(px, 1),
      py: round(py, 1),
      x: formatNumber(at.x, 3),
      y: formatNumber(at.y, 3),
      loss: walker.diverged ? s.diverged : formatNumber(f(at.x, at.y), 4),
      diverged: walker.diverged,
      rate: String(rate),
      rateIndex: Math.max(0, (RATES as readonly number[]).indexOf(rate)),
    };
  });
  const start = toView(surface, state.config.start.x, state.config.start.y);
  const described = walkers.map((w) =>
    w.diverged
      ? fillTemplate(s.walkerDiverged, { name: w.name })
      : fillTemplate(s.walker, { name: w.name, x: w.x, y: w.y, loss: w.loss }),
  );
  return {
    surface,
    steps: fillTemplate(s.steps, { step: state.step }),
    step: state.step,
    walkers,
    start: {
      px: round(start.px, 1),
      py: round(start.py, 1),
      x: formatNumber(state.config.start.x, 2),
      y: formatNumber(state.config.start.y, 2),
    },
    minima: surfaces[surface].minima.map((m) => {
      const p = toView(surface, m.x, m.y);
      return { px: round(p.px, 1), py: round(p.py, 1) };
    }),
    summary: fillTemplate(s.summary, { step: state.step, walkers: described.join(s.separator) }),
    playing: state.playing,
    finished: state.step >= MAX_STEPS || walkers.every((w) => w.diverged),
  };
}

/**
 * The contour lines as SVG markup for the plot's contour group: one path per level, the lowest levels most
 * opaque so the valley floor stands out. Used by the server and, on a change of surface, by the view.
 */
export function contourMarkup(surface: SurfaceId): string {
  const lines = contours(surface);
  return lines
    .map(
      ({ d }, k) =>
        `<path class="optimizer-viz__contour" stroke-opacity="${(0.85 - (0.55 * k) / Math.max(1, lines.length - 1)).toFixed(2)}" d="${d}"/>`,
    )
    .join('');
}

/** The start slider's range and step for a surface. */
export function startRange(surface: SurfaceId): {
  x: { min: number; max: number };
  y: { min: number; max: number };
  step: number;
} {
  const { xMin, xMax, yMin, yMax } = surfaces[surface].extent;
  return { x: { min: xMin, max: xMax }, y: { min: yMin, max: yMax }, step: 0.01 };
}
