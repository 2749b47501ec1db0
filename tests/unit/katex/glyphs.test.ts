import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  createFontResolver,
  katexGlyphs,
  matchFaces,
  mergeGlyphs,
  type FontFace,
  type GlyphsByFont,
} from '../../../src/katex/glyphs.ts';

// The stylesheet of the KaTeX that renders the formulas below: the real classes, the real rules.
const KATEX_CSS = readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');
const resolver = createFontResolver(KATEX_CSS);

/** Characters per font file, as sorted strings, for a formula rendered the way rehype-katex renders it. */
function glyphsOf(tex: string, displayMode = false, css = resolver): Record<string, string> {
  return sorted(katexGlyphs(katex.renderToString(tex, { displayMode, strict: 'error' }), css));
}

function sorted(glyphs: GlyphsByFont): Record<string, string> {
  return Object.fromEntries(
    [...glyphs].sort(([a], [b]) => a.localeCompare(b)).map(([file, chars]) => [file, [...chars].sort().join('')]),
  );
}

const ZWSP = '\u200b'; // KaTeX's `.vlist-s` holds one, drawn in the inherited KaTeX_Main

describe('createFontResolver on KaTeX’s stylesheet', () => {
  it('reads every @font-face, with its woff2 file', () => {
    expect(resolver.faces).toHaveLength(20);
    expect(resolver.faces).toContainEqual({
      family: 'KaTeX_Math',
      weight: [700, 700],
      style: 'italic',
      file: 'KaTeX_Math-BoldItalic.woff2',
    });
    expect(resolver.faces.find((f) => f.file === 'KaTeX_SansSerif-Regular.woff2')?.family).toBe('KaTeX_SansSerif');
  });

  it('resolves a family list to the faces font matching picks', () => {
    const main = ['KaTeX_Main', 'Times New Roman', 'serif'];
    expect(resolver.filesFor({ families: main, weight: 400, style: 'normal' })).toEqual(['KaTeX_Main-Regular.woff2']);
    expect(resolver.filesFor({ families: main, weight: 700, style: 'italic' })).toEqual([
      'KaTeX_Main-BoldItalic.woff2',
    ]);
    // KaTeX_Math has only italic faces: upright text in it still gets the italic ones.
    expect(resolver.filesFor({ families: ['KaTeX_Math'], weight: 400, style: 'normal' })).toEqual([
      'KaTeX_Math-Italic.woff2',
    ]);
    expect(resolver.filesFor({ families: ['serif'], weight: 400, style: 'normal' })).toEqual([]);
  });
});

