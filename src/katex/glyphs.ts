// Why: a page with math downloads every KaTeX font its formulas touch, whole (Main-Regular alone is 26 KB), and
// those downloads hold back the first paint. The build subsets each font to the characters the site's formulas
// render in it (src/katex/subset-fonts.ts); this module works out which characters those are. It reads
// them off KaTeX's own stylesheet rather than a hand-kept table, so a KaTeX update keeps working: the @font-face
// rules say which file holds each (family, weight, style), the rules that set a font (`.katex .mathnormal`,
// `.katex .delimsizing.size1`, …) are matched against each formula's elements (src/katex/font-rules.ts) and
// applied the way the cascade does (specificity, rule order, !important, inheritance), and every character of
// text is attributed to the file the browser's font matching picks for it. Where that cannot be known for sure
// (a rule inside `@media`, a selector that depends on the page around the formula or on `:hover`, a family list
// that names several KaTeX fonts), the character is counted for every font it could plausibly use: a glyph
// missing from a subset silently renders in a fallback font, while an extra one costs a few bytes (and a
// character a font lacks costs nothing at all).
import { isTag, isText, type Element } from 'domhandler';
import type { FontDeclaration, FontFace, FontStyleName, WeightValue } from './font-declarations.ts';
import { DRAWN_CLASS, formulasIn } from './formula-dom.ts';
import {
  inlineFontDeclarations,
  readFontRules,
  SPECIFICITY_INLINE,
  type FontRule,
  type RankedDeclaration,
  type RuleIndex,
} from './font-rules.ts';

export type { FontFace, FontStyleName } from './font-declarations.ts';

/** The three properties that pick a font face, as computed on an element. */
export interface ComputedFont {
  /** `font-family`, first choice first, unquoted; empty for the browser's default font. */
  readonly families: readonly string[];
  /** `font-weight` as a number: normal = 400, bold = 700. */
  readonly weight: number;
  readonly style: FontStyleName;
}

/** Characters per font file name. */
export type GlyphsByFont = Map<string, Set<string>>;

/** KaTeX's stylesheet read for fonts: its faces, and what each formula element's font resolves to. */
export interface FontResolver {
  readonly faces: readonly FontFace[];
  /**
   * The files a run of text in `font` can be drawn from: for each family in the list that has faces, the face
   * CSS font matching picks (https://www.w3.org/TR/css-fonts-4/#font-style-matching). Every family with faces
   * counts, not only the first, because a character missing from one font falls back to the next family.
   */
  filesFor(font: ComputedFont): readonly string[];
  /** @internal the rules that set font-family, -weight, -style or content, indexed by their subject. */
  readonly rules: RuleIndex;
}

/** The font in force outside any rule: the browser default family, normal weight and style. */
const INITIAL_FONT: ComputedFont = { families: [], weight: 400, style: 'normal' };

/** Faces of one family in the order CSS font matching prefers them for `style`. */
const STYLE_PREFERENCE: Record<FontStyleName, readonly FontStyleName[]> = {
  italic: ['italic', 'oblique', 'normal'],
  oblique: ['oblique', 'italic', 'normal'],
  normal: ['normal', 'oblique', 'italic'],
};

/** The faces of one family CSS font matching picks for a weight and style (several only for equal ones). */
export function matchFaces(faces: readonly FontFace[], weight: number, style: FontStyleName): FontFace[] {
  const styled = STYLE_PREFERENCE[style]
    .map((s) => faces.filter((face) => face.style === s))
    .find((list) => list.length > 0);
  if (!styled) return [];
  const exact = styled.filter((face) => face.weight[0] <= weight && weight <= face.weight[1]);
  if (exact.length > 0) return exact;
  // Weights 400–500 look up to 500 first, then down, then up; lighter weights look down first, bolder ones up.
  const below = styled.filter((face) => face.weight[1] < weight);
  const above = styled.filter((face) => face.weight[0] > weight);
  const nearestBelow = () => {
    const best = Math.max(...below.map((face) => face.weight[1]));
    return below.filter((face) => face.weight[1] === best);
  };
  const nearestAbove = (list: FontFace[]) => {
    const best = Math.min(...list.map((face) => face.weight[0]));
    return list.filter((face) => face.weight[0] === best);
  };
  if (weight >= 400 && weight <= 500) {
    const upTo500 = above.filter((face) => face.weight[0] <= 500);
    if (upTo500.length > 0) return nearestAbove(upTo500);
    if (below.length > 0) return nearestBelow();
    return nearestAbove(above);
  }
  if (weight < 400) return below.length > 0 ? nearestBelow() : nearestAbove(above);
  return above.length > 0 ? nearestAbove(above) : nearestBelow();
}

function fontKey(font: ComputedFont): string {
  return `${font.families.join(',')}|${font.weight}|${font.style}`;
}

