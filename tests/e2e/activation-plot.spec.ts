// The activation plotter on the built activation-functions note: choosing functions, derivatives, the hover,
// touch and keyboard readout, zoom and pan (buttons, wheel, pinch), the table of values, dark mode, the
// no-JavaScript fallback, small screens and layout stability.
import type { Locator } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ACTIVATION_IDS, activations, type ActivationId } from '../../src/lib/nn/activations.ts';
import { formatNumber } from '../../src/lib/text/format-number.ts';
import { DEFAULT_SIZE } from '../../src/widgets/activation-plot/model.ts';
import { openBrowser } from './support/browser.ts';
import {
  PHONE_WIDTH,
  openOnPhone,
  openWidget,
  shiftsWhileLoading,
  useWidgetPage,
  waitUntilLive,
  withoutJavaScript,
} from './support/widget.ts';

const base = inject('baseUrl');
const EN = `${base}/en/notes/activation-functions/`;
const ZH = `${base}/notes/activation-functions/`;

/** The plot's x-range as the widget states it: "x from −6 to 6" → [-6, 6]. */
async function range(widget: Locator): Promise<[number, number]> {
  const label = (await widget.getByTestId('x-range').textContent())!.replace(/−/g, '-');
  const [, lo, hi] = /(-?[\d.]+)\D+(-?[\d.]+)/.exec(label)!;
  return [Number(lo), Number(hi)];
}

/** Client coordinates of the point (x, y-middle) in the plot area, from the SVG's own geometry. */
async function pointAt(widget: Locator, x: number): Promise<{ clientX: number; clientY: number }> {
  await widget.getByTestId('plot').scrollIntoViewIfNeeded();
  const [lo, hi] = await range(widget);
  return widget.getByTestId('plot').evaluate(
    (svg, { x, lo, hi }) => {
      const hit = svg.querySelector('[data-hit]')!.getBoundingClientRect();
      return { clientX: hit.left + ((x - lo) / (hi - lo)) * hit.width, clientY: hit.top + hit.height / 2 };
    },
    { x, lo, hi },
  );
}

