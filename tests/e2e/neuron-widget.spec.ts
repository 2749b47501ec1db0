// The neuron widget on the built neuron note: sliders, fields, activation picker, inputs, URL hash, messages,
// screen-reader announcements, the no-JavaScript fallback, small screens and layout stability.
import { describe, expect, inject, it } from 'vitest';
import {
  PHONE_WIDTH,
  expectPartsFitPhone,
  openOnPhone,
  openWidget,
  shiftsWhileLoading,
  useWidgetPage,
  waitUntilLive,
  withoutJavaScript,
} from './support/widget.ts';

const base = inject('baseUrl');
const EN = `${base}/en/notes/neuron/`;
const ZH = `${base}/notes/neuron/`;
const EXAMPLE = { z: 'z = 0.5×1.2 + (−1)×0.3 + 0.1 = 0.4', y: 'y = ReLU(0.4) = 0.4', d: 'dy/dz = ReLU′(0.4) = 1' };

describe('neuron widget', () => {
  const spec = useWidgetPage('neuron-widget');
  const { open, text } = spec;
  const id = spec.part;

  it('starts from the worked example of the note, in both languages', async () => {
    await open(EN);
    expect(await text('z-line')).toBe(EXAMPLE.z);
    expect(await text('y-line')).toBe(EXAMPLE.y);
    expect(await text('d-line')).toBe(EXAMPLE.d);
    expect(await spec.widget.getByLabel('Activation', { exact: true }).inputValue()).toBe('relu');
    expect(await spec.widget.getByRole('slider', { name: 'x1', exact: true }).inputValue()).toBe('0.5');
    expect(await spec.widget.getByRole('textbox', { name: 'w2 value' }).inputValue()).toBe('0.3');
    expect(await spec.widget.getByRole('slider', { name: 'b', exact: true }).inputValue()).toBe('0.1');
    await open(ZH);
    expect(await text('z-line')).toBe(EXAMPLE.z);
    expect(await spec.widget.getByLabel('激活函数', { exact: true }).inputValue()).toBe('relu');
    expect(await spec.widget.getByRole('textbox', { name: 'x1 数值' }).inputValue()).toBe('0.5');
    expect(await spec.widget.getByRole('button', { name: '添加输入' }).isVisible()).toBe(true);
  });

  it('recomputes as a slider moves (keyboard) and shows the exact numbers', async () => {
    await open(EN);
    const x1 = id('x1-slider');
    await x1.focus();
    for (let i = 0; i < 5; i++) await spec.page.keyboard.press('ArrowRight');
    expect(await x1.inputValue()).toBe('1');
    expect(await id('x1-input').inputValue()).toBe('1');
    expect(await text('z-line')).toBe('z = 1×1.2 + (−1)×0.3 + 0.1 = 1');
    expect(await text('y-line')).toBe('y = ReLU(1) = 1');
    await id('b-slider').focus();
    await spec.page.keyboard.press('Home');
    expect(await text('z-line')).toBe('z = 1×1.2 + (−1)×0.3 + (−5) = −4.1');
    expect(await text('y-line')).toBe('y = ReLU(−4.1) = 0');
    expect(await text('d-line')).toBe('dy/dz = ReLU′(−4.1) = 0');
    expect(await text('diagram-y')).toBe('y = 0');
  });

  it('recomputes as a slider is dragged with the mouse', async () => {
    await open(EN);
    await id('w1-slider').scrollIntoViewIfNeeded();
    // Chromium can drop a click that arrives before the page's first frame is drawn (a CI run on a loaded machine
    // left the slider at 1.2): click once a frame is drawn, and again only while the value has not moved.
    await spec.page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
    await expect
      .poll(
        async () => {
          const box = (await id('w1-slider').boundingBox())!;
          await spec.page.mouse.click(box.x + box.width - 1, box.y + box.height / 2);
          return id('w1-input').inputValue();
        },
        { timeout: 10_000, interval: 250 },
      )
      .toBe('5');
    expect(await text('z-line')).toBe('z = 0.5×5 + (−1)×0.3 + 0.1 = 2.3');
  });

  it('recomputes as numbers are typed, and moves the slider along', async () => {
    await open(EN);
    await id('w1-input').fill('2');
    expect(await text('z-line')).toBe('z = 0.5×2 + (−1)×0.3 + 0.1 = 0.8');
    expect(await id('w1-slider').inputValue()).toBe('2');
    await id('x2-input').fill('-0.25');
    expect(await text('z-line')).toBe('z = 0.5×2 + (−0.25)×0.3 + 0.1 = 1.025');
    expect(await text('y-line')).toBe('y = ReLU(1.025) = 1.025');
    // The edge of a negative weight is dashed and its thickness follows |w|.
    const edge = id('edge-1');
    const thin = Number(await edge.getAttribute('stroke-width'));
    await id('w1-input').fill('-4');
    expect(await edge.getAttribute('class')).toContain('neuron-widget__edge--negative');
    expect(Number(await edge.getAttribute('stroke-width'))).toBeGreaterThan(thin);
    expect(await edge.evaluate((el) => getComputedStyle(el).strokeDasharray)).not.toBe('none');
  });

  it('switches the activation', async () => {
    await open(EN);
    await id('activation').selectOption('sigmoid');
    expect(await text('y-line')).toBe('y = σ(0.4) = 0.5987');
    expect(await text('d-line')).toBe('dy/dz = σ′(0.4) = 0.2403');
    expect(await text('diagram-activation')).toBe('sigmoid');
    await id('activation').selectOption('step');
    expect(await text('y-line')).toBe('y = step(0.4) = 1');
    expect(await text('d-line')).toBe('dy/dz = step′(0.4) = 0');
    // Keyboard: the picker is a native select.
    await id('activation').focus();
    await spec.page.keyboard.press('ArrowUp');
    expect(await text('y-line')).toBe('y = SiLU(0.4) = 0.2395');
  });

  it('shows a clear message for odd input and keeps the last good result', async () => {
    await open(EN);
    const field = id('x1-input');
    const cases: Array<[string, string]> = [
      ['', 'x1: enter a number.'],
      ['abc', 'x1: “abc” is not a number.'],
      ['1e308', 'x1: 1e308 is outside the range −1000 to 1000.'],
      ['1,5', 'x1: “1,5” is not a number.'],
    ];
    for (const [typed, message] of cases) {
      await field.fill(typed);
      expect(await text('message')).toBe(`${message} The result shown is for the last valid numbers.`);
      expect(await id('message').isVisible()).toBe(true);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toBe(await id('message').getAttribute('id'));
      expect(await text('z-line')).toBe(EXAMPLE.z);
      expect(await field.inputValue()).toBe(typed); // what the learner typed stays, to be fixed
    }
    // Pasted text arrives like a paste does: the whole text in one input event.
    await field.fill('');
    await field.focus();
    await spec.page.keyboard.insertText('twelve');
    expect(await text('message')).toBe('x1: “twelve” is not a number. The result shown is for the last valid numbers.');
    await field.fill('-0');
    expect(await id('message').isVisible()).toBe(false);
    expect(await field.getAttribute('aria-invalid')).toBe('false');
    expect(await text('z-line')).toBe('z = 0×1.2 + (−1)×0.3 + 0.1 = −0.2');
    await field.blur();
    expect(await field.inputValue()).toBe('0');
  });

  it('adds and removes inputs between one and eight', async () => {
    await open(EN);
    const add = id('add-input');
    const remove = id('remove-input');
    await add.click();
    expect(await id('x3-slider').isVisible()).toBe(true);
    expect(await id('edge-3').isVisible()).toBe(true);
    expect(await text('z-line')).toBe('z = 0.5×1.2 + (−1)×0.3 + 1×0 + 0.1 = 0.4');
    await id('w3-input').fill('0.5');
    expect(await text('z-line')).toBe('z = 0.5×1.2 + (−1)×0.3 + 1×0.5 + 0.1 = 0.9');
    // Keyboard: Enter and Space press the focused button; focus stays on it even when it stops doing anything.
    await add.focus();
    for (let i = 0; i < 6; i++) await spec.page.keyboard.press(i % 2 ? 'Space' : 'Enter');
    expect(await spec.widget.locator('[data-row]:not([hidden])').count()).toBe(8);
    expect(await add.getAttribute('aria-disabled')).toBe('true');
    expect(await spec.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('add-input');
    for (let i = 0; i < 7; i++) await remove.click();
    expect(await spec.widget.locator('[data-row]:not([hidden])').count()).toBe(1);
    expect(await remove.getAttribute('aria-disabled')).toBe('true');
    await remove.click({ force: true }); // a press on the disabled button does nothing
    expect(await spec.widget.locator('[data-row]:not([hidden])').count()).toBe(1);
    expect(await text('z-line')).toBe('z = 0.5×1.2 + 0.1 = 0.7');
    expect(await id('edge-2').isVisible()).toBe(false);
  });

  it('keeps the configuration in the URL hash, so a link restores it', async () => {
    await open(EN);
    await id('add-input').click();
    await id('w3-input').fill('-2');
    await id('activation').selectOption('tanh');
    await expect
      .poll(() => spec.page.evaluate(() => location.hash))
      .toBe('#neuron:x=0.5,-1,1&w=1.2,0.3,-2&b=0.1&f=tanh');
    await spec.page.reload();
    await waitUntilLive(spec.page, spec.widget);
    expect(await text('z-line')).toBe('z = 0.5×1.2 + (−1)×0.3 + 1×(−2) + 0.1 = −1.6');
    expect(await text('y-line')).toBe('y = tanh(−1.6) = −0.9217');
    expect(await id('activation').inputValue()).toBe('tanh');
    // Opened from a link, the widget is scrolled into view.
    const fresh = await spec.session.context.newPage();
    const shared = await openWidget(fresh, spec.page.url(), 'neuron-widget');
    const top = await shared.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-200);
    expect(top).toBeLessThan(900);
    expect(await fresh.evaluate(() => scrollY)).toBeGreaterThan(300);
    await fresh.close();
    // A link followed within the page applies too; a heading anchor leaves the widget alone.
    await spec.page.evaluate(() => (location.hash = '#neuron:x=2&w=3&b=-1&f=relu'));
    await expect.poll(() => text('z-line')).toBe('z = 2×3 + (−1) = 5');
    await spec.page.evaluate(() => (location.hash = '#worked-example'));
    await spec.page.waitForTimeout(100);
    expect(await text('z-line')).toBe('z = 2×3 + (−1) = 5');
  });

  it('announces results politely to screen readers, once the learner pauses', async () => {
    await open(EN);
    expect(await id('announce').getAttribute('aria-live')).toBe('polite');
    await id('w1-input').fill('2');
    await expect.poll(spec.announcement, { timeout: 3000 }).toBe('z = 0.8, y = 0.8');
    await id('w1-input').fill('');
    await expect.poll(spec.announcement, { timeout: 3000 }).toContain('w1: enter a number.');
  });

  it('labels every control and can be used with the keyboard alone', async () => {
    await open(EN);
    for (const name of ['x1', 'w1', 'x2', 'w2', 'b']) {
      expect(await spec.widget.getByRole('slider', { name, exact: true }).count(), name).toBe(1);
      expect(await spec.widget.getByRole('textbox', { name: `${name} value` }).count(), name).toBe(1);
    }
    expect(await spec.widget.getByRole('combobox', { name: 'Activation' }).count()).toBe(1);
    // Tab order: slider, then its field, then the next slider.
    await id('x1-slider').focus();
    await spec.page.keyboard.press('Tab');
    expect(await spec.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('x1-input');
    await spec.page.keyboard.press('Tab');
    expect(await spec.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('w1-slider');
    const outline = await id('w1-slider').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
  });

  it('does not shift the layout while loading', async () => {
    expect(await shiftsWhileLoading(spec.session, EN, 'dl-neuron')).toEqual([]);
  });

  it('works on a 320 px wide phone', async () => {
    const { page, widget } = await openOnPhone(spec.session, EN, 'neuron-widget');
    const box = (await widget.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE_WIDTH);
    const parts = ['x1-slider', 'x1-input', 'w1-slider', 'b-input', 'activation', 'add-input', 'diagram'];
    await expectPartsFitPhone(widget, parts, 30);
    await widget.getByTestId('x1-input').fill('3');
    expect(await widget.getByTestId('z-line').textContent()).toBe('z = 3×1.2 + (−1)×0.3 + 0.1 = 3.4');
    await page.close();
  });
});

describe('neuron widget without JavaScript', () => {
  it('shows the static worked example and hides the controls', async () => {
    await withoutJavaScript(EN, 'neuron-widget', async (widget) => {
      expect(await widget.getByTestId('z-line').textContent()).toBe(EXAMPLE.z);
      expect(await widget.getByTestId('y-line').textContent()).toBe(EXAMPLE.y);
      expect(await widget.getByTestId('diagram').isVisible()).toBe(true);
      expect(await widget.getByTestId('controls').isVisible()).toBe(false);
      expect(await widget.getByTestId('noscript').isVisible()).toBe(true);
    });
  });
});
