// Studying with the notes, as a reader does: a self-check question answered by keyboard (wrong, then right), the
// explanation announced, the question back on the review page because the first answer was wrong, the Leitner
// schedule (days moved by rewriting the stored due date), the score in the progress summary; an exercise's
// solution; and, without JavaScript, every answer readable and the review page explaining what it needs.
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useCheckedPage } from './support/page.ts';

const base = inject('baseUrl');
const NOTE = '/en/notes/neuron/';

/** The first self-check question of the page, made answerable (its script loads as it comes into view). */
async function firstLiveQuiz(page: Page): Promise<Locator> {
  const quiz = page.getByTestId('quiz-question').first();
  await quiz.scrollIntoViewIfNeeded();
  await page.waitForSelector('.quiz.is-live');
  return quiz;
}

/** Index of the option `letter` among A, B, C, … */
const indexOf = (letter: string) => letter.charCodeAt(0) - 65;

/** Moves the checked radio of the quiz's group from `from` to `to` with the arrow keys, then checks by keyboard. */
async function chooseAndCheck(page: Page, from: number, to: number): Promise<void> {
  const key = to > from ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(to - from); i++) await page.keyboard.press(key);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}

const storedCard = (page: Page, id: string) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem('dln-review') ?? '{}')[key] as unknown, id);

