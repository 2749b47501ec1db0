import { describe, expect, it } from 'vitest';
import { ACTIVATION_IDS, activations } from '../../../src/lib/nn/activations.ts';
import {
  DEFAULT_SIZE,
  LIMITS,
  fromHash,
  initialState,
  keyStep,
  niceStep,
  resolution,
  toHash,
  update,
  type PlotAction,
  type PlotState,
} from '../../../src/widgets/activation-plot/model.ts';
import {
  SHAPES,
  axesMarkup,
  derive,
  markerPath,
  sampleTable,
} from '../../../src/widgets/activation-plot/model-view.ts';

const apply = (...actions: PlotAction[]) => actions.reduce(update, initialState);
/** Every "x,y" point of an SVG path made of M and L commands. */
const points = (d: string) =>
  [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

describe('activation plot model: state', () => {
  it('toggles functions, keeping the canonical order, and ignores unknown ids', () => {
    expect(apply({ type: 'toggle', id: 'gelu', on: true }).selected).toEqual(['relu', 'sigmoid', 'tanh', 'gelu']);
    expect(apply({ type: 'toggle', id: 'step', on: true }, { type: 'toggle', id: 'elu', on: true }).selected).toEqual([
      'relu',
      'elu',
      'sigmoid',
      'tanh',
      'step',
    ]);
    expect(apply({ type: 'toggle', id: 'relu', on: false }).selected).toEqual(['sigmoid', 'tanh']);
    expect(apply({ type: 'toggle', id: 'relu6', on: true })).toBe(initialState);
  });

  it('zooms about a point, pans, resets, and stays within the limits', () => {
    expect(apply({ type: 'zoom', factor: 0.5 })).toMatchObject({ xMin: -3, xMax: 3 });
    expect(apply({ type: 'zoom', factor: 0.5, about: 6 })).toMatchObject({ xMin: 0, xMax: 6 });
    expect(apply({ type: 'pan', dx: 2.4 })).toMatchObject({ xMin: -3.6, xMax: 8.4 });
    expect(apply({ type: 'pan', dx: 2.4 }, { type: 'reset' })).toMatchObject({ xMin: -6, xMax: 6 });
    const tiny = apply(...Array<PlotAction>(60).fill({ type: 'zoom', factor: 0.5 }));
    expect(tiny.xMax - tiny.xMin).toBeCloseTo(LIMITS.minSpan, 12);
    const huge = apply(...Array<PlotAction>(60).fill({ type: 'zoom', factor: 2 }));
    expect(huge.xMax - huge.xMin).toBeCloseTo(LIMITS.maxSpan, 12);
    const far = apply(...Array<PlotAction>(100).fill({ type: 'pan', dx: 50 }));
    expect((far.xMin + far.xMax) / 2).toBe(LIMITS.maxCentre);
    for (const bad of [NaN, Infinity, 0, -1]) expect(apply({ type: 'zoom', factor: bad })).toBe(initialState);
    expect(apply({ type: 'pan', dx: NaN })).toBe(initialState);
  });

  it('snaps the crosshair to the resolution of the range and keeps it inside', () => {
    expect(resolution(12)).toBe(0.01);
    expect(keyStep(12)).toBe(0.2);
    expect(apply({ type: 'cursor', x: 1.23456 })).toMatchObject({ cursor: 1.23, crosshair: true });
    expect(apply({ type: 'cursor', x: 100 }).cursor).toBe(6);
    expect(apply({ type: 'cursor', x: 1.2 }, { type: 'cursor', x: null })).toMatchObject({
      cursor: 1.2,
      crosshair: false,
    });
    expect(apply({ type: 'cursor', x: NaN })).toBe(initialState);
    expect(apply({ type: 'cursor', x: 5 }, { type: 'pan', dx: -2.4 }).cursor).toBeCloseTo(2.6, 12);
  });

  it('picks round tick steps', () => {
    expect([0.13, 0.3, 0.7, 1, 1.5, 4, 9].map(niceStep)).toEqual([0.2, 0.5, 1, 1, 2, 5, 10]);
  });
});

describe('activation plot model: what is drawn', () => {
  const view = derive(initialState, DEFAULT_SIZE, 'en');

  it('draws each selected function and its derivative inside the plot area', () => {
    expect(view.curves.map((c) => c.id)).toEqual(['relu', 'sigmoid', 'tanh']);
    const { left, right, top, bottom } = view.area;
    for (const curve of view.curves) {
      for (const d of [curve.d, curve.dd]) {
        const pts = points(d);
        expect(pts.length).toBeGreaterThan(250);
        for (const [x, y] of pts) {
          expect(x >= left - 0.05 && x <= right + 0.05, `${curve.id} x=${x}`).toBe(true);
          expect(y >= top - 0.05 && y <= bottom + 0.05, `${curve.id} y=${y}`).toBe(true);
        }
      }
      expect(curve.markers).toMatch(/^M.*Z$/);
    }
  });

  it('puts the curve where the function is: the pixel of sigmoid(0) is half-way between 0 and 1', () => {
    const sigmoid = points(view.curves[1]!.d);
    const x0 = view.zeroX!;
    const [, yAt0] = sigmoid.reduce((best, p) => (Math.abs(p[0] - x0) < Math.abs(best[0] - x0) ? p : best));
    const tick0 = view.yTicks.find((t) => t.label === '0')!.px;
    const tick2 = view.yTicks.find((t) => t.label === '2')!.px;
    expect(yAt0).toBeCloseTo(tick0 + ((tick2 - tick0) / 2) * 0.5, 0);
  });

  it('leaves out the derivatives when they are switched off', () => {
    const off = derive(apply({ type: 'derivatives', on: false }), DEFAULT_SIZE, 'en');
    expect(off.curves.every((c) => c.dd === '' && c.dmarkers === '')).toBe(true);
    expect(off.crosshair.points.every((p) => p.dy === null)).toBe(true);
  });

  it('breaks the line of the step function at its jump instead of drawing a vertical stroke', () => {
    const step = derive(apply({ type: 'toggle', id: 'step', on: true }), DEFAULT_SIZE, 'en').curves.find(
      (c) => c.id === 'step',
    )!;
    expect(step.d.match(/M/g)).toHaveLength(2);
    const relu = derive(initialState, DEFAULT_SIZE, 'en').curves[0]!;
    expect(relu.dd.match(/M/g)).toHaveLength(2);
    expect(relu.d.match(/M/g)).toHaveLength(1);
  });

  it('has increasing ticks with round labels inside the plot area, 0 included', () => {
    for (const ticks of [view.xTicks, view.yTicks]) {
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.map((t) => t.label)).toContain('0');
    }
    expect(view.xTicks.map((t) => t.label)).toEqual(['−6', '−4', '−2', '0', '2', '4', '6']);
    const xs = view.xTicks.map((t) => t.px);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[0]).toBe(view.area.left);
    expect(xs.at(-1)).toBe(view.area.right);
    const markup = axesMarkup(view);
    expect(markup.match(/<text /g)).toHaveLength(view.xTicks.length + view.yTicks.length);
    expect(markup).toContain('class="activation-plot__grid"');
  });

  it('fits the plot to any size it is given', () => {
    for (const size of [
      { width: 288, height: 240 },
      { width: 1200, height: 400 },
    ]) {
      const v = derive(initialState, size, 'en');
      expect(v.width).toBe(size.width);
      expect(v.area.right).toBe(size.width - 12);
      expect(v.xTicks.length).toBeLessThanOrEqual(Math.ceil(size.width / 50));
    }
  });

  it('reads out f and f′ of every selected function at the crosshair', () => {
    const v = derive(apply({ type: 'cursor', x: 1.2 }), DEFAULT_SIZE, 'en');
    expect(v.readout.x).toBe('1.2');
    expect(v.readout.rows).toEqual([
      { id: 'relu', label: 'ReLU', f: '1.2', df: '1' },
      { id: 'sigmoid', label: 'sigmoid', f: '0.7685', df: '0.1779' },
      { id: 'tanh', label: 'tanh', f: '0.8337', df: '0.305' },
    ]);
    expect(v.crosshair.visible).toBe(true);
    expect(v.announcement).toBe(
      'x = 1.2. ReLU: f = 1.2, f′ = 1; sigmoid: f = 0.7685, f′ = 0.1779; tanh: f = 0.8337, f′ = 0.305',
    );
    expect(v.rangeLabel).toBe('x from −6 to 6');
    expect(derive(initialState, DEFAULT_SIZE, 'zh').rangeLabel).toBe('x 从 −6 到 6');
    expect(
      derive(
        apply(
          { type: 'toggle', id: 'relu', on: false },
          { type: 'toggle', id: 'sigmoid', on: false },
          { type: 'toggle', id: 'tanh', on: false },
        ),
        DEFAULT_SIZE,
        'en',
      ).announcement,
    ).toBe('No function selected.');
  });

  it('reuses the curves of the previous view when only the crosshair moved, with the same result', () => {
    const moved = apply({ type: 'cursor', x: -2.5 });
    const reused = derive(moved, DEFAULT_SIZE, 'en', view);
    expect(reused.curves).toBe(view.curves);
    expect(reused).toEqual(derive(moved, DEFAULT_SIZE, 'en'));
    const zoomed = derive(apply({ type: 'zoom', factor: 0.5 }), DEFAULT_SIZE, 'en', view);
    expect(zoomed.curves).not.toBe(view.curves);
    expect(zoomed).toEqual(derive(apply({ type: 'zoom', factor: 0.5 }), DEFAULT_SIZE, 'en'));
    expect(derive(initialState, { width: 500, height: 300 }, 'en', view).curves).not.toBe(view.curves);
  });

  it('draws nothing but axes when nothing is selected, and never throws for any range', () => {
    const none = apply(
      { type: 'toggle', id: 'relu', on: false },
      { type: 'toggle', id: 'sigmoid', on: false },
      { type: 'toggle', id: 'tanh', on: false },
    );
    expect(derive(none, DEFAULT_SIZE, 'en').curves).toEqual([]);
    let state: PlotState = {
      ...initialState,
      selected: ACTIVATION_IDS,
    };
    for (const action of [
      { type: 'zoom', factor: 1000 },
      { type: 'pan', dx: 1e6 },
      { type: 'zoom', factor: 1e-9 },
      { type: 'pan', dx: -1e6 },
    ] as PlotAction[]) {
      state = update(state, action);
      const v = derive(state, DEFAULT_SIZE, 'en');
      expect(v.curves).toHaveLength(ACTIVATION_IDS.length);
      expect(v.yTicks.length).toBeGreaterThan(1);
    }
  });
});

