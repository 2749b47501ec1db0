// Two-parameter loss surfaces L(x, y) with their gradients, for watching optimizers walk (the optimizer
// visualizer). Each comes with the square it is best looked at in, a start point that shows its difficulty and
// contour levels. Pure maths, no DOM.

export const SURFACE_IDS = ['rosenbrock', 'saddle', 'ravine'] as const;
export type SurfaceId = (typeof SURFACE_IDS)[number];

/** Whether `value` names a surface. */
export function isSurfaceId(value: unknown): value is SurfaceId {
  return typeof value === 'string' && (SURFACE_IDS as readonly string[]).includes(value);
}

export interface Surface {
  readonly id: SurfaceId;
  /** L(x, y). */
  f(x: number, y: number): number;
  /** ∇L(x, y) = (∂L/∂x, ∂L/∂y). */
  gradient(x: number, y: number): [number, number];
  /** The square shown: [min, max] in x and in y. */
  readonly extent: { readonly xMin: number; readonly xMax: number; readonly yMin: number; readonly yMax: number };
  /** A start point that shows what is hard about the surface. */
  readonly start: { readonly x: number; readonly y: number };
  /** The global minima (none for a surface unbounded below). */
  readonly minima: readonly { readonly x: number; readonly y: number }[];
  /** Values of L at which contour lines are drawn, ascending. */
  readonly levels: readonly number[];
}

/** Geometric levels a·rᵏ, k = 0 … n − 1: contours of a valley that is steep far away and flat near its floor. */
const geometric = (a: number, r: number, n: number) => Array.from({ length: n }, (_, k) => a * r ** k);

/**
 * Rosenbrock's banana (1960): L(x, y) = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1) at the end of a long,
 * curved, flat-bottomed valley. ∇L = (−2(1 − x) − 400x(y − x²), 200(y − x²)). Its curvature across the valley is
 * hundreds of times that along it, so a learning rate that is safe across is tiny along.
 */
export const rosenbrock: Surface = {
  id: 'rosenbrock',
  f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  gradient: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
  extent: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
  start: { x: -1.2, y: 1 },
  minima: [{ x: 1, y: 1 }],
  levels: geometric(0.25, 2, 14),
};

/**
 * A saddle with two valleys: L(x, y) = x² + ¼y⁴ − ½y². ∇L = (2x, y³ − y). The origin is a saddle point (a minimum
 * along x, a maximum along y, gradient 0); the minima are (0, ±1) with L = −¼. Started almost on the ridge y = 0,
 * plain gradient descent creeps away from it (y grows by a factor 1 + η per step), while Adam, which rescales each
 * coordinate by its own gradient size, leaves quickly.
 */
export const saddle: Surface = {
  id: 'saddle',
  f: (x, y) => x * x + 0.25 * y ** 4 - 0.5 * y * y,
  gradient: (x, y) => [2 * x, y ** 3 - y],
  extent: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
  start: { x: -1.8, y: 0.01 },
  minima: [
    { x: 0, y: -1 },
    { x: 0, y: 1 },
  ],
  levels: [-0.2, -0.1, 0, 0.15, 0.35, 0.6, 1, 1.5, 2.2, 3, 4, 5.5],
};

/**
 * An elongated bowl (a ravine): L(x, y) = 0.05x² + 3y², minimum 0 at the origin, ∇L = (0.1x, 6y). Its curvatures
 * 0.1 and 6 differ sixty-fold: gradient descent multiplies y by 1 − 6η and x by 1 − 0.1η each step, so a learning
 * rate fast enough along x (η = 0.3: y × (−0.8)) zig-zags across the ravine, and η > ⅓ diverges. Momentum damps
 * the zig-zag and keeps the speed along x.
 */
export const ravine: Surface = {
  id: 'ravine',
  f: (x, y) => 0.05 * x * x + 3 * y * y,
  gradient: (x, y) => [0.1 * x, 6 * y],
  extent: { xMin: -4, xMax: 4, yMin: -4, yMax: 4 },
  start: { x: -3.5, y: 1.5 },
  minima: [{ x: 0, y: 0 }],
  levels: geometric(0.05, 1.8, 10),
};

/** The surfaces by id. */
export const surfaces: Readonly<Record<SurfaceId, Surface>> = { rosenbrock, saddle, ravine };