describe('katexGlyphs on real KaTeX output', () => {
  it('puts bold, italic, operators and large operators each in its own font', () => {
    expect(glyphsOf(String.raw`\mathbf{W}x+\sum_i \alpha_i`, true)).toEqual({
      'KaTeX_Main-Bold.woff2': 'W',
      'KaTeX_Main-Regular.woff2': `+${ZWSP}`,
      'KaTeX_Math-Italic.woff2': 'ixα',
      'KaTeX_Size2-Regular.woff2': '∑', // display style: .op-symbol.large-op
    });
    // Inline, the sum is the small operator, from Size1.
    expect(glyphsOf(String.raw`\sum_i`)['KaTeX_Size1-Regular.woff2']).toBe('∑');
  });

  it('takes \\left( \\right) from the size font of the delimiter (a compound selector)', () => {
    expect(glyphsOf(String.raw`\left(\frac{a}{b}\right)`)).toEqual({
      'KaTeX_Main-Regular.woff2': ZWSP,
      'KaTeX_Math-Italic.woff2': 'ab',
      'KaTeX_Size1-Regular.woff2': '()',
    });
    // `.sizing.size3` (a script's size) is not `.delimsizing.size3`.
    expect(glyphsOf(String.raw`x^{a}`)).not.toHaveProperty(['KaTeX_Size3-Regular.woff2']);
    // A tall brace is built from pieces inside `.delimsizing.mult .delim-size4>span`.
    expect(glyphsOf(String.raw`\left\{\begin{matrix}a\\b\\c\\d\end{matrix}\right.`, true)).toMatchObject({
      'KaTeX_Size4-Regular.woff2': '⎧⎨⎩',
    });
  });

  it('draws \\text in KaTeX_Main, upright, and nothing of it in the math italic', () => {
    expect(glyphsOf(String.raw`\text{step}`)).toEqual({ 'KaTeX_Main-Regular.woff2': 'epst' });
  });

  it('follows the cascade through nested classes and font families', () => {
    expect(glyphsOf(String.raw`\mathbb{R}`)).toEqual({ 'KaTeX_AMS-Regular.woff2': 'R' });
    expect(glyphsOf(String.raw`\boldsymbol\sigma`)).toEqual({ 'KaTeX_Math-BoldItalic.woff2': 'σ' });
    // .textbf sets only the weight, .textit only the style: together they pick Main's bold italic.
    expect(glyphsOf(String.raw`\textbf{\textit{a}}`)).toEqual({ 'KaTeX_Main-BoldItalic.woff2': 'a' });
    expect(glyphsOf(String.raw`\mathcal{L}\mathfrak{g}\mathtt{t}`)).toEqual({
      'KaTeX_Caligraphic-Regular.woff2': 'L',
      'KaTeX_Fraktur-Regular.woff2': 'g',
      'KaTeX_Typewriter-Regular.woff2': 't',
    });
  });

  it('ignores the MathML copy and its TeX annotation', () => {
    const html = katex.renderToString(String.raw`\text{step}`, { output: 'htmlAndMathml' });
    expect(html).toContain('<annotation encoding="application/x-tex">');
    const all = [...katexGlyphs(html, resolver).values()].flatMap((chars) => [...chars]);
    expect(all).not.toContain('\\');
    expect(all).not.toContain('{');
  });

  it('decodes character references in formula text, every one HTML names', () => {
    const html = katex.renderToString(String.raw`a<b\&c`);
    expect(html).toContain('&lt;');
    expect(html).toContain('&amp;');
    expect(glyphsOf(String.raw`a<b\&c`)['KaTeX_Main-Regular.woff2']).toBe('&<');
    const page = '<span class="katex"><span class="katex-html">&bigstar;&#x2605;&#8722;&nbsp;</span></span>';
    expect(sorted(katexGlyphs(page, resolver))).toEqual({ 'KaTeX_Main-Regular.woff2': '\u00a0−★' });
  });

  it('reads formulas rendered as HTML only, and draws nothing of those rendered as MathML only', () => {
    const html = katex.renderToString('y', { output: 'html' });
    expect(html).not.toContain('katex-mathml');
    expect(sorted(katexGlyphs(html, resolver))).toEqual({ 'KaTeX_Math-Italic.woff2': 'y' });
    const mathml = katex.renderToString('q', { output: 'mathml' });
    expect(sorted(katexGlyphs(`${mathml}${katex.renderToString('z')}`, resolver))).toEqual({
      'KaTeX_Math-Italic.woff2': 'z',
    });
  });

  it('counts what CSS `content` inserts: the digits and parentheses of an equation number', () => {
    const html = katex.renderToString(String.raw`\begin{equation}x\end{equation}`, { displayMode: true });
    expect(html).toContain('<span class="eqn-num"></span>'); // empty: the number comes from `.eqn-num:before`
    expect(glyphsOf(String.raw`\begin{equation}x\end{equation}`, true)['KaTeX_Main-Regular.woff2']).toBe(
      [...`()-0123456789${ZWSP}`].sort().join(''),
    );
  });

  it('follows KaTeX’s stylesheet rather than a table of its classes', () => {
    const edited = createFontResolver(
      KATEX_CSS.replace('.katex .mathnormal{font-family:KaTeX_Math;', '.katex .mathnormal{font-family:KaTeX_Main;'),
    );
    expect(glyphsOf('x', false, edited)).toEqual({ 'KaTeX_Main-Italic.woff2': 'x' });
  });

  it('reads only formulas: text elsewhere, scripts and comments are not counted', () => {
    const formula = katex.renderToString('y');
    const page = `<!doctype html><title>katex</title><script>let s = '<span class="katex">q</span>';</script>
      <!-- <span class="katex"><span class="katex-html">c</span></span> -->
      <p class="note">Hello <em>world</em></p>${formula}<p>after</p>`;
    expect(sorted(katexGlyphs(page, resolver))).toEqual({ 'KaTeX_Math-Italic.woff2': 'y' });
  });
});

