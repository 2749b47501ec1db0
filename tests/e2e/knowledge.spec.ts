// The connected knowledge base: hover previews (mouse and keyboard), the concept graph, backlinks and
// reading progress that survives a reload.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, watchProblems, type Session } from './support/browser.ts';

/** The notes a language has, as the site lists them: one file each in content/notes/<lang>/. */
const notesIn = (lang: 'zh' | 'en') => readdirSync(`content/notes/${lang}`).filter((f) => /\.mdx?$/.test(f)).length;
const base = inject('baseUrl');

describe('the connected notes', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser({ viewport: { width: 1300, height: 900 } });
  });
  afterAll(() => session.close());

  it('previews a linked note on hover, and a linked section on keyboard focus; Esc closes', async () => {
    const page = await session.context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${base}/en/notes/roadmap/`);
    const link = page.locator('.prose a[href="/en/notes/neuron/"]').first();
    await link.hover();
    const preview = page.getByTestId('link-preview');
    await expect.poll(() => preview.isVisible()).toBe(true);
    expect(await preview.locator('strong').textContent()).toBe('The neuron');
    expect(await link.getAttribute('aria-describedby')).toBe('link-preview');
    await page.keyboard.press('Escape');
    expect(await preview.isVisible()).toBe(false);

    // A link to a heading shows that section. Make one in the page and reach it by Tab.
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = '/en/notes/neuron/#worked-example';
      a.textContent = 'worked example';
      document.querySelector('.prose p')!.append(' ', a);
    });
    await page.mouse.move(0, 0);
    await page.locator('.prose a[href="/en/notes/neuron/#worked-example"]').focus();
    await expect.poll(() => preview.isVisible()).toBe(true);
    expect(await preview.locator('strong').textContent()).toBe('The neuron › Worked example');
    expect(await preview.textContent()).toMatch(/0\.5/);
    await page.keyboard.press('Escape');
    expect(await preview.isVisible()).toBe(false);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('lists the notes that link to a note', async () => {
    const page = await session.context.newPage();
    await page.goto(`${base}/notes/neuron/`);
    const titles = await page.getByTestId('backlinks').locator('a').allTextContents();
    expect(titles).toContain('激活函数');
    expect(titles).not.toContain('神经元');
  });

  it('draws the concept graph with a link per note, prerequisites above their notes', async () => {
    const page = await session.context.newPage();
    await page.goto(`${base}/en/graph/`);
    const nodes = page.locator('.concept-graph__node');
    expect(await nodes.count()).toBe(notesIn('en'));
    const y = async (slug: string) =>
      Number(await page.locator(`.concept-graph__node[data-slug="${slug}"] rect`).getAttribute('y'));
    expect(await y('neuron')).toBeLessThan(await y('activation-functions'));
    await page.locator('.concept-graph__node[data-slug="neuron"]').focus();
    expect(await page.locator('[data-concept-graph]').getAttribute('class')).toMatch(/is-focused/);
    expect(await page.locator('.concept-graph__node[data-slug="activation-functions"]').getAttribute('class')).toMatch(
      /is-neighbour/,
    );
    const width = Number(await page.locator('[data-concept-graph] svg').getAttribute('width'));
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(Number(await page.locator('[data-concept-graph] svg').getAttribute('width'))).toBeCloseTo(width * 1.25);
  });

  it('keeps reading progress across a reload and shows it on the roadmap and the graph; it can be cleared', async () => {
    const page = await session.context.newPage();
    await page.goto(`${base}/notes/neuron/`);
    const toggle = page.getByTestId('mark-studied');
    await toggle.click(); // the first click also loads the progress code
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    // The progress code loads on demand (something is stored now), so the state appears shortly after load.
    await expect.poll(() => page.getByTestId('mark-studied').getAttribute('aria-pressed')).toBe('true');

    await page.goto(`${base}/`);
    await expect
      .poll(() => page.getByTestId('progress-summary').textContent())
      .toMatch(new RegExp(`已学 1 / ${notesIn('zh')}`));
    expect(await page.locator('.roadmap-list a[data-progress-slug="neuron"]').getAttribute('class')).toMatch(
      /is-studied/,
    );
    await page.goto(`${base}/en/graph/`);
    await expect
      .poll(() => page.locator('.concept-graph__node[data-slug="neuron"]').getAttribute('class'))
      .toMatch(/is-studied/);
    await page.getByRole('button', { name: 'Clear progress' }).click();
    expect(await page.locator('.concept-graph__node[data-slug="neuron"]').getAttribute('class')).not.toMatch(
      /is-studied/,
    );
    expect(await page.evaluate(() => localStorage.getItem('dln-studied'))).toBeNull();
  });
});