describe('activation plot', () => {
  const spec = useWidgetPage('activation-plot', { scroll: true, browser: { colorScheme: 'light' } });
  const { open } = spec;
  const id = spec.part;
  const visible = (testId: string) => id(testId).isVisible();

  it('draws ReLU, sigmoid and tanh with their derivatives, axes, gridlines and a legend', async () => {
    await open(EN);
    for (const fn of ['relu', 'sigmoid', 'tanh']) {
      expect(await visible(`curve-${fn}`), fn).toBe(true);
      expect(await visible(`dcurve-${fn}`), fn).toBe(true);
      expect(await id(`curve-${fn}`).getAttribute('d'), fn).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){100,}/);
    }
    expect(await visible('curve-gelu')).toBe(false);
    const legend = await id('legend').locator('li:not([hidden])').allTextContents();
    expect(legend.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(['ReLU ReLU′', 'sigmoid sigmoid′', 'tanh tanh′']);
    const plot = id('plot');
    expect(await plot.locator('.activation-plot__xlabels text').allTextContents()).toEqual([
      '−6',
      '−4',
      '−2',
      '0',
      '2',
      '4',
      '6',
    ]);
    expect(await plot.locator('.activation-plot__ylabels text').count()).toBeGreaterThanOrEqual(3);
    expect(
      (await plot.locator('.activation-plot__grid').getAttribute('d'))!.match(/M/g)!.length,
    ).toBeGreaterThanOrEqual(10);
    // The SVG is drawn at its real size: its viewBox matches its box, so text is not scaled.
    const misfit = () =>
      plot.evaluate((svg) =>
        Math.abs(Number(svg.getAttribute('viewBox')!.split(' ')[2]) - svg.getBoundingClientRect().width),
      );
    await expect.poll(misfit).toBeLessThanOrEqual(1);
  });

  it('adds and removes functions', async () => {
    await open(EN);
    await id('toggle-gelu').check();
    expect(await visible('curve-gelu')).toBe(true);
    expect(await visible('readout-gelu')).toBe(true);
    expect(await id('legend').locator('[data-legend="gelu"]').isVisible()).toBe(true);
    await id('toggle-relu').uncheck();
    expect(await visible('curve-relu')).toBe(false);
    expect(await visible('readout-relu')).toBe(false);
    // Keyboard: Space toggles a focused checkbox.
    await id('toggle-step').focus();
    await spec.page.keyboard.press('Space');
    expect(await visible('curve-step')).toBe(true);
    expect(await id('curve-step').getAttribute('d')).toMatch(/^M[^M]+M[^M]+$/); // the jump at 0 is a break
  });

  it('toggles the dashed derivatives', async () => {
    await open(EN);
    const dashed = await id('dcurve-sigmoid').evaluate((el) => getComputedStyle(el).strokeDasharray);
    expect(dashed).not.toBe('none');
    expect(await id('curve-sigmoid').evaluate((el) => getComputedStyle(el).strokeDasharray)).toBe('none');
    await id('derivatives').uncheck();
    expect(await id('dcurve-sigmoid').getAttribute('d')).toBe('');
    expect(await id('readout').getByRole('columnheader', { name: 'f′(x)' }).isVisible()).toBe(false);
    expect(await id('legend').locator('[data-legend-d]:not([hidden])').count()).toBe(0);
    await id('derivatives').check();
    expect((await id('dcurve-sigmoid').getAttribute('d'))!.length).toBeGreaterThan(100);
    expect(await id('readout').getByRole('columnheader', { name: 'f′(x)' }).isVisible()).toBe(true);
  });

  it('shows a crosshair and reads out x, f(x) and f′(x) of each function under the mouse', async () => {
    await open(EN);
    await id('toggle-gelu').check();
    expect(await visible('crosshair')).toBe(false);
    const { clientX, clientY } = await pointAt(spec.widget, 2);
    await spec.page.mouse.move(clientX, clientY);
    expect(await visible('crosshair')).toBe(true);
    const x = Number((await id('readout-x').textContent())!.replace('−', '-'));
    expect(Math.abs(x - 2)).toBeLessThan(0.05);
    for (const fn of ['relu', 'sigmoid', 'tanh', 'gelu'] as ActivationId[]) {
      const [f, df] = await id(`readout-${fn}`).locator('td').allTextContents();
      expect(f, fn).toBe(formatNumber(activations[fn].f(x)));
      expect(df, fn).toBe(formatNumber(activations[fn].df(x)));
    }
    // The crosshair line sits where the mouse is.
    const line = await id('crosshair').locator('line').boundingBox();
    expect(Math.abs(line!.x - clientX)).toBeLessThan(2);
    await spec.page.mouse.move(5, 5);
    expect(await visible('crosshair')).toBe(false);
  });

  it('reads out values from the keyboard, and announces them politely', async () => {
    await open(EN);
    const cursor = spec.widget.getByRole('slider', { name: 'Read values at x' });
    await cursor.focus();
    await spec.page.keyboard.press('ArrowRight');
    expect(await id('readout-x').textContent()).toBe('1.2');
    expect(await id('readout-relu').locator('td').allTextContents()).toEqual(['1.2', '1']);
    expect(await id('readout-sigmoid').locator('td').allTextContents()).toEqual(['0.7685', '0.1779']);
    expect(await id('readout-tanh').locator('td').allTextContents()).toEqual(['0.8337', '0.305']);
    expect(await cursor.getAttribute('aria-valuetext')).toBe('x = 1.2');
    expect(await id('announce').getAttribute('aria-live')).toBe('polite');
    await expect
      .poll(spec.announcement, { timeout: 3000 })
      .toBe(
        'x from −6 to 6. x = 1.2. ReLU: f = 1.2, f′ = 1; sigmoid: f = 0.7685, f′ = 0.1779; tanh: f = 0.8337, f′ = 0.305',
      );
    await spec.page.keyboard.press('Home');
    expect(await id('readout-x').textContent()).toBe('−6');
    expect(await id('readout-relu').locator('td').allTextContents()).toEqual(['0', '0']);
  });

  it('zooms and pans with the buttons', async () => {
    await open(EN);
    await id('zoom-in').click();
    expect(await range(spec.widget)).toEqual([-4.8, 4.8]);
    await id('zoom-out').click();
    expect(await range(spec.widget)).toEqual([-6, 6]);
    await id('pan-right').click();
    expect(await range(spec.widget)).toEqual([-3.6, 8.4]);
    expect(await id('plot').locator('.activation-plot__xlabels text').first().textContent()).toBe('−2');
    await id('pan-left').click();
    await id('pan-left').click();
    expect(await range(spec.widget)).toEqual([-8.4, 3.6]);
    await id('reset').focus();
    await spec.page.keyboard.press('Enter');
    expect(await range(spec.widget)).toEqual([-6, 6]);
    expect(await spec.widget.getByRole('button', { name: 'Zoom in' }).count()).toBe(1);
  });

  it('zooms with the mouse wheel about the pointer', async () => {
    await open(EN);
    const at4 = await pointAt(spec.widget, 4);
    await spec.page.mouse.move(at4.clientX, at4.clientY);
    await spec.page.mouse.wheel(0, -300);
    await expect.poll(async () => (await range(spec.widget))[1] - (await range(spec.widget))[0]).toBeLessThan(12);
    const [lo, hi] = await range(spec.widget);
    expect(lo).toBeGreaterThan(-6);
    expect(hi).toBeLessThan(6);
    expect((4 - lo) / (hi - lo)).toBeCloseTo(10 / 12, 1); // x = 4 stayed under the pointer
    await spec.page.mouse.wheel(0, 300);
    await spec.page.mouse.wheel(0, 300);
    const [wideLo, wideHi] = await range(spec.widget);
    expect(wideHi - wideLo).toBeGreaterThan(hi - lo);
  });

  it('follows a finger and zooms with a pinch', async () => {
    await open(EN);
    const a = await pointAt(spec.widget, -1);
    const b = await pointAt(spec.widget, 1);
    const touch = (type: string, pointerId: number, clientX: number, clientY: number) =>
      id('plot').evaluate(
        (svg, init) => {
          svg.querySelector('[data-hit]')!.dispatchEvent(
            new PointerEvent(init.type, {
              ...init,
              pointerType: 'touch',
              bubbles: true,
              isPrimary: init.pointerId === 1,
              buttons: 1,
            }),
          );
        },
        { type, pointerId, clientX, clientY },
      );
    await touch('pointerdown', 1, a.clientX, a.clientY);
    expect(await visible('crosshair')).toBe(true);
    expect(Number((await id('readout-x').textContent())!.replace('−', '-'))).toBeCloseTo(-1, 1);
    await touch('pointerdown', 2, b.clientX, b.clientY);
    // Spread the fingers to twice their distance: the range halves.
    const spread = b.clientX - a.clientX;
    await touch('pointermove', 1, a.clientX - spread / 2, a.clientY);
    await touch('pointermove', 2, b.clientX + spread / 2, b.clientY);
    await touch('pointerup', 1, a.clientX - spread / 2, a.clientY);
    await touch('pointerup', 2, b.clientX + spread / 2, b.clientY);
    const [lo, hi] = await range(spec.widget);
    expect(hi - lo).toBeCloseTo(6, 5);
    expect((lo + hi) / 2).toBeCloseTo(0, 0);
    expect(await id('plot').evaluate((svg) => getComputedStyle(svg.querySelector('[data-hit]')!).touchAction)).toBe(
      'pan-y',
    );
  });

  it('lists sample values in a table that follows the selection', async () => {
    await open(EN);
    await id('values').locator('summary').click();
    const table = id('values-table');
    const headers = (await table.locator('thead th:visible').allTextContents()).map((t) => t.trim());
    expect(headers).toEqual(['x', 'ReLU', 'ReLU′', 'sigmoid', 'sigmoid′', 'tanh', 'tanh′']);
    const row2 = (await table.locator('tbody tr').nth(7).locator('th:visible, td:visible').allTextContents()).map((t) =>
      t.trim(),
    );
    expect(row2).toEqual(['2', '2', '1', '0.8808', '0.105', '0.964', '0.0707']);
    await id('toggle-gelu').check();
    await id('derivatives').uncheck();
    expect((await table.locator('thead th:visible').allTextContents()).map((t) => t.trim())).toEqual([
      'x',
      'ReLU',
      'sigmoid',
      'tanh',
      'GELU',
    ]);
    expect(await table.locator('tbody tr').nth(7).locator('td:visible').last().textContent()).toBe('1.9545');
    expect(await id('values').locator('.katex').first().isVisible()).toBe(true);
  });

  it('keeps the selection and range in the URL hash', async () => {
    await open(EN);
    await id('toggle-gelu').check();
    await id('zoom-in').click();
    await expect
      .poll(() => spec.page.evaluate(() => location.hash))
      .toBe('#plot:f=relu,sigmoid,tanh,gelu&d=1&x=-4.8,4.8');
    await spec.page.reload();
    await waitUntilLive(spec.page, spec.widget);
    expect(await id('toggle-gelu').isChecked()).toBe(true);
    expect(await visible('curve-gelu')).toBe(true);
    expect(await range(spec.widget)).toEqual([-4.8, 4.8]);
  });

  it('is localized on the Chinese page', async () => {
    await open(ZH);
    expect(await id('x-range').textContent()).toBe('x 从 −6 到 6');
    expect(await spec.widget.getByRole('button', { name: '放大' }).count()).toBe(1);
    expect(await spec.widget.getByRole('slider', { name: '读取 x 处的值' }).count()).toBe(1);
    expect(await spec.widget.getByRole('checkbox', { name: '显示导数（虚线）' }).isChecked()).toBe(true);
  });

  it('does not shift the layout while loading', async () => {
    expect(await shiftsWhileLoading(spec.session, EN, 'dl-activation-plot', { scroll: true })).toEqual([]);
  });

  it('works on a 320 px wide phone', async () => {
    const { page, widget } = await openOnPhone(spec.session, EN, 'activation-plot');
    // Far down the page, the plot keeps the server's drawing until it comes near the viewport.
    expect(await widget.getByTestId('plot').getAttribute('viewBox')).toBe(
      `0 0 ${DEFAULT_SIZE.width} ${DEFAULT_SIZE.height}`,
    );
    await widget.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_WIDTH);
    const plot = (await widget.getByTestId('plot').boundingBox())!;
    expect(plot.x).toBeGreaterThanOrEqual(0);
    expect(plot.x + plot.width).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(plot.height).toBeGreaterThan(200);
    const labels = () => widget.getByTestId('plot').locator('.activation-plot__xlabels text').count();
    await expect.poll(labels).toBeLessThanOrEqual(5); // fewer ticks on a narrow plot, not squashed text
    expect(await labels()).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});

