// Exercises and self-check questions, as a reader meets them at the end of a note: readable and answerable
// without JavaScript (the solutions and answers open from <details>), by keyboard.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Session } from './support/browser.ts';

const base = inject('baseUrl');
const NOTE = '/en/notes/training-deep-networks/';

describe('exercises and self-checks', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser({ javaScriptEnabled: false });
  });
  afterAll(() => session.close());

  it('number the exercises and open a solution from the keyboard, with no script', async () => {
    const page = await session.context.newPage();
    await page.goto(base + NOTE);
    const exercises = page.getByTestId('exercise');
    expect(await exercises.count()).toBeGreaterThanOrEqual(4);
    const first = exercises.first();
    expect(await first.locator('.exercise__title').textContent()).toMatch(/^Exercise 1: \S/);
    const solution = first.locator('details.exercise__solution');
    expect(await solution.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await solution.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await solution.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect((await solution.innerText()).length).toBeGreaterThan(40);
    await page.close();
  });

  it('list each question’s options without giving the answer away, and explain every option under it', async () => {
    const page = await session.context.newPage();
    await page.goto(base + NOTE);
    const questions = page.getByTestId('quiz-question');
    expect(await questions.count()).toBeGreaterThanOrEqual(3);
    for (const question of await questions.all()) {
      expect(await question.locator('input').count()).toBe(0);
      const options = await question.locator('.quiz__options > li').count();
      expect(options).toBeGreaterThanOrEqual(2);
      expect(await question.locator('.quiz__answer').isVisible()).toBe(true);
      expect(await question.locator('.quiz__explanations > li').count()).toBe(options);
      expect(await question.locator('.quiz__explanations > li').first().isVisible()).toBe(false);
    }
    await page.close();
  });
});