describe('self-check questions and the review page, with JavaScript', () => {
  const checked = useCheckedPage({ serviceWorkers: 'block' });

  it('grade a keyboard answer, wrong then right, with the chosen option’s explanation in a live region', async () => {
    const { page } = checked;
    await page.goto(base + NOTE);
    const quiz = await firstLiveQuiz(page);
    const id = (await quiz.getAttribute('data-quiz-id'))!;
    const answer = (await quiz.getAttribute('data-answer'))!;
    expect(await quiz.locator('fieldset > legend').textContent()).toMatch(/^Question 1: \S/);
    const radios = quiz.locator('input[type="radio"]');
    expect(await radios.count()).toBeGreaterThanOrEqual(3);
    const wrong = answer === 'A' ? 1 : 0;
    const wrongLetter = String.fromCharCode(65 + wrong);

    await radios.first().focus();
    await page.keyboard.press('Space');
    await chooseAndCheck(page, 0, wrong);
    const feedback = quiz.getByTestId('quiz-feedback');
    expect(await feedback.getAttribute('role')).toBe('status');
    await expect.poll(() => feedback.textContent()).toMatch(new RegExp(`^Not quite\\. You chose ${wrongLetter}: `));
    const explanation = (await quiz.locator(`.quiz__explanations > li[data-option="${wrongLetter}"]`).textContent())!
      .replace(/^\S+ · \w+ /, '')
      .trim();
    expect(await feedback.textContent()).toContain(explanation);
    expect(await quiz.locator(`label[data-option="${wrongLetter}"]`).getAttribute('class')).toContain('is-wrong');

    await page.keyboard.press('Shift+Tab'); // back into the radio group, on the checked option
    await chooseAndCheck(page, wrong, indexOf(answer));
    await expect.poll(() => feedback.textContent()).toMatch(new RegExp(`^Right\\. You chose ${answer}: `));
    expect(await quiz.locator(`label[data-option="${answer}"]`).getAttribute('class')).toContain('is-right');
    expect(await quiz.locator('.is-wrong').count()).toBe(0);
    // The first answer is the grade: the question is in box 1, due at once.
    expect(await storedCard(page, id)).toMatchObject({ box: 1, right: false });
    expect(await page.getByTestId('quiz-score').textContent()).toMatch(/^Self-check: 1 of \d answered, 0 right/);
  });

  it('list the question missed on the review page, and only that one, answerable there', async () => {
    const { page } = checked;
    await page.goto(base + NOTE);
    const id = (await page.getByTestId('quiz-question').first().getAttribute('data-quiz-id'))!;
    await page.goto(`${base}/en/review/`);
    await page.waitForSelector('[data-review-ready]');
    const visible = page.locator('[data-testid="review-item"]:visible');
    expect(await visible.count()).toBe(1);
    expect(await visible.first().getAttribute('data-review-id')).toBe(id);
    expect(await page.getByTestId('review-status').textContent()).toBe('Questions due for review: 1.');
    expect(await page.getByTestId('review-no-script').isVisible()).toBe(false);
    const back = visible.first().locator('.review__from a');
    expect(await back.getAttribute('href')).toBe(`${NOTE}#${id}`);

    const quiz = visible.first().getByTestId('quiz-question');
    const answer = (await quiz.getAttribute('data-answer'))!;
    await quiz.locator(`input[value="${answer}"]`).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => quiz.getByTestId('quiz-feedback').textContent()).toMatch(/^Right\./);
    expect(await storedCard(page, id)).toMatchObject({ box: 2, right: true });
    await expect
      .poll(() => page.getByTestId('review-status').textContent())
      .toMatch(/^Nothing is due now\. Next review: /);
    // Still in view, with its explanation, until the page is left.
    expect(await visible.count()).toBe(1);
  });

  it('bring the question back when its box’s days have passed, and show every question on request', async () => {
    const { page } = checked;
    await page.goto(`${base}/en/review/`);
    await page.waitForSelector('[data-review-ready]');
    expect(await page.locator('[data-testid="review-item"]:visible').count()).toBe(0);
    const total = await page.getByTestId('review-item').count();
    const showAll = page.locator('[data-review-show-all]');
    await showAll.focus();
    await page.keyboard.press('Enter');
    expect(await showAll.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('[data-testid="review-item"]:visible').count()).toBe(total);

    // Two days later, by the stored clock.
    await page.evaluate(() => {
      const deck = JSON.parse(localStorage.getItem('dln-review')!) as Record<string, { due: number }>;
      for (const card of Object.values(deck)) card.due -= 2 * 24 * 60 * 60 * 1000;
      localStorage.setItem('dln-review', JSON.stringify(deck));
    });
    await page.reload();
    await page.waitForSelector('[data-review-ready]');
    expect(await page.locator('[data-testid="review-item"]:visible').count()).toBe(1);
  });

  it('count the answers in the progress summary', async () => {
    const { page } = checked;
    await page.goto(`${base}/en/`);
    await expect.poll(() => page.getByTestId('quiz-progress').textContent()).toMatch(/^Self-checks: 1 of \d+ right$/);
    // Beside the note in the roadmap; notes whose questions were never answered show nothing.
    const note = page.locator(`.roadmap-list a[href="${NOTE}"] ~ .roadmap-list__quiz`);
    expect(await note.textContent()).toMatch(/^self-check 1\/[3-5] right$/);
    expect(await note.isVisible()).toBe(true);
    expect(await page.locator('.roadmap-list__quiz:visible').count()).toBe(1);
  });

  it('open an exercise’s solution from the keyboard', async () => {
    const { page } = checked;
    await page.goto(base + NOTE);
    const solution = page.getByTestId('exercise').first().locator('details');
    await solution.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await solution.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  });

  it('pass axe in both themes once answered', async () => {
    const { page } = checked;
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(base + NOTE);
      const quiz = await firstLiveQuiz(page);
      await quiz.locator('input[type="radio"]').nth(0).check();
      await quiz.getByTestId('quiz-check').click();
      await quiz.locator('input[type="radio"]').nth(1).check();
      await quiz.getByTestId('quiz-check').click();
      const results = await new AxeBuilder({ page })
        .include('.quiz')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
        .analyze();
      expect(
        results.violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    }
  });
});

describe('self-check questions and the review page, without JavaScript', () => {
  const checked = useCheckedPage({ javaScriptEnabled: false });

  it('keep the answer and every option’s explanation readable in a <details>', async () => {
    const { page } = checked;
    await page.goto(base + NOTE);
    const quiz = page.getByTestId('quiz-question').first();
    expect(await quiz.locator('input').count()).toBe(0);
    const options = await quiz.locator('.quiz__options > li').count();
    const answer = quiz.locator('details.quiz__answer');
    await answer.locator('summary').click();
    expect(await answer.locator('.quiz__explanations > li').count()).toBe(options);
    expect(await answer.locator('.quiz__explanations > li').first().isVisible()).toBe(true);
    expect(await answer.textContent()).toContain(`Right: ${await quiz.getAttribute('data-answer')}`);
  });

  it('list every question on the review page and say that review needs JavaScript', async () => {
    const { page } = checked;
    await page.goto(`${base}/en/review/`);
    expect(await page.getByTestId('review-no-script').isVisible()).toBe(true);
    const items = page.getByTestId('review-item');
    expect(await items.count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-testid="review-item"]:visible').count()).toBe(await items.count());
    expect(await page.locator('[data-review-show-all]').isVisible()).toBe(false);
  });
});
