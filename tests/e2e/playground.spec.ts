// The network playground on the built notes: training on XOR until the test loss is low, a shared URL restoring
// the configuration and the same run, the keyboard, screen-reader text, dark mode, small screens, layout stability
// and the no-JavaScript snapshot.
import type { Locator } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { edgeWidth } from '../../src/widgets/playground/edges.ts';
import type { PlaygroundState } from '../../src/widgets/playground/model.ts';
import { watchProblems } from './support/browser.ts';
import {
  expectPartsFitPhone,
  openOnPhone,
  shiftsWhileLoading,
  useWidgetPage,
  withoutJavaScript,
} from './support/widget.ts';

const base = inject('baseUrl');
const EN = `${base}/en/notes/network-architectures/`;
const ZH = `${base}/notes/learning-methods/`;

/** Each line of the network drawing with the weight it stands for (from the widget's state) and its look. */
async function drawnEdges(widget: Locator) {
  return widget.evaluate((el) => {
    const { network } = (el as HTMLElement & { state: PlaygroundState }).state.run;
    const style = getComputedStyle(el);
    const colour = (name: string) => {
      const probe = document.createElementNS('http://www.w3.org/2000/svg', 'line');
      probe.style.stroke = style.getPropertyValue(name);
      el.querySelector('svg[data-edges]')!.append(probe);
      const value = getComputedStyle(probe).stroke;
      probe.remove();
      return value;
    };
    const [negative, positive] = [colour('--pg-point-0'), colour('--pg-point-1')];
    return [...el.querySelectorAll<SVGLineElement>('svg[data-edges] line')].map((line) => {
      const [layer, from, to] = line.dataset.edge!.split(',').map(Number) as [number, number, number];
      return {
        id: line.dataset.edge!,
        weight: network.layers[layer]!.weights[to]![from]!,
        width: Number(line.getAttribute('stroke-width')),
        stroke: getComputedStyle(line).stroke,
        negative,
        positive,
        x1: Number(line.getAttribute('x1')),
        x2: Number(line.getAttribute('x2')),
      };
    });
  });
}

/** A number as the widget prints it (typographic minus, maybe in scientific notation). */
const number = (text: string | null) => Number((text ?? '').trim().replace(/\u2212/g, '-'));

