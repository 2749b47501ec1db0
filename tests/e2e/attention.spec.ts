// The attention widget on the built attention-and-transformers note: the worked example, editing with the keyboard,
// the causal mask, the 1/√d_k switch, the URL hash, a bad entry, announcements, the no-JavaScript fallback, a phone.
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
const EN = `${base}/en/notes/attention-and-transformers/`;
const ZH = `${base}/notes/attention-and-transformers/`;
/** The note's worked example, row by row. */
const WEIGHTS = [
  ['0.4011', '0.1978', '0.4011'],
  ['0.1978', '0.4011', '0.4011'],
  ['0.2483', '0.2483', '0.5035'],
];

describe('attention widget', () => {
  const spec = useWidgetPage('attention-widget');
  const { open } = spec;
  const cell = (name: string, i: number, j: number) => spec.part(`${name}-${i}-${j}`);
  const value = async (name: string, i: number, j: number) =>
    ((await cell(name, i, j).locator('[data-value]').textContent()) ?? '').trim();
  const matrix = async (name: string, rows: number, columns: number) => {
    const values: string[][] = [];
    for (let i = 1; i <= rows; i++) {
      const row: string[] = [];
      for (let j = 1; j <= columns; j++) row.push(await value(name, i, j));
      values.push(row);
    }
    return values;
  };
  const heat = (i: number, j: number) => cell('weight', i, j).evaluate((td) => getComputedStyle(td).backgroundColor);

  it('starts from the worked example of the note, in both languages', async () => {
    await open(EN);
    expect(await matrix('weight', 3, 3)).toEqual(WEIGHTS);
    expect(await matrix('output', 3, 2)).toEqual([
      ['0.8022', '0.7967'],
      ['0.5989', '1.2033'],
      ['0.7517', '1'],
    ]);
    expect(await matrix('score', 1, 3)).toEqual([['0.7071', '0', '0.7071']]);
    expect(await spec.widget.getByRole('spinbutton', { name: 'Q row 3, column 2' }).inputValue()).toBe('1');
    expect(await spec.widget.getByRole('checkbox', { name: /Causal mask/ }).isChecked()).toBe(false);
    // The weights are a real table: its row and column headers name every cell.
    expect(await spec.widget.getByRole('table', { name: /Attention weights/ }).count()).toBe(1);
    await open(ZH);
    expect(await matrix('weight', 3, 3)).toEqual(WEIGHTS);
    expect(await spec.widget.getByRole('spinbutton', { name: 'K 第 2 行第 1 列' }).inputValue()).toBe('0');
  });

  it('recomputes the weights and the heatmap as a field is stepped with the keyboard', async () => {
    await open(EN);
    const before = await heat(1, 1);
    const q11 = spec.part('q-1-1');
    await q11.focus();
    for (let i = 0; i < 5; i++) await spec.page.keyboard.press('ArrowUp');
    expect(await q11.inputValue()).toBe('1.5');
    // q₁ = (1.5, 0): scores 1.5·(1, 0, 1)/√2 = (1.0607, 0, 1.0607).
    expect(await matrix('score', 1, 3)).toEqual([['1.0607', '0', '1.0607']]);
    expect(await matrix('weight', 1, 3)).toEqual([['0.4262', '0.1476', '0.4262']]);
    expect(await matrix('weight', 3, 3).then((rows) => rows.slice(1))).toEqual(WEIGHTS.slice(1));
    expect(await heat(1, 1)).not.toBe(before);
    expect(await heat(1, 2)).not.toBe(await heat(1, 1));
    await expect.poll(spec.announcement, { timeout: 3000 }).toContain('row 1 0.4262, 0.1476, 0.4262');
  });

  it('turns the upper triangle to 0 under the causal mask, and back', async () => {
    await open(EN);
    const mask = spec.part('causal');
    await mask.focus();
    await spec.page.keyboard.press('Space');
    expect(await mask.isChecked()).toBe(true);
    expect(await matrix('weight', 3, 3)).toEqual([['1', '0', '0'], ['0.3302', '0.6698', '0'], WEIGHTS[2]]);
    for (const [i, j] of [
      [1, 2],
      [1, 3],
      [2, 3],
    ] as const) {
      expect(await cell('weight', i, j).getAttribute('data-masked')).toBe('');
      expect(await value('score', i, j)).toBe('−∞');
      // The masked cell says so to screen readers, not by colour alone.
      expect(await cell('weight', i, j).textContent()).toContain('masked');
    }
    expect(await cell('weight', 2, 1).getAttribute('data-masked')).toBeNull();
    expect(await matrix('output', 2, 2)).toEqual([
      ['1', '0'],
      ['0.3302', '1.3395'],
    ]);
    await mask.click();
    expect(await matrix('weight', 3, 3)).toEqual(WEIGHTS);
    expect(await cell('weight', 1, 2).getAttribute('data-masked')).toBeNull();
  });

  it('shows the raw dot products without 1/√d_k', async () => {
    await open(EN);
    await spec.part('scaled').click();
    expect(await matrix('score', 3, 3)).toEqual([
      ['1', '0', '1'],
      ['0', '1', '1'],
      ['1', '1', '2'],
    ]);
    expect(await spec.part('scores').locator('[data-scale]').textContent()).toBe('1');
    expect(await value('weight', 3, 3)).toBe('0.5761');
  });

  it('keeps the state in the URL hash, so a link restores it', async () => {
    await open(EN);
    await spec.part('v-2-2').fill('-1.5');
    await spec.part('causal').check();
    await expect
      .poll(() => spec.page.evaluate(() => location.hash))
      .toBe('#attention:q=1,0,0,1,1,1&k=1,0,0,1,1,1&v=1,0,0,-1.5,1,1&mask=1&scale=1');
    await spec.page.reload();
    await waitUntilLive(spec.page, spec.widget);
    expect(await spec.part('v-2-2').inputValue()).toBe('-1.5');
    expect(await spec.part('causal').isChecked()).toBe(true);
    expect(await value('weight', 1, 2)).toBe('0');
    expect(await matrix('output', 2, 2)).toEqual([
      ['1', '0'],
      ['0.3302', '−1.0046'],
    ]);
    // A link followed within the page applies too.
    await spec.page.evaluate(
      () => (location.hash = '#attention:q=0,0,0,0,0,0&k=1,0,0,1,1,1&v=1,0,0,2,1,1&mask=0&scale=1'),
    );
    await expect.poll(() => value('weight', 1, 1)).toBe('0.3333');
    await spec.part('reset').click();
    expect(await matrix('weight', 3, 3)).toEqual(WEIGHTS);
  });

  it('marks an unusable entry and keeps the last good result', async () => {
    await open(EN);
    const field = spec.part('k-1-1');
    await field.fill('');
    expect(await spec.text('message')).toBe(
      'K row 1, column 1: enter a number. The results shown are for the last valid numbers.',
    );
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toBe(await spec.part('message').getAttribute('id'));
    expect(await matrix('weight', 3, 3)).toEqual(WEIGHTS);
    await field.fill('20');
    expect(await spec.text('message')).toContain('enter a number from −10 to 10');
    await field.fill('1');
    expect(await spec.part('message').isVisible()).toBe(false);
    expect(await field.getAttribute('aria-invalid')).toBe('false');
  });

  it('does not shift the layout while loading', async () => {
    expect(await shiftsWhileLoading(spec.session, EN, 'dl-attention')).toEqual([]);
  });

  it('works on a 320 px wide phone', async () => {
    const { page, widget } = await openOnPhone(spec.session, EN, 'attention-widget');
    await expectPartsFitPhone(widget, ['weights', 'scores', 'outputs', 'causal']);
    await widget.getByTestId('causal').check();
    expect(await widget.getByTestId('weight-1-2').locator('[data-value]').textContent()).toBe('0');
    await page.close();
  });
});

describe('attention widget without JavaScript', () => {
  it('shows the worked example with Q, K and V as a plain table, and hides the controls', async () => {
    await withoutJavaScript(EN, 'attention-widget', async (widget) => {
      expect(await widget.getByTestId('weight-3-3').locator('[data-value]').textContent()).toBe('0.5035');
      expect(await widget.getByTestId('output-1-1').locator('[data-value]').textContent()).toBe('0.8022');
      expect(await widget.getByTestId('static-inputs').isVisible()).toBe(true);
      expect(await widget.getByTestId('static-inputs').locator('tbody tr').first().textContent()).toMatch(
        /1\s*1\s*0\s*1\s*0\s*1\s*0/,
      );
      expect(await widget.getByTestId('controls').isVisible()).toBe(false);
      expect(await widget.getByTestId('noscript').isVisible()).toBe(true);
    });
  });
});
