// The optimizer visualizer on the built learning-methods note: the first view, playing and stepping, changing the
// surface, learning rates and start point with the keyboard and the mouse, divergence, the URL hash shared with
// the playground on the same page, small screens and the no-JavaScript view.
import { describe, expect, inject, it } from 'vitest';
import {
  expectPartsFitPhone,
  openOnPhone,
  shiftsWhileLoading,
  useWidgetPage,
  waitUntilLive,
  withoutJavaScript,
} from './support/widget.ts';

const base = inject('baseUrl');
const EN = `${base}/en/notes/learning-methods/`;
const ZH = `${base}/notes/learning-methods/`;

describe('optimizer visualizer', () => {
  const spec = useWidgetPage('optimizer-viz');
  const { open, text } = spec;
  const id = spec.part;
  const points = async (optimizer: string) =>
    ((await id(`path-${optimizer}`).getAttribute('d')) ?? '').split(/[ML]/).filter(Boolean).length;

  it('opens on Rosenbrock’s valley with three paths from the same start, and a table of where they are', async () => {
    await open(EN);
    expect(await id('surface').inputValue()).toBe('rosenbrock');
    expect(await text('steps')).toBe('after 150 steps');
    for (const optimizer of ['sgd', 'momentum', 'adam']) {
      expect(await points(optimizer)).toBe(151);
      expect((await id(`path-${optimizer}`).getAttribute('d'))!.startsWith('M80.0,200.0')).toBe(true); // (−1.2, 1)
    }
    expect(await id('row-sgd').locator('[data-x]').textContent()).toBe('−0.671');
    expect(await spec.widget.locator('[data-contours] path').count()).toBe(14);
    expect(await spec.widget.locator('.katex').first().isVisible()).toBe(true);
  });

  it('plays, pauses and steps', async () => {
    await open(EN);
    await id('reset').click();
    expect(await text('steps')).toBe('after 0 steps');
    expect(await points('adam')).toBe(1);
    await id('play-pause').click();
    await expect.poll(async () => points('adam'), { timeout: 30_000 }).toBeGreaterThan(30); // frames come slowly on a loaded machine
    await id('play-pause').click();
    const stopped = await text('steps');
    await spec.page.waitForTimeout(200);
    expect(await text('steps')).toBe(stopped);
    const n = Number(stopped.match(/\d+/)![0]);
    await id('step').click();
    expect(await text('steps')).toBe(`after ${n + 1} steps`);
    expect(await points('sgd')).toBe(n + 2);
  });

  it('changes surface and learning rates with the keyboard; SGD diverges at a large rate', async () => {
    await open(EN);
    await id('surface').focus();
    await spec.page.keyboard.press('ArrowDown');
    expect(await id('surface').inputValue()).toBe('saddle');
    expect(await text('steps')).toBe('after 0 steps');
    expect(await spec.widget.locator('[data-formula="saddle"]').isVisible()).toBe(true);
    expect(await spec.widget.locator('[data-formula="rosenbrock"]').isVisible()).toBe(false);
    expect(await spec.widget.getByRole('slider', { name: 'Learning rate of SGD' }).getAttribute('aria-valuetext')).toBe(
      '0.01',
    );
    await spec.page.keyboard.press('ArrowUp');
    expect(await id('surface').inputValue()).toBe('rosenbrock');
    const sgd = spec.widget.getByRole('slider', { name: 'Learning rate of SGD' });
    await sgd.focus();
    await spec.page.keyboard.press('End');
    expect(await sgd.getAttribute('aria-valuetext')).toBe('1');
    expect(await spec.widget.locator('output[data-rate="sgd"]').textContent()).toBe('1');
    for (let i = 0; i < 5; i++) await id('step').click();
    expect(await id('row-sgd').locator('[data-loss]').textContent()).toBe('diverged');
    expect(await spec.widget.locator('[data-marker="sgd"]').isVisible()).toBe(false);
    expect(await id('row-adam').locator('[data-loss]').textContent()).not.toBe('diverged');
  });

  it('moves the start point with the sliders or a click on the map', async () => {
    await open(EN);
    await id('start-x').focus();
    await spec.page.keyboard.press('Home');
    expect(await id('start-x').getAttribute('aria-valuetext')).toBe('−2');
    expect((await id('path-adam').getAttribute('d'))!.startsWith('M0.0,')).toBe(true);
    const box = (await id('plot').boundingBox())!;
    await spec.page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.25); // (1, 2) on Rosenbrock's view
    expect(Number(await id('start-x').inputValue())).toBeCloseTo(1, 1);
    expect(Number(await id('start-y').inputValue())).toBeCloseTo(2, 1);
    expect(await text('steps')).toBe('after 0 steps');
  });

  it('shares the URL hash with the playground on the same page: a link restores both', async () => {
    await open(EN);
    await id('surface').selectOption('ravine');
    const adam = spec.widget.getByRole('slider', { name: 'Learning rate of Adam' });
    await adam.focus();
    await spec.page.keyboard.press('ArrowLeft');
    const playground = spec.page.getByTestId('playground');
    await playground.getByTestId('dataset').selectOption('gaussians');
    await expect
      .poll(() => spec.page.evaluate(() => location.hash))
      .toBe(
        '#optimizer:s=ravine&x=-3.5&y=1.5&sgd=0.3&momentum=0.03&adam=0.05~playground:d=gaussians&n=0&t=0.5&h=4,4&a=tanh&lr=0.03&b=10&o=adam&l2=0&do=0&s=1',
      );
    await spec.page.reload();
    await waitUntilLive(spec.page, spec.widget);
    expect(await id('surface').inputValue()).toBe('ravine');
    expect(await adam.getAttribute('aria-valuetext')).toBe('0.05');
    expect(await playground.getByTestId('dataset').inputValue()).toBe('gaussians');
  });

  it('announces where the optimizers are when it stops', async () => {
    await open(EN);
    await id('step').click();
    await expect
      .poll(spec.announcement, { timeout: 3000 })
      .toMatch(/^After 151 steps: SGD at \(−0\.\d+, 0\.\d+\), L = [\d.]+; Momentum at /);
  });

  it('is Chinese on the Chinese note', async () => {
    await open(ZH);
    expect(await text('steps')).toBe('150 步之后');
    expect(await spec.widget.getByLabel('损失曲面', { exact: true }).count()).toBe(1);
    expect(await spec.widget.getByRole('slider', { name: '动量 的学习率' }).count()).toBe(1);
  });

  it('does not shift the layout while loading, and fits a 320 px phone', async () => {
    expect(await shiftsWhileLoading(spec.session, EN, 'dl-optimizer-viz', { width: 320 })).toEqual([]);
    const { page, widget } = await openOnPhone(spec.session, EN, 'optimizer-viz');
    await expectPartsFitPhone(widget, ['plot', 'surface', 'play-pause', 'rate-sgd', 'positions']);
    await page.close();
  });
});

describe('optimizer visualizer without JavaScript', () => {
  it('shows the first 150 steps and their table, without the controls', async () => {
    await withoutJavaScript(EN, 'optimizer-viz', async (widget) => {
      expect(await widget.getByTestId('plot').isVisible()).toBe(true);
      expect(await widget.getByTestId('path-momentum').getAttribute('d')).toMatch(
        /^M80\.0,200\.0(L[\d.-]+,[\d.-]+){150}$/,
      );
      expect(await widget.getByTestId('row-momentum').locator('[data-x]').textContent()).toBe('0.743');
      expect(await widget.getByTestId('surface').isVisible()).toBe(false);
      expect(await widget.getByTestId('rate-sgd').isVisible()).toBe(false);
    });
  });
});