describe('network playground', () => {
  const spec = useWidgetPage('playground', { scroll: true });
  const { open, text } = spec;
  const id = spec.part;

  it('trains on XOR: the epoch advances and the test loss falls below 0.05', async () => {
    await open(EN);
    expect(await text('epoch')).toBe('0');
    expect(number(await text('test-loss'))).toBeGreaterThan(0.5);
    await id('dataset').selectOption('xor');
    // The reading before play counts: on a fast run XOR can converge before the first poll below.
    const epochs: number[] = [number(await text('epoch'))];
    await id('play-pause').click();
    expect(await id('play-pause').getAttribute('data-playing')).toBe('true');
    expect(await text('play-pause')).toBe('Pause');
    await expect
      .poll(
        async () => {
          epochs.push(number(await text('epoch')));
          return number(await text('test-loss'));
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBeLessThan(0.05);
    expect(epochs.at(-1)).toBeGreaterThan(0);
    expect(new Set(epochs).size).toBeGreaterThan(1); // it advanced while we watched (a reading differs from the one before play)
    expect(await text('test-accuracy')).toMatch(/^(99(\.\d)?|100)%$/);
    await id('play-pause').click();
    expect(await text('play-pause')).toBe('Play');
    const paused = await text('step-count');
    await spec.page.waitForTimeout(300);
    expect(await text('step-count')).toBe(paused);
    // The loss chart and the heat map's text alternative follow the run.
    expect(
      (await id('loss-chart').locator('[data-curve="test"]').getAttribute('d'))!.split('L').length,
    ).toBeGreaterThan(3);
    expect(await id('heatmap').getAttribute('aria-label')).toContain(`after ${paused} steps on the XOR data`);
  });

  it('keeps the whole configuration in the URL: a shared link restores it and gives the same run', async () => {
    await open(EN);
    await id('dataset').selectOption('spiral');
    await id('layers').selectOption('3');
    await id('neurons-3').selectOption('6');
    await id('activation').selectOption('relu');
    await id('learning-rate').selectOption('0.01');
    await id('optimizer').selectOption('momentum');
    await id('l2').selectOption('0.001');
    await id('dropout').selectOption('0.1');
    await id('seed').fill('42');
    await id('seed').press('Enter');
    await id('noise').focus();
    for (let i = 0; i < 3; i++) await spec.page.keyboard.press('ArrowRight');
    await id('batch-size').focus();
    await spec.page.keyboard.press('End');
    const expected = '#playground:d=spiral&n=0.15&t=0.5&h=4,4,6&a=relu&lr=0.01&b=30&o=momentum&l2=0.001&do=0.1&s=42';
    await expect.poll(() => spec.page.evaluate(() => location.hash)).toBe(expected);
    for (let i = 0; i < 5; i++) await id('step').click();
    const after5 = { loss: await text('test-loss'), train: await text('train-loss') };
    expect(await text('step-count')).toBe('5');
    expect(await text('architecture')).toBe('2 → 4 → 4 → 6 → 1');

    const other = await spec.session.context.newPage();
    const otherProblems = watchProblems(other);
    const shared = await open(`${EN}${expected}`, other);
    const on = (testId: string) => shared.getByTestId(testId);
    expect(await on('dataset').inputValue()).toBe('spiral');
    expect(await on('layers').inputValue()).toBe('3');
    expect(await on('neurons-3').inputValue()).toBe('6');
    expect(await on('neurons-3').isVisible()).toBe(true);
    expect(await on('neurons-1').inputValue()).toBe('4');
    expect(await on('activation').inputValue()).toBe('relu');
    expect(await on('learning-rate').inputValue()).toBe('0.01');
    expect(await on('batch-size').inputValue()).toBe('30');
    expect(await on('noise').inputValue()).toBe('0.15');
    expect(await on('optimizer').inputValue()).toBe('momentum');
    expect(await on('l2').inputValue()).toBe('0.001');
    expect(await on('dropout').inputValue()).toBe('0.1');
    expect(await on('seed').inputValue()).toBe('42');
    expect(await shared.locator('[data-kind="hidden"]:not([hidden])').count()).toBe(3);
    expect(await shared.locator(`[data-kind="hidden"]:not([hidden]) [data-neuron]:not([hidden]) canvas`).count()).toBe(
      4 + 4 + 6,
    );
    // Same seed, same configuration: the same five steps give the same losses, digit for digit.
    for (let i = 0; i < 5; i++) await on('step').click();
    expect(await on('test-loss').textContent()).toBe(after5.loss);
    expect(await on('train-loss').textContent()).toBe(after5.train);
    // Another seed gives another run.
    await on('seed').fill('43');
    await on('seed').press('Enter');
    for (let i = 0; i < 5; i++) await on('step').click();
    expect(await on('test-loss').textContent()).not.toBe(after5.loss);
    expect(otherProblems.consoleErrors).toEqual([]);
    await other.close();
  });

  it('restores the defaults on reset and keeps the configuration on a heading link', async () => {
    await open(`${EN}#playground:d=circles&h=2&s=7`);
    for (let i = 0; i < 3; i++) await id('step').click();
    expect(await text('step-count')).toBe('3');
    await id('reset').click();
    expect(await text('step-count')).toBe('0');
    expect(await text('epoch')).toBe('0');
    expect(await id('seed').inputValue()).toBe('7');
    await spec.page.evaluate(() => (location.hash = '#convolutional-neural-networks'));
    await spec.page.waitForTimeout(100);
    expect(await id('layers').inputValue()).toBe('1');
  });

  it('is operable with the keyboard alone, with labelled controls and a visible focus', async () => {
    await open(EN);
    for (const name of [
      'Data set',
      'Noise',
      'Training share',
      'Seed',
      'Hidden layers',
      'Neurons in layer 1',
      'Activation',
      'Learning rate',
      'Batch size',
      'Optimizer',
      'L2 regularization λ',
      'Dropout rate',
    ]) {
      expect(await spec.widget.getByLabel(name, { exact: true }).count(), name).toBe(1);
    }
    await id('play-pause').focus();
    expect(await id('play-pause').evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await spec.page.keyboard.press('Space');
    await expect.poll(() => text('epoch')).not.toBe('0');
    await spec.page.keyboard.press('Enter');
    expect(await id('play-pause').getAttribute('data-playing')).toBe('false');
    await spec.page.keyboard.press('Tab');
    expect(await spec.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('step');
    const before = number(await text('step-count'));
    await spec.page.keyboard.press('Enter');
    expect(number(await text('step-count'))).toBe(before + 1);
    await spec.page.keyboard.press('Tab');
    await spec.page.keyboard.press('Enter'); // reset
    expect(await text('step-count')).toBe('0');
    // A select changes with the arrow keys.
    await id('layers').focus();
    await spec.page.keyboard.press('ArrowDown');
    expect(await text('architecture')).toBe('2 → 4 → 4 → 4 → 1');
  });

  it('tells screen readers what the picture shows, politely and not on every frame', async () => {
    await open(EN);
    expect(await id('announce').getAttribute('aria-live')).toBe('polite');
    expect(await id('heatmap').getAttribute('role')).toBe('img');
    expect(await id('heatmap').getAttribute('aria-label')).toMatch(
      /^Decision boundary of the network after 0 steps on the Two circles data/,
    );
    await id('step').click();
    await expect
      .poll(spec.announcement, { timeout: 3000 })
      .toMatch(/^Paused\. Epoch 0, step 1\. Training loss [\d.]+, test loss [\d.]+; test accuracy [\d.]+%\.$/);
    await id('play-pause').click();
    const heard = new Set<string>();
    for (let i = 0; i < 10; i++) {
      heard.add(await spec.announcement());
      await spec.page.waitForTimeout(150);
    }
    expect(heard.size).toBeLessThanOrEqual(2); // no chatter while it trains
    await id('play-pause').click();
  });

  it('redraws in the dark theme with the dark palette', async () => {
    await open(EN);
    const corner = () =>
      id('heatmap').evaluate((canvas: HTMLCanvasElement) => {
        const [r, g, b] = canvas.getContext('2d')!.getImageData(2, 2, 1, 1).data;
        return r! + g! + b!;
      });
    await expect.poll(corner).toBeGreaterThan(0); // painted
    const light = await corner();
    await spec.page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await expect.poll(corner).toBeLessThan(light - 200);
    await spec.page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  });

  it('draws a line per weight, as wide as |w| and coloured by its sign, and follows the training', async () => {
    await open(EN);
    const edges = id('network').locator('svg[data-edges]');
    expect(await edges.getAttribute('aria-hidden')).toBe('true');
    await expect.poll(() => edges.locator('line').count()).toBe(2 * 4 + 4 * 4 + 4 * 1); // 2 → 4 → 4 → 1
    const before = await drawnEdges(spec.widget);
    await id('play-pause').click();
    await expect.poll(async () => number(await text('step-count')), { timeout: 10_000 }).toBeGreaterThan(200);
    await id('play-pause').click();
    const after = await drawnEdges(spec.widget);
    for (const edge of after) {
      expect(edge.width, edge.id).toBe(edgeWidth(edge.weight));
      expect(edge.stroke, edge.id).toBe(edge.weight < 0 ? edge.negative : edge.positive);
      expect(edge.x2 - edge.x1, `${edge.id} runs from a thumbnail to the next column's`).toBeGreaterThan(10);
    }
    // The widths follow |w|: sorted by |w|, they never decrease; training made them differ and changed them.
    const byMagnitude = [...after].sort((a, b) => Math.abs(a.weight) - Math.abs(b.weight)).map((edge) => edge.width);
    expect(byMagnitude).toEqual([...byMagnitude].sort((a, b) => a - b));
    expect(new Set(byMagnitude).size).toBeGreaterThan(5);
    expect(after.filter((edge, k) => edge.width !== before[k]!.width).length).toBeGreaterThan(after.length / 2);
    expect(new Set(after.map((edge) => edge.stroke)).size).toBe(2);
    // Another shape, other lines: a third hidden layer of four adds sixteen.
    await id('layers').selectOption('3');
    await expect.poll(() => edges.locator('line').count()).toBe(2 * 4 + 4 * 4 + 4 * 4 + 4 * 1);
    await id('layers').selectOption('2');
  });

  it('speaks Chinese on the Chinese note, next to the optimizer visualizer', async () => {
    await open(ZH);
    expect(await text('play-pause')).toBe('开始训练');
    expect(await spec.widget.getByLabel('数据集', { exact: true }).count()).toBe(1);
    await id('step').click();
    expect(await id('heatmap').getAttribute('aria-label')).toMatch(/^网络训练 1 步后/);
  });

  it('does not shift the layout while loading', async () => {
    expect(await shiftsWhileLoading(spec.session, EN, 'dl-playground', { scroll: true })).toEqual([]);
  });

  it('works on a 320 px wide phone', async () => {
    const { page, widget } = await openOnPhone(spec.session, EN, 'playground', { scroll: true });
    await expectPartsFitPhone(
      widget,
      ['play-pause', 'heatmap', 'dataset', 'learning-rate', 'metrics', 'loss-chart'],
      30,
    );
    await widget.getByTestId('step').click();
    expect(await widget.getByTestId('step-count').textContent()).toBe('1');
    await page.close();
  });
});

describe('network playground without JavaScript', () => {
  it('shows a snapshot computed at build time and hides the controls', async () => {
    await withoutJavaScript(EN, 'playground', async (widget) => {
      expect(await widget.getByTestId('snapshot').isVisible()).toBe(true);
      expect(await widget.getByTestId('snapshot').locator('figcaption').textContent()).toMatch(
        /^Snapshot: on the Two circles data, the network 2 → 4 → 4 → 1 .* after 400 steps has training loss [\d.]+, test loss [\d.]+ and test accuracy 100%\./,
      );
      expect(await widget.getByTestId('controls').isVisible()).toBe(false);
      expect(await widget.getByTestId('play-pause').isVisible()).toBe(false);
    });
  });
});