/** Reads a stylesheet (KaTeX's `katex.min.css`) into a font resolver. */
export function createFontResolver(css: string): FontResolver {
  const { faces, rules } = readFontRules(css);
  const byFamily = new Map<string, FontFace[]>();
  for (const face of faces) {
    const key = face.family.toLowerCase();
    byFamily.set(key, [...(byFamily.get(key) ?? []), face]);
  }
  return {
    faces,
    rules,
    filesFor(font) {
      const files = new Set<string>();
      for (const family of font.families) {
        for (const face of matchFaces(byFamily.get(family.toLowerCase()) ?? [], font.weight, font.style)) {
          files.add(face.file);
        }
      }
      return [...files];
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The cascade over a formula's elements

/** The declarations of rules that style the element itself (not a pseudo-element); `content` does not apply there. */
function ownDeclarations(rules: readonly FontRule[]): RankedDeclaration[] {
  return rules
    .filter((rule) => rule.pseudoElement !== 'before' && rule.pseudoElement !== 'after')
    .flatMap((rule) => rule.declarations.filter(({ declaration }) => declaration.property !== 'content'));
}

function outranks(a: RankedDeclaration, b: RankedDeclaration): number {
  const importance = Number(b.declaration.important) - Number(a.declaration.important);
  return importance || b.specificity - a.specificity || b.order - a.order; // highest first
}

/**
 * The values a property can take: those of the uncertain declarations that outrank the first certain one, and
 * the certain one's (or, with none, `undefined`: inherited). `pick` reads the property's value off a declaration.
 */
function possibleValues<V>(
  candidates: readonly RankedDeclaration[],
  pick: (d: FontDeclaration) => V | undefined,
): (V | undefined)[] {
  const values: (V | undefined)[] = [];
  for (const candidate of candidates) {
    const value = pick(candidate.declaration);
    if (value === undefined) continue;
    values.push(value);
    if (candidate.certain) return values;
  }
  values.push(undefined);
  return values;
}

function resolveWeight(value: WeightValue | undefined, parent: number): number {
  if (value === undefined || value === 'inherit') return parent;
  if (value === 'initial') return 400;
  // https://www.w3.org/TR/css-fonts-4/#relative-weights
  if (value === 'bolder') return parent < 350 ? 400 : parent < 550 ? 700 : 900;
  if (value === 'lighter') return parent < 550 ? 100 : parent < 750 ? 400 : 700;
  return value;
}

/** The fonts an element (or its pseudo-element) can compute, for each font its parent can have. */
function cascade(parents: readonly ComputedFont[], candidates: readonly RankedDeclaration[]): readonly ComputedFont[] {
  if (candidates.length === 0) return parents; // everything inherited
  const sorted = [...candidates].sort(outranks);
  const families = possibleValues(sorted, (d) => (d.property === 'font-family' ? d.value : undefined));
  const weights = possibleValues(sorted, (d) => (d.property === 'font-weight' ? d.value : undefined));
  const styles = possibleValues(sorted, (d) => (d.property === 'font-style' ? d.value : undefined));
  const result = new Map<string, ComputedFont>();
  for (const parent of parents) {
    for (const family of families) {
      for (const weight of weights) {
        for (const style of styles) {
          const font: ComputedFont = {
            families:
              family === undefined || family === 'inherit' ? parent.families : family === 'initial' ? [] : family,
            weight: resolveWeight(weight, parent.weight),
            style: style === undefined || style === 'inherit' ? parent.style : style === 'initial' ? 'normal' : style,
          };
          result.set(fontKey(font), font);
        }
      }
    }
  }
  return [...result.values()];
}

const NO_CLASSES: readonly string[] = [];
const NO_RULES: readonly FontRule[] = [];
const INITIAL_FONTS: readonly ComputedFont[] = [INITIAL_FONT];

/**
 * The fonts of a formula's elements under one stylesheet. Formulas repeat the same few elements
 * (`<span class="mord mathnormal">`) thousands of times over a site: their classes, inline styles and cascaded
 * fonts are worked out once for all pages.
 */
class FormulaStyles {
  readonly resolver: FontResolver;
  private readonly classLists = new Map<string, readonly string[]>();
  private readonly inlineStyles = new Map<string, readonly RankedDeclaration[]>();
  /** The fonts an element computes, by its parent's fonts and the rules and inline style it has. */
  private readonly cascades = new Map<readonly ComputedFont[], Map<string, readonly ComputedFont[]>>();
  /** By the font object: those of elements come out of `cascades`, one object for each value. */
  private readonly files = new WeakMap<ComputedFont, readonly string[]>();

  constructor(resolver: FontResolver) {
    this.resolver = resolver;
  }

  classesOf(element: Element): readonly string[] {
    const attribute = element.attribs['class'];
    if (attribute === undefined) return NO_CLASSES;
    let classes = this.classLists.get(attribute);
    if (!classes) this.classLists.set(attribute, (classes = attribute.split(/[\t\n\f\r ]+/).filter(Boolean)));
    return classes;
  }

  rulesMatching(element: Element, classes: readonly string[]): readonly FontRule[] {
    let matched: FontRule[] | undefined;
    const consider = (rules: readonly FontRule[] | undefined) => {
      for (const rule of rules ?? NO_RULES) if (rule.matches(element)) (matched ??= []).push(rule);
    };
    const { byClass, byTag, any } = this.resolver.rules;
    for (const name of classes) consider(byClass.get(name));
    consider(byTag.get(element.name));
    consider(any);
    return matched ?? NO_RULES;
  }

  /** The fonts an element with these rules computes, inside a parent with `parentFonts`. */
  fontsOf(element: Element, rules: readonly FontRule[], parentFonts: readonly ComputedFont[]): readonly ComputedFont[] {
    const style = element.attribs['style'];
    const inline = style?.includes('font') ? this.inlineStyle(style) : undefined;
    if (rules.length === 0 && !inline) return parentFonts;
    const key = `${rules.map((rule) => rule.order).join(',')}|${inline ? style : ''}`;
    let byRules = this.cascades.get(parentFonts);
    if (!byRules) this.cascades.set(parentFonts, (byRules = new Map()));
    let fonts = byRules.get(key);
    if (!fonts) byRules.set(key, (fonts = cascade(parentFonts, [...ownDeclarations(rules), ...(inline ?? [])])));
    return fonts;
  }

  filesFor(font: ComputedFont): readonly string[] {
    let files = this.files.get(font);
    if (!files) this.files.set(font, (files = this.resolver.filesFor(font)));
    return files;
  }

  private inlineStyle(style: string): readonly RankedDeclaration[] {
    let candidates = this.inlineStyles.get(style);
    if (!candidates) {
      candidates = inlineFontDeclarations(style).flatMap((declaration) =>
        declaration.property === 'content'
          ? []
          : [{ declaration, specificity: SPECIFICITY_INLINE, order: 0, certain: true }],
      );
      this.inlineStyles.set(style, candidates);
    }
    return candidates;
  }
}

const stylesByResolver = new WeakMap<FontResolver, FormulaStyles>();

/** Walks the formulas of a page, attributing their characters to font files. */
class FormulaWalker {
  readonly glyphs: GlyphsByFont = new Map();
  private readonly styles: FormulaStyles;

  constructor(styles: FormulaStyles) {
    this.styles = styles;
  }

  walk(element: Element, parentFonts: readonly ComputedFont[], parentDrawn: boolean): void {
    const classes = this.styles.classesOf(element);
    const rules = this.styles.rulesMatching(element, classes);
    const fonts = this.styles.fontsOf(element, rules, parentFonts);
    // Only `.katex-html` is drawn in KaTeX's fonts: the MathML copy is clipped to a pixel.
    const drawn = parentDrawn || classes.includes(DRAWN_CLASS);
    if (drawn && rules.some((rule) => rule.pseudoElement !== undefined)) this.addPseudoElements(element, rules, fonts);
    for (const child of element.children) {
      if (isTag(child)) this.walk(child, fonts, drawn);
      else if (drawn && isText(child)) this.addChars(fonts, child.data);
    }
  }

  /** What `::before` and `::after` insert, in their own fonts. */
  private addPseudoElements(element: Element, rules: readonly FontRule[], fonts: readonly ComputedFont[]): void {
    for (const pseudoElement of ['before', 'after'] as const) {
      const declarations = rules.filter((rule) => rule.pseudoElement === pseudoElement).flatMap((r) => r.declarations);
      let text = '';
      for (const { declaration } of declarations) {
        if (declaration.property !== 'content') continue;
        text += declaration.value.text;
        for (const name of declaration.value.attributes) text += element.attribs[name] ?? '';
      }
      if (text) this.addChars(cascade(fonts, declarations), text);
    }
  }

  private addChars(fonts: readonly ComputedFont[], text: string): void {
    if (text.length === 0) return;
    // Collapsible white space is drawn as a space.
    const chars = /[\t\n\r\f]/.test(text) ? `${text.replace(/[\t\n\r\f]/g, '')} ` : text;
    for (const font of fonts) {
      for (const file of this.styles.filesFor(font)) {
        let set = this.glyphs.get(file);
        if (!set) this.glyphs.set(file, (set = new Set()));
        for (const char of chars) set.add(char);
      }
    }
  }
}

/**
 * The characters each font file draws in the formulas of an HTML page: for every KaTeX formula, the text inside
 * its `.katex-html` part (the MathML copy is clipped to a pixel and drawn in the browser's math font), plus what
 * `::before`/`::after` rules insert there (`.eqn-num:before`'s equation number).
 */
export function katexGlyphs(html: string, resolver: FontResolver): GlyphsByFont {
  let styles = stylesByResolver.get(resolver);
  if (!styles) stylesByResolver.set(resolver, (styles = new FormulaStyles(resolver)));
  const walker = new FormulaWalker(styles);
  for (const root of formulasIn(html)) walker.walk(root, INITIAL_FONTS, false);
  return walker.glyphs;
}

/** Adds every character of `from` to `into`, font by font; returns `into`. */
export function mergeGlyphs(into: GlyphsByFont, from: GlyphsByFont): GlyphsByFont {
  for (const [file, chars] of from) {
    const set = into.get(file);
    if (set) for (const char of chars) set.add(char);
    else into.set(file, new Set(chars));
  }
  return into;
}
