// WCAG 2.2 A and AA on the Chinese pages, light and dark (tests/e2e/support/accessibility.ts says which pages).
import { expect, it } from 'vitest';
import { describeAccessibility, lightPagesOf } from './support/accessibility.ts';

describeAccessibility('zh');

it('checks the home page and every note of its language', () => {
  const pages = lightPagesOf('zh');
  expect(pages).toContain('/');
  expect(pages).toContain('/notes/neuron/');
  expect(pages.filter((path) => path.includes('/notes/')).length).toBeGreaterThanOrEqual(15);
});