describe('activation plot model: markers, table, hash', () => {
  it('restores a link shared before the widget kit (the hash format is unchanged)', () => {
    const hash = '#plot:f=relu,sigmoid,tanh,gelu&d=1&x=-4.8,4.8';
    const state = fromHash(hash)!;
    expect(state).toMatchObject({
      selected: ['relu', 'sigmoid', 'tanh', 'gelu'],
      derivatives: true,
      xMin: -4.8,
      xMax: 4.8,
    });
    expect(`#plot:${toHash(state)}`).toBe(hash);
    expect(update(initialState, { type: 'load', state })).toBe(state);
  });

  it('has a distinct closed marker for each function', () => {
    const paths = SHAPES.map((shape) => markerPath(shape, 10, 10));
    expect(paths).toHaveLength(ACTIVATION_IDS.length);
    expect(new Set(paths).size).toBe(ACTIVATION_IDS.length);
    for (const [i, d] of paths.entries()) {
      expect(d).toMatch(/^M.*Z$/);
      expect(d.split('L')).toHaveLength(SHAPES[i]![0]!);
    }
  });

  it('tabulates f and f′ at the sample points', () => {
    const table = sampleTable();
    expect(table.map((row) => row.x)).toEqual(['−3', '−2', '−1', '−0.5', '0', '0.5', '1', '2', '3']);
    const at2 = table.find((row) => row.x === '2')!.values;
    expect(at2.gelu).toEqual({ f: '1.9545', df: '1.0852' });
    expect(at2.sigmoid.f).toBe('0.8808');
    expect(Number(at2.tanh.df)).toBeCloseTo(activations.tanh.df(2), 4);
    expect(table.find((row) => row.x === '0')!.values.relu).toEqual({ f: '0', df: '0' });
    expect(table.map((row) => row.values.linear)).toEqual(table.map((row) => ({ f: row.x, df: '1' })));
  });

  it('writes and reads the shareable part of the state', () => {
    expect(toHash(initialState)).toBe('f=relu,sigmoid,tanh&d=1&x=-6,6');
    const state = apply(
      { type: 'toggle', id: 'gelu', on: true },
      { type: 'derivatives', on: false },
      { type: 'zoom', factor: 0.5 },
    );
    expect(fromHash(`#plot:${toHash(state)}`)).toEqual({ ...state, crosshair: false });
    expect(fromHash(`#neuron:x=1&w=1&b=0&f=relu~plot:${toHash(state)}`)).toEqual({ ...state, crosshair: false });
    expect(fromHash('#plot:f=&d=0&x=-1,1')?.selected).toEqual([]);
    expect(fromHash('#plot:f=relu&d=1&x=-1000,1000')).toMatchObject({ xMin: -100, xMax: 100 });
  });

  it.each([
    '',
    '#intro',
    '#plot:f=relu6&d=1&x=-6,6',
    '#plot:f=relu&d=2&x=-6,6',
    '#plot:f=relu&d=1&x=6,-6',
    '#plot:f=relu&d=1&x=-6',
    '#plot:f=relu&d=1&x=-Infinity,6',
    '#plot:f=relu&d=1&x=a,b',
  ])('rejects %j', (hash) => {
    expect(fromHash(hash)).toBeUndefined();
  });
});
