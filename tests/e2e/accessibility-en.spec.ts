// WCAG 2.2 A and AA on the English pages, light and dark (tests/e2e/support/accessibility.ts says which pages).
import { expect, it } from 'vitest';
import { describeAccessibility, lightPagesOf } from './support/accessibility.ts';

describeAccessibility('en');

it('checks the home page and every note of its language', () => {
  const pages = lightPagesOf('en');
  expect(pages).toContain('/en/');
  expect(pages).toContain('/en/notes/neuron/');
  expect(pages.filter((path) => path.includes('/notes/')).length).toBeGreaterThanOrEqual(15);
});
