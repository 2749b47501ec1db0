import { describe, expect, it } from 'vitest';
import { checkMath } from '../../../scripts/import/jekyll.ts';

describe("the importer's formula check", () => {
  it('keeps a formula the build renders', () => {
    expect(checkMath('\\frac{a}{b} + \\textcolor{blue}{x}', false)).toBe(true);
    expect(checkMath('\\sum_{i=1}^n i', true)).toBe(true);
  });

  it.each([
    '\\href{javascript:alert(1)}{x}',
    '\\href{javascript&colon;alert(1)}{x}',
    '\\url{https://example.org}',
    '\\includegraphics{https://example.org/x.png}',
    '\\htmlClass{a}{x}',
    '\\htmlData{a=b}{x}',
  ])('does not keep %s as math: the build would refuse it', (tex) => {
    expect(checkMath(tex, false)).toBe(false);
    expect(checkMath(tex, true)).toBe(false);
  });

  it('does not keep a formula past the build’s expansion limit', () => {
    expect(checkMath('\\def\\a{\\a\\a}\\a', false)).toBe(false);
  });
});