describe('the font each character of real KaTeX output resolves to', () => {
  it.each([
    [String.raw`\mathfrak{g}\mathfrak{A}`, { 'KaTeX_Fraktur-Regular.woff2': 'Ag' }],
    [String.raw`\mathbb{R}^n`, { 'KaTeX_AMS-Regular.woff2': 'R', 'KaTeX_Math-Italic.woff2': 'n' }],
    [
      String.raw`\mathcal{L}(\theta)`,
      { 'KaTeX_Caligraphic-Regular.woff2': 'L', 'KaTeX_Main-Regular.woff2': '()', 'KaTeX_Math-Italic.woff2': 'θ' },
    ],
    [
      String.raw`\boldsymbol{\theta}\boldsymbol{x}^\top`,
      { 'KaTeX_Math-BoldItalic.woff2': 'xθ', 'KaTeX_Main-Regular.woff2': '⊤' },
    ],
    // KaTeX_Main lacks CJK glyphs: they are drawn from the next family, and cost its subset nothing.
    [String.raw`\text{中文}`, { 'KaTeX_Main-Regular.woff2': '中文' }],
    [
      String.raw`\operatorname{softmax}(z)`,
      { 'KaTeX_Main-Regular.woff2': '()afmostx', 'KaTeX_Math-Italic.woff2': 'z' },
    ],
    [
      String.raw`\hat{x}\tilde{a}\bar{y}\dot{z}`,
      { 'KaTeX_Main-Regular.woff2': `^~ˉ˙${ZWSP}`, 'KaTeX_Math-Italic.woff2': 'axyz' },
    ],
    [
      String.raw`\big(\Big[\bigg\{x`,
      {
        'KaTeX_Math-Italic.woff2': 'x',
        'KaTeX_Size1-Regular.woff2': '(',
        'KaTeX_Size2-Regular.woff2': '[',
        'KaTeX_Size3-Regular.woff2': '{',
      },
    ],
    [String.raw`\left(x\right)`, { 'KaTeX_Main-Regular.woff2': '()', 'KaTeX_Math-Italic.woff2': 'x' }],
    // Taller delimiters are SVG paths: no glyph at all.
    [String.raw`\Bigg|`, { 'KaTeX_Main-Regular.woff2': ZWSP }],
  ])('%s', (tex, expected) => {
    expect(glyphsOf(tex)).toEqual(
      Object.fromEntries(Object.entries(expected).map(([f, c]) => [f, [...c].sort().join('')])),
    );
  });
});

