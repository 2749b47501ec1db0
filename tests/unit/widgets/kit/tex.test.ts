import { describe, expect, it } from 'vitest';
import { tex } from '../../../../src/widgets/kit/tex.ts';

describe('tex (widget formulas)', () => {
  it('renders KaTeX markup with MathML', () => {
    const html = tex('\\theta \\leftarrow \\theta - \\eta \\nabla L');
    expect(html).toContain('class="katex"');
    expect(html).toContain('<math');
  });

  it.each([
    ['\\href{javascript:alert(1)}{x}', /may not use \\href/],
    ['\\url{https://example.org}', /may not use \\url/],
    ['\\htmlStyle{position:fixed}{x}', /may not use \\htmlStyle/],
    ['\\includegraphics{/x.png}', /may not use \\includegraphics/],
  ])('refuses %s instead of drawing it in red', (source, message) => {
    expect(() => tex(source)).toThrow(message);
  });

  it('refuses a formula KaTeX cannot parse', () => {
    expect(() => tex('\\frac{1}{')).toThrow();
  });
});
