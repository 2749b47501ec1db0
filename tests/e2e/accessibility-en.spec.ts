// WCAG 2.2 A and AA on the English pages, light and dark (tests/e2e/support/accessibility.ts says which pages).
import { describeAccessibility } from './support/accessibility.ts';

describeAccessibility('en');
