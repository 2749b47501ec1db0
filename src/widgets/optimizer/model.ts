// The optimizer visualizer's state and how it changes, as pure functions: a 2-D loss surface, and SGD, momentum
// and Adam walking from the same start point, each with its own learning rate. What it shows is model-view.ts;
// the custom element (view.ts) dispatches a few steps per animation frame. Imports only src/lib; the optimizers
// are the ones that train the playground.
import { SURFACE_IDS, isSurfaceId, surfaces, type SurfaceId } from '../../lib/nn/loss-surfaces.ts';
import { OPTIMIZER_IDS, createOptimizer, type OptimizerId, type OptimizerState } from '../../lib/nn/optimizers.ts';
import { hashNumber, hashOneOf, hashState, type HashFields } from '../../lib/text/hash-state.ts';
import { configHash, type WidgetModel } from '../kit/widget-model.ts';

/** Name of the visualizer's segment in the URL hash: `#optimizer:s=saddle&x=-1.8&y=0.01&sgd=0.01&…`. */
export const HASH_NAME = 'optimizer';
/** Learning rates on offer (the sliders step through them). */
export const RATES = [
  0.0001, 0.0002, 0.0003, 0.0005, 0.001, 0.002, 0.003, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 1,
] as const;
/**
 * Learning rates that show each surface's lesson: on Rosenbrock, the largest stable rates for SGD and momentum
 * against Adam; on the saddle, plain descent stuck on the ridge; in the ravine, SGD zig-zagging (y × −0.8 per step).
 */
export const DEFAULT_RATES: Readonly<Record<SurfaceId, Readonly<Record<OptimizerId, number>>>> = {
  rosenbrock: { sgd: 0.002, momentum: 0.001, adam: 0.1 },
  saddle: { sgd: 0.01, momentum: 0.002, adam: 0.01 },
  ravine: { sgd: 0.3, momentum: 0.03, adam: 0.1 },
};
/** A walk stops after this many steps. */
export const MAX_STEPS = 1000;
/** A walker this far out (or not finite) has diverged and stops. */
export const DIVERGED = 1e4;
/** The first view: the default surface after this many steps, so the paths are there before anything is pressed. */
export const INITIAL_STEPS = 150;

export interface OptimizerConfig {
  readonly surface: SurfaceId;
  readonly start: { readonly x: number; readonly y: number };
  readonly rates: Readonly<Record<OptimizerId, number>>;
}

export interface Walker {
  /** Every point visited, the start first. */
  readonly path: ReadonlyArray<{ readonly x: number; readonly y: number }>;
  readonly state: OptimizerState;
  readonly diverged: boolean;
}

export interface OptimizerVizState {
  readonly config: OptimizerConfig;
  readonly walkers: Readonly<Record<OptimizerId, Walker>>;
  readonly step: number;
  readonly playing: boolean;
}

export type OptimizerVizAction =
  /** Another surface: its start point and learning rates, walks restart. */
  | { readonly type: 'surface'; readonly surface: string }
  | { readonly type: 'rate'; readonly optimizer: OptimizerId; readonly rate: number }
  /** Move the start point (clamped to the view); walks restart. */
  | { readonly type: 'start'; readonly x: number; readonly y: number }
  | { readonly type: 'step'; readonly steps: number }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'toggle' }
  | { readonly type: 'reset' }
  | { readonly type: 'load'; readonly config: OptimizerConfig };

/** The configuration of `surface` as it comes: its own start point and learning rates. */
export function surfaceConfig(surface: SurfaceId): OptimizerConfig {
  return { surface, start: { ...surfaces[surface].start }, rates: { ...DEFAULT_RATES[surface] } };
}

/** The entry of RATES nearest to `rate` on a log scale. */
export function snapRate(rate: number): number {
  if (!(rate > 0)) return RATES[0];
  let best: number = RATES[0];
  for (const r of RATES) if (Math.abs(Math.log(r / rate)) < Math.abs(Math.log(best / rate))) best = r;
  return best;
}

/** `value` rounded to `digits` decimals. */
export const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** A valid configuration: start clamped into the view and rounded to 0.01, rates snapped to RATES. */
export function normalizeConfig(config: OptimizerConfig): OptimizerConfig {
  const { xMin, xMax, yMin, yMax } = surfaces[config.surface].extent;
  const clamp = (v: number, lo: number, hi: number, fallback: number) =>
    Number.isFinite(v) ? Math.min(hi, Math.max(lo, round(v, 2))) : fallback;
  const defaults = surfaceConfig(config.surface);
  return {
    surface: config.surface,
    start: {
      x: clamp(config.start.x, xMin, xMax, defaults.start.x),
      y: clamp(config.start.y, yMin, yMax, defaults.start.y),
    },
    rates: Object.fromEntries(
      OPTIMIZER_IDS.map((id) => [id, snapRate(config.rates[id] ?? defaults.rates[id])]),
    ) as Record<OptimizerId, number>,
  };
}

/** Every optimizer at the start point, step 0. */
export function createState(config: OptimizerConfig): OptimizerVizState {
  const walkers = Object.fromEntries(
    OPTIMIZER_IDS.map((id): [OptimizerId, Walker] => [
      id,
      { path: [config.start], state: createOptimizer(id, config.rates[id]).init(2), diverged: false },
    ]),
  ) as Record<OptimizerId, Walker>;
  return { config, walkers, step: 0, playing: false };
}

