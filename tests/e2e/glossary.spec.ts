// Glossary terms at their first use in a note (src/pipeline/render/rehype-glossary-terms.ts): a link to the
// glossary described by the term's definition, which shows on hover and on keyboard focus (src/client/previews.ts),
// in both themes and both languages; without JavaScript the link leads to the definition.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { Glossary } from '../../src/lib/content/glossary.ts';
import { openBrowser } from './support/browser.ts';
import { useCheckedPage } from './support/page.ts';

const base = inject('baseUrl');
const glossary = JSON.parse(readFileSync('content/glossary.json', 'utf8')) as Glossary;
const term = (name: string) => glossary.groups.flatMap((group) => group.terms).find((t) => t.term === name)!;

/** Every marked term of the page: its text, where it leads, and the text of the definition describing it. */
function markedTerms(page: Page) {
  return page.locator('a.glossary-term').evaluateAll((links) =>
    links.map((link) => {
      const definition = document.getElementById(link.getAttribute('aria-describedby') ?? '');
      return {
        text: link.textContent,
        href: link.getAttribute('href'),
        title: definition?.dataset.title,
        definitionHidden: definition?.hidden,
        definition: definition?.textContent,
        inside: link.parentElement!.closest('h1, h2, h3, h4, h5, h6, a, code, pre, .katex, nav')?.tagName ?? null,
      };
    }),
  );
}

describe('glossary terms in notes', () => {
  const checked = useCheckedPage({ viewport: { width: 1300, height: 900 }, colorScheme: 'light' });

  it('marks the first use of each term, in prose only, described by its hidden definition', async () => {
    const { page } = checked;
    await page.goto(`${base}/en/notes/neuron/`);
    const terms = await markedTerms(page);
    expect(terms.length).toBeGreaterThan(5);
    const titles = terms.map((t) => t.title);
    expect(new Set(titles).size).toBe(titles.length); // each term once
    for (const t of terms) {
      expect(t.href, t.text).toMatch(/^\/en\/notes\/glossary\/#term-[\w-]+$/);
      expect(t.definitionHidden, t.text).toBe(true);
      expect(t.definition!.length, t.text).toBeGreaterThan(20);
      expect(t.inside, t.text).toBeNull();
    }
    const relu = terms.find((t) => t.text === 'ReLU')!;
    expect(relu).toMatchObject({ title: 'ReLU · rectified linear unit' });
    expect(relu.definition).toContain(': positive values pass unchanged, negative ones become 0');
    // The neuron note explains neurons, weights and biases itself: those are not marked there.
    expect(titles).not.toContain('Neuron');
    expect(titles).not.toContain('Weight');
  });

  it('shows the definition on hover, with its formula, and closes on Esc', async () => {
    const { page } = checked;
    await page.goto(`${base}/en/notes/neuron/`);
    const relu = page.locator('a.glossary-term', { hasText: /^ReLU$/ });
    const describedBy = await relu.getAttribute('aria-describedby');
    await relu.hover();
    const tooltip = page.getByTestId('link-preview');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.locator('strong').textContent()).toBe('ReLU · rectified linear unit');
    expect(await tooltip.locator('p').textContent()).toContain('negative ones become 0');
    expect(await tooltip.locator('math').count()).toBe(1); // max(0, z), as MathML
    // The link keeps its own description (the definition), not the floating copy.
    expect(await relu.getAttribute('aria-describedby')).toBe(describedBy);
    const box = (await tooltip.boundingBox())!;
    const link = (await relu.boundingBox())!;
    expect(box.y).toBeGreaterThan(link.y); // next to the term, below it where it fits
    await page.keyboard.press('Escape');
    expect(await tooltip.isVisible()).toBe(false);
  });

  it('shows the definition on keyboard focus, in the dark theme too', async () => {
    const { page } = checked;
    await page.goto(`${base}/en/notes/neuron/`);
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await page.mouse.move(0, 0);
    const sigmoid = page.locator('a.glossary-term', { hasText: /^sigmoid$/i });
    await sigmoid.focus();
    const tooltip = page.getByTestId('link-preview');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.locator('strong').textContent()).toBe('Sigmoid · sigmoid (logistic) function');
    expect(await tooltip.textContent()).toContain('squashes any real number into (0, 1)');
    const [background, colour] = await tooltip.evaluate((el) => [
      getComputedStyle(el).backgroundColor,
      getComputedStyle(el).color,
    ]);
    expect(background).toBe('rgb(17, 20, 24)'); // the dark theme's --bg
    expect(colour).toBe('rgb(228, 231, 235)');
    await page.keyboard.press('Tab'); // focus leaves: the tooltip goes
    await expect.poll(() => tooltip.isVisible()).toBe(false);
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  });

  it('speaks Chinese on a Chinese note', async () => {
    const { page } = checked;
    await page.goto(`${base}/notes/neuron/`);
    const terms = await markedTerms(page);
    const activation = terms.find((t) => t.title === '激活函数')!;
    expect(activation.href).toMatch(/^\/notes\/glossary\/#/);
    expect(activation.definition).toBe(term('Activation function').definition.zh);
    await page.locator('a.glossary-term', { hasText: /^激活函数$/ }).hover();
    await expect
      .poll(() => page.getByTestId('link-preview').textContent())
      .toContain(term('Activation function').definition.zh);
  });

  it('leads to the term in the glossary without JavaScript', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const noScript = await plain.context.newPage();
      await noScript.goto(`${base}/en/notes/neuron/`);
      const relu = noScript.locator('a.glossary-term', { hasText: /^ReLU$/ });
      await relu.click();
      await noScript.waitForURL(/\/en\/notes\/glossary\/#term-relu$/);
      // The link opens the term's row, marked as the target, and scrolled into view.
      const row = noScript.locator('tr:target');
      expect(await row.locator('td').first().textContent()).toBe('ReLU');
      expect(await row.textContent()).toContain('which makes deep networks trainable');
      expect(await row.isVisible()).toBe(true);
      expect(await row.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 243, 176)'); // --mark
      const box = (await row.boundingBox())!;
      expect(box.y).toBeGreaterThan(0);
      expect(box.y).toBeLessThan(900);
    } finally {
      await plain.close();
    }
  });
});
