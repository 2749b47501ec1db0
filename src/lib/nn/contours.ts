// Contour lines of a function sampled on a grid, by marching squares: what the optimizer visualizer draws as the
// map of its loss surface, on the server and in the browser alike. Pure, no DOM.

/** A function sampled on an (nx + 1) × (ny + 1) grid of points over a rectangle. */
export interface Grid {
  /** values[j * (nx + 1) + i] = f(x_i, y_j), x_i = xMin + i·(xMax − xMin)/nx, y_j likewise. */
  readonly values: Float64Array;
  readonly nx: number;
  readonly ny: number;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/** Samples f at the (nx + 1) × (ny + 1) corners of an nx × ny grid of cells over the rectangle. */
export function sampleGrid(
  f: (x: number, y: number) => number,
  extent: { xMin: number; xMax: number; yMin: number; yMax: number },
  nx: number,
  ny: number,
): Grid {
  const values = new Float64Array((nx + 1) * (ny + 1));
  for (let j = 0; j <= ny; j++) {
    const y = extent.yMin + ((extent.yMax - extent.yMin) * j) / ny;
    for (let i = 0; i <= nx; i++) values[j * (nx + 1) + i] = f(extent.xMin + ((extent.xMax - extent.xMin) * i) / nx, y);
  }
  return { values, nx, ny, ...extent };
}

/** A line segment [x1, y1, x2, y2] in the function's coordinates. */
export type Segment = readonly [number, number, number, number];

type CellEdge = 'bottom' | 'right' | 'top' | 'left';

/**
 * The two edges the contour crosses in a cell, by its case (a bit per corner above the level: a 1, b 2, c 4, d 8).
 * A case and its complement (15 − case) cross the same edges, so only cases up to 7 are listed; the saddles 5
 * and 10 cross all four.
 */
const CROSSED_EDGES: Readonly<Partial<Record<number, readonly [CellEdge, CellEdge]>>> = {
  1: ['left', 'bottom'],
  2: ['bottom', 'right'],
  3: ['left', 'right'],
  4: ['right', 'top'],
  6: ['bottom', 'top'],
  7: ['left', 'top'],
};

/**
 * The contour L = level as segments, by marching squares: in each cell, the corners above the level form one of
 * 16 cases; each edge with one corner above and one below is crossed where linear interpolation between its
 * corners equals the level, t = (level − v₀)/(v₁ − v₀). The two ambiguous saddle cases are resolved by the
 * cell-centre average. NaN corners leave their cell empty.
 */
export function contourSegments(grid: Grid, level: number): Segment[] {
  const { values, nx, ny } = grid;
  const dx = (grid.xMax - grid.xMin) / nx;
  const dy = (grid.yMax - grid.yMin) / ny;
  const out: Segment[] = [];
  const at = (i: number, j: number) => values[j * (nx + 1) + i]!;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      // Corners counter-clockwise from the bottom left: a (i, j), b (i+1, j), c (i+1, j+1), d (i, j+1).
      const a = at(i, j);
      const b = at(i + 1, j);
      const c = at(i + 1, j + 1);
      const d = at(i, j + 1);
      if (!(a === a && b === b && c === c && d === d)) continue;
      const code = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      const x0 = grid.xMin + i * dx;
      const y0 = grid.yMin + j * dy;
      const t = (v0: number, v1: number) => (level - v0) / (v1 - v0);
      // Crossing points on the four edges: bottom (a–b), right (b–c), top (d–c), left (a–d).
      const crossing: Record<CellEdge, () => [number, number]> = {
        bottom: () => [x0 + t(a, b) * dx, y0],
        right: () => [x0 + dx, y0 + t(b, c) * dy],
        top: () => [x0 + t(d, c) * dx, y0 + dy],
        left: () => [x0, y0 + t(a, d) * dy],
      };
      const seg = (p: CellEdge, q: CellEdge) => {
        const [x1, y1] = crossing[p]();
        const [x2, y2] = crossing[q]();
        out.push([x1, y1, x2, y2]);
      };
      if (code === 5 || code === 10) {
        // Saddle cell: a and c on one side, b and d on the other. The centre decides which pairs connect.
        const centreAbove = (a + b + c + d) / 4 > level;
        const aAbove = code === 5;
        if (centreAbove === aAbove) {
          seg('left', 'top');
          seg('bottom', 'right');
        } else {
          seg('left', 'bottom');
          seg('right', 'top');
        }
      } else {
        seg(...CROSSED_EDGES[Math.min(code, 15 - code)]!);
      }
    }
  }
  return out;
}

/**
 * Chains segments that share end points into polylines (a closed contour comes back to its first point), so a
 * contour is drawn as a few long paths instead of hundreds of two-point ones. End points are matched after
 * rounding to `tolerance`, since neighbouring cells compute their shared crossing in slightly different order.
 * Segments of length zero (a contour through a grid corner that lies exactly on the level) are dropped.
 */
export function joinSegments(segments: readonly Segment[], tolerance = 1e-9): Array<Array<[number, number]>> {
  const key = (x: number, y: number) => `${Math.round(x / tolerance)},${Math.round(y / tolerance)}`;
  const ends = new Map<string, number[]>();
  const used = new Uint8Array(segments.length);
  segments.forEach(([x1, y1, x2, y2], s) => {
    if (key(x1, y1) === key(x2, y2)) {
      used[s] = 1;
      return;
    }
    for (const k of [key(x1, y1), key(x2, y2)]) {
      const list = ends.get(k);
      if (list) list.push(s);
      else ends.set(k, [s]);
    }
  });
  /** The other end of an unused segment touching (x, y), marking it used. */
  const next = (x: number, y: number): [number, number] | undefined => {
    for (const s of ends.get(key(x, y)) ?? []) {
      if (used[s]) continue;
      used[s] = 1;
      const [x1, y1, x2, y2] = segments[s]!;
      return key(x1, y1) === key(x, y) ? [x2, y2] : [x1, y1];
    }
    return undefined;
  };
  const lines: Array<Array<[number, number]>> = [];
  segments.forEach(([x1, y1, x2, y2], s) => {
    if (used[s]) return;
    used[s] = 1;
    const line: Array<[number, number]> = [
      [x1, y1],
      [x2, y2],
    ];
    for (let p = next(x2, y2); p; p = next(p[0], p[1])) line.push(p);
    for (let p = next(x1, y1); p; p = next(p[0], p[1])) line.unshift(p);
    lines.push(line);
  });
  return lines;
}