/** `steps` more steps of every walker that has not diverged: θ ← optimizer.step(θ, ∇L(θ)). */
export function advance(state: OptimizerVizState, steps: number): OptimizerVizState {
  const n = Math.min(Math.floor(steps), MAX_STEPS - state.step);
  if (!(n > 0)) return state;
  const surface = surfaces[state.config.surface];
  const walkers = Object.fromEntries(
    OPTIMIZER_IDS.map((id) => {
      const walker = state.walkers[id];
      if (walker.diverged) return [id, walker];
      const optimizer = createOptimizer(id, state.config.rates[id]);
      const path = walker.path.slice();
      let optimizerState = walker.state;
      let diverged = false;
      for (let k = 0; k < n; k++) {
        const { x, y } = path.at(-1)!;
        const next = optimizer.step([x, y], surface.gradient(x, y), optimizerState);
        const [nx, ny] = next.theta as [number, number];
        if (!(Math.abs(nx) < DIVERGED && Math.abs(ny) < DIVERGED)) {
          diverged = true;
          break;
        }
        path.push({ x: nx, y: ny });
        optimizerState = next.state;
      }
      return [id, { path, state: optimizerState, diverged }];
    }),
  ) as Record<OptimizerId, Walker>;
  const step = state.step + n;
  const moving = OPTIMIZER_IDS.some((id) => !walkers[id].diverged);
  return { ...state, walkers, step, playing: state.playing && step < MAX_STEPS && moving };
}

export const initialState: OptimizerVizState = advance(createState(surfaceConfig('rosenbrock')), INITIAL_STEPS);

/** The next state after `action`; never throws, returns the same object when nothing changes. */
export function update(state: OptimizerVizState, action: OptimizerVizAction): OptimizerVizState {
  const restart = (config: OptimizerConfig) => {
    const normalized = normalizeConfig(config);
    return toHash(normalized) === toHash(state.config) ? state : { ...createState(normalized), playing: state.playing };
  };
  switch (action.type) {
    case 'surface':
      return isSurfaceId(action.surface) && action.surface !== state.config.surface
        ? restart(surfaceConfig(action.surface))
        : state;
    case 'rate':
      return restart({ ...state.config, rates: { ...state.config.rates, [action.optimizer]: action.rate } });
    case 'start':
      return restart({ ...state.config, start: { x: action.x, y: action.y } });
    case 'step':
      return advance(state, action.steps);
    case 'play':
      return state.playing
        ? state
        : { ...(state.step >= MAX_STEPS ? createState(state.config) : state), playing: true };
    case 'pause':
      return state.playing ? { ...state, playing: false } : state;
    case 'toggle':
      return update(state, { type: state.playing ? 'pause' : 'play' });
    case 'reset':
      return createState(state.config);
    case 'load':
      return createState(normalizeConfig(action.config));
  }
}

// --- The URL hash -------------------------------------------------------------------------------------------

/** The configuration as the hash holds it: flat, one field per start coordinate and per learning rate. */
type SharedConfig = { readonly surface: SurfaceId; readonly x: number; readonly y: number } & Readonly<
  Record<OptimizerId, number>
>;

/** The configuration in the URL hash: `#optimizer:s=rosenbrock&x=-1.2&y=1&sgd=0.002&momentum=0.001&adam=0.1`. */
export const OPTIMIZER_HASH = hashState<SharedConfig>(HASH_NAME, {
  surface: { key: 's', type: hashOneOf(SURFACE_IDS) },
  x: { key: 'x', type: hashNumber },
  y: { key: 'y', type: hashNumber },
  ...(Object.fromEntries(OPTIMIZER_IDS.map((id) => [id, { key: id, type: hashNumber }])) as HashFields<
    Record<OptimizerId, number>
  >),
});

/** The configuration as the body of the hash segment: `s=rosenbrock&x=-1.2&y=1&sgd=0.002&momentum=0.001&adam=0.1`. */
export function toHash(config: OptimizerConfig): string {
  return OPTIMIZER_HASH.write({ surface: config.surface, ...config.start, ...config.rates });
}

/** The configuration in a URL hash, or undefined without an optimizer segment; bad fields take the surface's defaults. */
export function fromHash(hash: string): OptimizerConfig | undefined {
  const shared = OPTIMIZER_HASH.readSome(hash);
  if (!shared) return undefined;
  const surface = shared.surface ?? 'rosenbrock';
  const defaults = surfaceConfig(surface);
  return normalizeConfig({
    surface,
    start: { x: shared.x ?? defaults.start.x, y: shared.y ?? defaults.start.y },
    rates: Object.fromEntries(OPTIMIZER_IDS.map((id) => [id, shared[id] ?? defaults.rates[id]])) as Record<
      OptimizerId,
      number
    >,
  });
}

/** The visualizer for the kit's base element: a link carries the configuration, and the walks restart from it. */
export const widgetModel: WidgetModel<OptimizerVizState, OptimizerVizAction> = {
  initialState,
  update,
  hash: configHash(HASH_NAME, toHash, fromHash),
};