describe('activation plot in dark mode', () => {
  it('draws curves in colours that stand out from the dark background', async () => {
    const session = await openBrowser({ colorScheme: 'dark' });
    const page = await session.context.newPage();
    const widget = await openWidget(page, EN, 'activation-plot');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    const colours = await widget.evaluate((root) => {
      const luminance = (rgb: string) => {
        const [r, g, b] = rgb
          .match(/\d+/g)!
          .slice(0, 3)
          .map((v) => {
            const c = Number(v) / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const background = luminance(getComputedStyle(root.querySelector('.activation-plot__canvas')!).backgroundColor);
      return [...root.querySelectorAll<SVGPathElement>('[data-curve] .activation-plot__f')].map((path) => {
        const stroke = getComputedStyle(path).stroke;
        const l = luminance(stroke);
        return { stroke, contrast: (Math.max(l, background) + 0.05) / (Math.min(l, background) + 0.05) };
      });
    });
    expect(colours).toHaveLength(ACTIVATION_IDS.length);
    expect(new Set(colours.map((c) => c.stroke)).size).toBe(ACTIVATION_IDS.length);
    for (const { stroke, contrast } of colours) expect(contrast, stroke).toBeGreaterThanOrEqual(3);
    expect(colours[0]!.stroke).toBe('rgb(124, 184, 245)');
    await session.close();
  });

  it('has light-mode colours with the same contrast against the light background', async () => {
    const session = await openBrowser({ colorScheme: 'light' });
    const page = await session.context.newPage();
    await page.goto(EN);
    const strokes = await page
      .getByTestId('activation-plot')
      .evaluate((root) =>
        [...root.querySelectorAll<SVGPathElement>('[data-curve] .activation-plot__f')].map(
          (path) => getComputedStyle(path).stroke,
        ),
      );
    expect(strokes[0]).toBe('rgb(11, 92, 173)');
    expect(new Set(strokes).size).toBe(ACTIVATION_IDS.length);
    await session.close();
  });
});

describe('activation plot without JavaScript', () => {
  it('still shows the plot, the legend and the table of values', async () => {
    await withoutJavaScript(EN, 'activation-plot', async (widget) => {
      expect((await widget.getByTestId('curve-relu').getAttribute('d'))!.length).toBeGreaterThan(100);
      expect(await widget.getByTestId('plot').isVisible()).toBe(true);
      expect(await widget.getByTestId('legend').locator('li:visible').count()).toBe(3);
      expect(await widget.getByTestId('zoom-in').isVisible()).toBe(false);
      expect(await widget.getByTestId('toggle-relu').isVisible()).toBe(false);
      await widget.getByTestId('values').locator('summary').click();
      expect(await widget.getByTestId('values-table').isVisible()).toBe(true);
    });
  });
});