describe('katexGlyphs where the font is not certain', () => {
  const faces =
    '@font-face{font-family:A;font-weight:400;font-style:normal;src:url(fonts/A-Regular.woff2) format("woff2"),url(fonts/A-Regular.woff) format("woff")}' +
    '@font-face{font-family:A;font-weight:700;font-style:normal;src:url(fonts/A-Bold.woff2)}' +
    '@font-face{font-family:"B";src:url(fonts/B.woff2)}';
  const formula = (inner: string) => `<span class="katex"><span class="katex-html">${inner}</span></span>`;
  const glyphs = (css: string, inner: string) => sorted(katexGlyphs(formula(inner), createFontResolver(faces + css)));

  it('counts a character for every font a rule it cannot evaluate may give it', () => {
    const css = '.katex{font:normal 1em A,serif}.katex .x:hover{font-family:B}';
    expect(glyphs(css, '<span class="x">h</span><span class="z">s</span>')).toEqual({
      'A-Regular.woff2': 'hs',
      'B.woff2': 'h',
    });
  });

  it('evaluates sibling combinators and structural pseudo-classes inside the formula', () => {
    const css =
      '.katex{font-family:A}.katex .x+.z{font-weight:bold}.katex .y~.z{font-family:B}.katex .z:first-child{font:1em B}';
    expect(glyphs(css, '<span class="x">h</span><span class="z">s</span><i class="z">t</i>')).toEqual({
      'A-Bold.woff2': 's',
      'A-Regular.woff2': 'ht',
    });
  });

  it('counts rules that depend on the page around the formula as ones that may apply', () => {
    const css = '.katex{font-family:A}.katex-display>.katex .w{font-family:B}body .w{font-weight:700}';
    expect(glyphs(css, '<span class="w">w</span>')).toEqual({
      'A-Bold.woff2': 'w',
      'A-Regular.woff2': 'w',
      'B.woff2': 'w',
    });
  });

  it('refuses a font declaration it cannot read, rather than dropping its glyphs', () => {
    expect(() => createFontResolver(faces + '.katex{font:var(--math-font)}')).toThrow(/cannot read `font: var/);
  });

  it('counts rules inside @media as ones that may apply', () => {
    expect(glyphs('.katex{font-family:A}@media print{.katex .p{font-family:B}}', '<span class="p">m</span>')).toEqual({
      'A-Regular.woff2': 'm',
      'B.woff2': 'm',
    });
  });

  it('counts every font of a family list that has faces: a glyph one lacks comes from the next', () => {
    expect(glyphs('.katex{font-family:A,"B",serif}', 'f')).toEqual({ 'A-Regular.woff2': 'f', 'B.woff2': 'f' });
  });

  it('ranks !important, inline styles, specificity and order as the cascade does', () => {
    expect(
      glyphs('.katex{font-family:A}.katex .q{font-family:B}.katex .q{font-family:A}', '<i class="q">o</i>'),
    ).toEqual({ 'A-Regular.woff2': 'o' });
    expect(
      glyphs('.katex{font-family:A}.katex .q.r{font-family:B}.katex .q{font-family:A}', '<i class="q r">s</i>'),
    ).toEqual({ 'B.woff2': 's' });
    expect(
      glyphs('.katex{font-family:A}.katex .q{font-family:B!important}', '<i class="q" style="font-family:A">i</i>'),
    ).toEqual({ 'B.woff2': 'i' });
    expect(glyphs('.katex{font-family:A}', '<i style="font-weight: bold">w</i>')).toEqual({ 'A-Bold.woff2': 'w' });
  });

  it('does not apply a rule whose ancestor part cannot match (`:not`, `>`, classes)', () => {
    const css = '.katex{font-family:A}.katex .m>span{font-family:B}.katex .m span:not(.n){font-weight:700}';
    expect(glyphs(css, '<span class="m"><b><span class="n">d</span><span>e</span></b></span>')).toEqual({
      'A-Bold.woff2': 'e',
      'A-Regular.woff2': 'd',
    });
  });
});

describe('matchFaces', () => {
  const face = (weight: number, style: FontFace['style']): FontFace => ({
    family: 'F',
    weight: [weight, weight],
    style,
    file: `${weight}${style}`,
  });
  const faces = [face(300, 'normal'), face(400, 'normal'), face(700, 'normal'), face(400, 'italic')];
  const pick = (weight: number, style: FontFace['style']) => matchFaces(faces, weight, style).map((f) => f.file);

  it('follows CSS font matching: style first, then the nearest weight in the preferred direction', () => {
    expect(pick(400, 'normal')).toEqual(['400normal']);
    expect(pick(600, 'normal')).toEqual(['700normal']); // above 500: heavier first
    expect(pick(450, 'normal')).toEqual(['400normal']); // 400–500: up to 500, then lighter
    expect(pick(200, 'normal')).toEqual(['300normal']); // below 400: lighter first, then heavier
    expect(pick(700, 'italic')).toEqual(['400italic']); // the italic face wins over weight
    expect(pick(400, 'oblique')).toEqual(['400italic']);
  });
});

describe('mergeGlyphs', () => {
  it('adds the characters of each font', () => {
    const into: GlyphsByFont = new Map([['a.woff2', new Set(['x'])]]);
    mergeGlyphs(
      into,
      new Map([
        ['a.woff2', new Set(['y'])],
        ['b.woff2', new Set(['z'])],
      ]),
    );
    expect(sorted(into)).toEqual({ 'a.woff2': 'xy', 'b.woff2': 'z' });
  });
});
