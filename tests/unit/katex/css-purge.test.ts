import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { classNamesIn, keepRulesFor } from '../../../src/katex/css-purge.ts';

describe('classNamesIn', () => {
  it('collects the class names of every element, with either quote', () => {
    const html = `<span class="katex"><span class='mord mathnormal'>x</span><p class="">y</p></span>`;
    expect([...classNamesIn(html)].sort()).toEqual(['katex', 'mathnormal', 'mord']);
  });
});

describe('keepRulesFor', () => {
  const css =
    '@font-face{font-family:KaTeX_Main;src:url(/f.woff2)}.katex{font:normal 1.21em KaTeX_Main}' +
    '.katex .mfrac .frac-line{border-bottom-style:solid}.katex .sqrt>.root{margin-left:.27em}' +
    '.katex .eqn-num:before{content:"(" counter(katexEqnNo) ")"}body{counter-reset:katexEqnNo}' +
    '.katex .textbf,.katex .mathbf{font-weight:700}img[src$=".svg"]{padding:0}';

  it('keeps the rules whose classes the page uses, at-rules, and rules that name no class', () => {
    expect(keepRulesFor(css, new Set(['katex', 'mfrac', 'frac-line', 'mathbf']))).toBe(
      '@font-face{font-family:KaTeX_Main;src:url(/f.woff2)}.katex{font:normal 1.21em KaTeX_Main}' +
        '.katex .mfrac .frac-line{border-bottom-style:solid}body{counter-reset:katexEqnNo}' +
        '.katex .textbf,.katex .mathbf{font-weight:700}img[src$=".svg"]{padding:0}',
    );
  });

  it('does not require the classes a selector excludes with :not()', () => {
    const accent = '.katex .accent .accent-body:not(.accent-full){width:0}';
    expect(keepRulesFor(accent, new Set(['katex', 'accent', 'accent-body']))).toBe(accent);
  });

  it('requires none of the alternatives of :is() and :where(), and all the classes of each compound', () => {
    const alternatives = '.katex :is(.a,.b) .c{width:0}.katex .d.e{width:1px}';
    expect(keepRulesFor(alternatives, new Set(['katex', 'a', 'c', 'd']))).toBe('.katex :is(.a,.b) .c{width:0}');
  });

  it('reads braces inside strings as text', () => {
    const quoted = '.a:before{content:"}{"}.b{color:red}';
    expect(keepRulesFor(quoted, new Set(['a']))).toBe('.a:before{content:"}{"}');
  });

  it('keeps all of KaTeX’s stylesheet for a page that uses every class, and a fraction for a simple formula', () => {
    const katexDir = createRequire(import.meta.url).resolve('katex/dist/katex.min.css');
    const katex = readFileSync(katexDir, 'utf8');
    const every = classNamesIn(
      `<i class="${[...katex.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]).join(' ')}">`,
    );
    expect(keepRulesFor(katex, every)).toBe(katex.replace(/\/\*[\s\S]*?\*\//g, '').trim());
    const simple = classNamesIn(
      '<span class="katex"><span class="katex-mathml"></span><span class="katex-html"><span class="base"><span class="strut"></span><span class="mord mathnormal">x</span></span></span></span>',
    );
    const kept = keepRulesFor(katex, simple);
    expect(kept).toContain('.katex .mathnormal{');
    expect(kept).not.toContain('.mfrac');
    expect(kept.length).toBeLessThan(katex.length / 2);
  });
});
