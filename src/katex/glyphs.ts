// Why: a page with math downloads every KaTeX font its formulas touch, whole (Main-Regular alone is 26 KB), and
// those downloads hold back the first paint. The build subsets each font to the characters the site's formulas
// render in it (src/katex/subset-fonts.ts); this module works out which characters those are. It reads
// them off KaTeX's own stylesheet rather than a hand-kept table, so a KaTeX update keeps working: the @font-face
// rules say which file holds each (family, weight, style), the rules that set a font (`.katex .mathnormal`,
// `.katex .delimsizing.size1`, …) are applied to each formula's element tree the way the cascade does (rule
// order, specificity, !important, inheritance), and every character of text is attributed to the file the
// browser's font matching picks for it. Where that cannot be known for sure (a selector this cannot evaluate,
// such as `:hover` or a sibling combinator, or a family list that names several KaTeX fonts), the character is
// counted for every font it could plausibly use: a glyph missing from a subset silently renders in a fallback
// font, while an extra one costs a few bytes (and a character a font lacks costs nothing at all).
import { cssBlocks } from './css-blocks.ts';

/** A `font-style` keyword (an oblique angle is read as `oblique`). */
export type FontStyleName = 'normal' | 'italic' | 'oblique';

/** The three properties that pick a font face, as computed on an element. */
export interface ComputedFont {
  /** `font-family`, first choice first, unquoted; empty for the browser's default font. */
  readonly families: readonly string[];
  /** `font-weight` as a number: normal = 400, bold = 700. */
  readonly weight: number;
  readonly style: FontStyleName;
}

/** One `@font-face` rule. */
export interface FontFace {
  readonly family: string;
  /** The weights it covers, `[400, 400]` for a single weight. */
  readonly weight: readonly [number, number];
  readonly style: FontStyleName;
  /** The file name of its woff2 source (its first source when it has no woff2): `KaTeX_Main-Regular.woff2`. */
  readonly file: string;
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

// ---------------------------------------------------------------------------------------------------------------
// Reading CSS

type FamilyValue = readonly string[] | 'inherit' | 'initial';
type WeightValue = number | 'bolder' | 'lighter' | 'inherit' | 'initial';
type StyleValue = FontStyleName | 'inherit' | 'initial';

/** What a `content` value can insert: its fixed characters and the attributes (`attr(x)`) it copies. */
interface ContentValue {
  readonly text: string;
  readonly attributes: readonly string[];
}

type Declaration =
  | { readonly property: 'font-family'; readonly value: FamilyValue; readonly important: boolean }
  | { readonly property: 'font-weight'; readonly value: WeightValue; readonly important: boolean }
  | { readonly property: 'font-style'; readonly value: StyleValue; readonly important: boolean }
  | { readonly property: 'content'; readonly value: ContentValue; readonly important: boolean };

interface AttributeTest {
  readonly name: string;
  readonly operator?: '=' | '~=' | '|=' | '^=' | '$=' | '*=' | undefined;
  readonly value?: string | undefined;
  readonly caseInsensitive: boolean;
}

/** A compound selector: everything between two combinators. */
interface Compound {
  readonly tag?: string;
  readonly ids: readonly string[];
  readonly classes: readonly string[];
  readonly attributes: readonly AttributeTest[];
  /** `:not(…)` arguments: the compound matches only where none of these does. */
  readonly not: readonly Compound[];
  /** A pseudo-class this cannot evaluate (`:hover`, `:first-child`, `:is()`…): it may or may not match. */
  readonly uncertain: boolean;
}

type Combinator = ' ' | '>' | '+' | '~';

interface Selector {
  /** Left to right; `combinators[i]` stands between `compounds[i]` and `compounds[i + 1]`. */
  readonly compounds: readonly Compound[];
  readonly combinators: readonly Combinator[];
  /** `before`/`after` for `::before`/`::after`; `other` for a pseudo-element that styles part of the element's own text. */
  readonly pseudoElement?: 'before' | 'after' | 'other';
  /** (ids, classes and pseudo-classes, types and pseudo-elements) packed as one comparable number. */
  readonly specificity: number;
}

interface Rule {
  readonly selector: Selector;
  /** Position in the stylesheet: of two rules equally specific, the later wins. */
  readonly order: number;
  /** Inside `@media` or `@supports`: it may or may not apply. */
  readonly conditional: boolean;
  readonly declarations: readonly Declaration[];
}

/** Rules by the subject of their selector, so an element only tests the rules that can match it. */
export interface RuleIndex {
  readonly byClass: ReadonlyMap<string, readonly Rule[]>;
  readonly byTag: ReadonlyMap<string, readonly Rule[]>;
  readonly any: readonly Rule[];
}

const SPECIFICITY_ID = 1_000_000;
const SPECIFICITY_CLASS = 1_000;
const SPECIFICITY_TYPE = 1;
/** An inline `style` attribute outranks every selector. */
const SPECIFICITY_INLINE = 1_000_000_000;

/** Removes `/* … *\/` comments outside strings. */
function stripComments(css: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (quote) {
      out += c;
      if (c === '\\') out += css[++i] ?? '';
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
      out += c;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 1;
    } else {
      out += c;
    }
  }
  return out;
}

/** Splits at `separator` characters that are outside strings, parentheses and brackets. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** A CSS string or identifier with its escapes (`\\2014 `, `\\"`) resolved. */
function unescapeCss(text: string): string {
  return text.replace(/\\(?:([0-9a-fA-F]{1,6})\s?|([^\n0-9a-fA-F]))/g, (_, hex: string | undefined, char: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16) || 0xfffd) : char,
  );
}

/** `prop: value !important` pairs of a declaration block, property names lower-cased. */
function declarationsOf(body: string): { property: string; value: string; important: boolean }[] {
  const result: { property: string; value: string; important: boolean }[] = [];
  for (const part of splitTopLevel(body, ';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    let value = part.slice(colon + 1).trim();
    const important = /!\s*important\s*$/i.test(value);
    if (important) value = value.replace(/!\s*important\s*$/i, '').trim();
    result.push({ property: part.slice(0, colon).trim().toLowerCase(), value, important });
  }
  return result;
}

/** A `font-family` list: names unquoted, whitespace inside unquoted names collapsed. */
function parseFamilies(value: string): FamilyValue {
  const keyword = value.trim().toLowerCase();
  if (keyword === 'inherit' || keyword === 'unset' || keyword === 'revert' || keyword === 'revert-layer')
    return 'inherit';
  if (keyword === 'initial') return 'initial';
  return splitTopLevel(value, ',')
    .map((name) => name.trim())
    .map((name) => (/^(["']).*\1$/s.test(name) ? unescapeCss(name.slice(1, -1)) : name.replace(/\s+/g, ' ')))
    .filter((name) => name.length > 0);
}

function parseWeight(value: string): WeightValue | undefined {
  const keyword = value.trim().toLowerCase();
  if (keyword === 'normal') return 400;
  if (keyword === 'bold') return 700;
  if (keyword === 'bolder' || keyword === 'lighter' || keyword === 'initial') return keyword;
  if (keyword === 'inherit' || keyword === 'unset' || keyword === 'revert' || keyword === 'revert-layer')
    return 'inherit';
  const number = Number(keyword);
  return Number.isFinite(number) && number >= 1 && number <= 1000 ? number : undefined;
}

function parseStyle(value: string): StyleValue | undefined {
  const keyword = value.trim().toLowerCase().split(/\s+/)[0];
  if (keyword === 'normal' || keyword === 'italic' || keyword === 'oblique' || keyword === 'initial') return keyword;
  if (keyword === 'inherit' || keyword === 'unset' || keyword === 'revert' || keyword === 'revert-layer')
    return 'inherit';
  return undefined;
}

const SYSTEM_FONTS = new Set(['caption', 'icon', 'menu', 'message-box', 'small-caption', 'status-bar']);
const FONT_SIZE =
  /^(?:[+-]?[\d.]+(?:[a-z]+|%)?|xx-small|x-small|small|medium|large|x-large|xx-large|xxx-large|larger|smaller|(?:calc|clamp|min|max|var)\(.*\))(?:\/\S+)?$/i;

/** The `font` shorthand's family, weight and style (the ones it leaves out are reset to normal). */
function parseFontShorthand(value: string): { family: FamilyValue; weight: WeightValue; style: StyleValue } {
  const keyword = value.trim().toLowerCase();
  if (keyword === 'inherit' || keyword === 'unset' || keyword === 'revert' || keyword === 'revert-layer')
    return { family: 'inherit', weight: 'inherit', style: 'inherit' };
  if (keyword === 'initial' || SYSTEM_FONTS.has(keyword)) return { family: [], weight: 400, style: 'normal' };
  // Tokens up to the size are style, variant, weight or stretch; the family list follows the size.
  const tokens = value.trim().split(/\s+/);
  let weight: WeightValue = 400;
  let style: StyleValue = 'normal';
  let i = 0;
  for (; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (FONT_SIZE.test(token) && !/^\d+$/.test(token)) break; // a bare number is a weight, a size has a unit
    const asStyle = parseStyle(token);
    if (asStyle && asStyle !== 'inherit' && asStyle !== 'initial' && token.toLowerCase() !== 'normal') style = asStyle;
    const asWeight = parseWeight(token);
    if (typeof asWeight === 'number' && token.toLowerCase() !== 'normal') weight = asWeight;
    if (asWeight === 'bolder' || asWeight === 'lighter') weight = asWeight;
  }
  const family = parseFamilies(tokens.slice(i + 1).join(' '));
  return { family, weight, style };
}

/** The characters a `content` value can insert (counters as the digits and sign of any number). */
function parseContent(value: string): ContentValue {
  let text = '';
  const attributes: string[] = [];
  const pattern =
    /"((?:[^"\\]|\\[\s\S])*)"|'((?:[^'\\]|\\[\s\S])*)'|counters?\(([^)]*)\)|attr\(\s*([^\s,)]+)[^)]*\)|(open-quote|close-quote)/gi;
  for (const match of value.matchAll(pattern)) {
    if (match[1] !== undefined || match[2] !== undefined) text += unescapeCss(match[1] ?? match[2] ?? '');
    else if (match[3] !== undefined) {
      const args = splitTopLevel(match[3], ',').map((a) => a.trim());
      const styleName = (match[0].toLowerCase().startsWith('counters(') ? args[2] : args[1]) ?? 'decimal';
      text += '0123456789-';
      // Another counter style (roman, alphabetic…) draws its numbers from letters.
      if (styleName.toLowerCase() !== 'decimal') text += 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
      if (match[0].toLowerCase().startsWith('counters(') && args[1]) {
        text += unescapeCss(args[1].replace(/^(["'])([\s\S]*)\1$/, '$2'));
      }
    } else if (match[4] !== undefined) attributes.push(match[4].toLowerCase());
    else if (match[5] !== undefined) text += '“”‘’"\'«»';
  }
  return { text, attributes };
}

/** The font declarations (and `content`) of a declaration block; `font` is expanded into its three longhands. */
function fontDeclarations(body: string): Declaration[] {
  const result: Declaration[] = [];
  for (const { property, value, important } of declarationsOf(body)) {
    if (property === 'font') {
      const { family, weight, style } = parseFontShorthand(value);
      result.push({ property: 'font-style', value: style, important });
      result.push({ property: 'font-weight', value: weight, important });
      result.push({ property: 'font-family', value: family, important });
    } else if (property === 'font-family') {
      result.push({ property, value: parseFamilies(value), important });
    } else if (property === 'font-weight') {
      const weight = parseWeight(value);
      if (weight !== undefined) result.push({ property, value: weight, important });
    } else if (property === 'font-style') {
      const style = parseStyle(value);
      if (style !== undefined) result.push({ property, value: style, important });
    } else if (property === 'content') {
      result.push({ property, value: parseContent(value), important });
    }
  }
  return result;
}

function parseFace(body: string): FontFace | undefined {
  const declarations = new Map(declarationsOf(body).map((d) => [d.property, d.value]));
  const families = parseFamilies(declarations.get('font-family') ?? '');
  const src = declarations.get('src');
  if (!Array.isArray(families) || families.length === 0 || !src) return undefined;
  const urls = [...src.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  const url = urls.find((u) => /\.woff2(?:[?#]|$)/i.test(u)) ?? urls[0];
  if (!url) return undefined;
  const weights = (declarations.get('font-weight') ?? 'normal')
    .split(/\s+/)
    .map((w) => parseWeight(w))
    .filter((w): w is number => typeof w === 'number');
  const style = parseStyle(declarations.get('font-style') ?? 'normal');
  return {
    family: families[0]!,
    weight: [Math.min(...weights, weights[0] ?? 400), Math.max(...weights, weights[0] ?? 400)],
    style: style === 'italic' || style === 'oblique' ? style : 'normal',
    file: url.replace(/[?#].*$/, '').replace(/^.*\//, ''),
  };
}

/** Reads one identifier (class, id, tag or pseudo name) at `i`. */
function readIdentifier(text: string, i: number): { name: string; end: number } {
  const match = /^(?:[-\w\u00a0-\uffff]|\\(?:[0-9a-fA-F]{1,6}\s?|[^\n0-9a-fA-F]))+/.exec(text.slice(i));
  const raw = match?.[0] ?? '';
  return { name: unescapeCss(raw), end: i + raw.length };
}

/** The index of the bracket that closes the one at `i` (`(`…`)` or `[`…`]`), strings skipped. */
function closing(text: string, i: number): number {
  const open = text[i]!;
  const close = open === '(' ? ')' : ']';
  let depth = 0;
  let quote: string | undefined;
  for (let j = i; j < text.length; j++) {
    const c = text[j]!;
    if (quote) {
      if (c === '\\') j++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return j;
  }
  return text.length;
}

function parseAttributeTest(inside: string): AttributeTest | undefined {
  const match =
    /^\s*([-\w|*:]+)\s*(?:([~|^$*]?=)\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s\]]+))\s*([iIsS])?)?\s*$/.exec(
      inside,
    );
  if (!match) return undefined;
  const value = match[3] ?? match[4] ?? match[5];
  return {
    name: match[1]!.replace(/^.*\|/, '').toLowerCase(),
    operator: match[2] as AttributeTest['operator'],
    value: value === undefined ? undefined : unescapeCss(value),
    caseInsensitive: match[6]?.toLowerCase() === 'i',
  };
}

const PSEUDO_ELEMENTS = new Set([
  'first-line',
  'first-letter',
  'marker',
  'selection',
  'placeholder',
  'backdrop',
  'file-selector-button',
]);

/** A selector's compound and combinator chain, or undefined where it is not one this can read. */
function parseSelector(text: string): Selector | undefined {
  const compounds: Compound[] = [];
  const combinators: Combinator[] = [];
  let pseudoElement: Selector['pseudoElement'];
  let ids = 0;
  let classes = 0;
  let types = 0;
  let i = 0;
  const source = text.trim();
  while (i < source.length) {
    // A combinator (or the whitespace of a descendant combinator) before every compound but the first.
    if (compounds.length > 0) {
      const match = /^\s*([>+~])?\s*/.exec(source.slice(i))!;
      if (match[0].length === 0) return undefined;
      combinators.push((match[1] as Combinator | undefined) ?? ' ');
      i += match[0].length;
    }
    if (pseudoElement) return undefined; // a pseudo-element ends a selector
    const compound = {
      tag: undefined as string | undefined,
      ids: [] as string[],
      classes: [] as string[],
      attributes: [] as AttributeTest[],
      not: [] as Compound[],
      uncertain: false,
    };
    const start = i;
    while (i < source.length && !/[\s>+~]/.test(source[i]!)) {
      const c = source[i]!;
      if (c === '*') {
        i++;
      } else if (c === '.' || c === '#') {
        const { name, end } = readIdentifier(source, i + 1);
        if (!name) return undefined;
        if (c === '.') {
          compound.classes.push(name);
          classes++;
        } else {
          compound.ids.push(name);
          ids++;
        }
        i = end;
      } else if (c === '[') {
        const end = closing(source, i);
        const test = parseAttributeTest(source.slice(i + 1, end));
        if (!test) return undefined;
        compound.attributes.push(test);
        classes++;
        i = end + 1;
      } else if (c === ':') {
        const double = source[i + 1] === ':';
        const { name: rawName, end } = readIdentifier(source, i + (double ? 2 : 1));
        const name = rawName.toLowerCase();
        if (!name) return undefined;
        i = end;
        let argument: string | undefined;
        if (source[i] === '(') {
          const close = closing(source, i);
          argument = source.slice(i + 1, close);
          i = close + 1;
        }
        if (name === 'before' || name === 'after') {
          pseudoElement = name;
          types++;
        } else if (double || PSEUDO_ELEMENTS.has(name)) {
          pseudoElement = 'other';
          types++;
        } else if (name === 'not' && argument !== undefined) {
          // Specificity of :not() is that of its most specific argument; a complex argument is not evaluated.
          let most = 0;
          for (const part of splitTopLevel(argument, ',')) {
            const inner = parseSelector(part);
            if (!inner || inner.compounds.length !== 1 || inner.pseudoElement) compound.uncertain = true;
            else compound.not.push(inner.compounds[0]!);
            most = Math.max(most, inner?.specificity ?? SPECIFICITY_CLASS);
          }
          ids += Math.floor(most / SPECIFICITY_ID);
          classes += Math.floor((most % SPECIFICITY_ID) / SPECIFICITY_CLASS);
          types += most % SPECIFICITY_CLASS;
        } else {
          compound.uncertain = true;
          if (name !== 'where') classes++;
        }
      } else {
        const { name, end } = readIdentifier(source, i);
        if (!name || end === i) return undefined;
        compound.tag = name.replace(/^.*\|/, '').toLowerCase();
        types++;
        i = end;
      }
    }
    if (i === start) return undefined;
    const { tag, ...rest } = compound;
    compounds.push(tag === undefined ? rest : { tag, ...rest });
  }
  if (compounds.length === 0) return undefined;
  return {
    compounds,
    combinators,
    ...(pseudoElement ? { pseudoElement } : {}),
    specificity: ids * SPECIFICITY_ID + classes * SPECIFICITY_CLASS + types * SPECIFICITY_TYPE,
  };
}

/** A selector that may match any element: what an unreadable selector is taken as. */
const ANY_UNCERTAIN: Selector = {
  compounds: [{ ids: [], classes: [], attributes: [], not: [], uncertain: true }],
  combinators: [],
  specificity: 0,
};

function collectRules(css: string, rules: Rule[], faces: FontFace[], conditional: boolean): void {
  for (const { prelude, body } of cssBlocks(css)) {
    const at = /^@([-\w]+)/.exec(prelude)?.[1]?.toLowerCase();
    if (at === 'font-face') {
      const face = parseFace(body);
      if (face) faces.push(face);
    } else if (at === 'media' || at === 'supports' || at === 'container' || at === 'document') {
      collectRules(body, rules, faces, true);
    } else if (at === 'layer' || at === 'scope') {
      collectRules(body, rules, faces, conditional || at === 'scope');
    } else if (at === undefined) {
      const declarations = fontDeclarations(body);
      if (declarations.length === 0) continue;
      for (const text of splitTopLevel(prelude, ',')) {
        const selector = parseSelector(text) ?? ANY_UNCERTAIN;
        rules.push({ selector, order: rules.length, conditional, declarations });
      }
    }
    // Other at-rules (@keyframes, @page, @counter-style…) set no font on a formula's elements.
  }
}

function indexRules(rules: readonly Rule[]): RuleIndex {
  const byClass = new Map<string, Rule[]>();
  const byTag = new Map<string, Rule[]>();
  const any: Rule[] = [];
  for (const rule of rules) {
    const subject = rule.selector.compounds.at(-1)!;
    const key = subject.classes[0];
    if (key !== undefined) byClass.set(key, [...(byClass.get(key) ?? []), rule]);
    else if (subject.tag !== undefined) byTag.set(subject.tag, [...(byTag.get(subject.tag) ?? []), rule]);
    else any.push(rule);
  }
  return { byClass, byTag, any };
}

// ---------------------------------------------------------------------------------------------------------------
// Font matching

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

/**
 * Reads a stylesheet (KaTeX's `katex.min.css`) into a font resolver: its `@font-face` rules, and the rules that
 * set `font-family`, `font-weight`, `font-style` (or the `font` shorthand) or `content`. Rules inside `@media`
 * and `@supports` are taken as ones that may or may not apply.
 */
export function createFontResolver(css: string): FontResolver {
  const rules: Rule[] = [];
  const faces: FontFace[] = [];
  collectRules(stripComments(css), rules, faces, false);
  const byFamily = new Map<string, FontFace[]>();
  for (const face of faces) {
    const key = face.family.toLowerCase();
    byFamily.set(key, [...(byFamily.get(key) ?? []), face]);
  }
  const memo = new Map<string, readonly string[]>();
  return {
    faces,
    rules: indexRules(rules),
    filesFor(font) {
      const key = fontKey(font);
      let files = memo.get(key);
      if (!files) {
        const found = new Set<string>();
        for (const family of font.families) {
          for (const face of matchFaces(byFamily.get(family.toLowerCase()) ?? [], font.weight, font.style)) {
            found.add(face.file);
          }
        }
        files = [...found];
        memo.set(key, files);
      }
      return files;
    },
  };
}

function fontKey(font: ComputedFont): string {
  return `${font.families.join(',')}|${font.weight}|${font.style}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The cascade over a formula's elements

/** What a selector needs to know of an element. */
interface ElementInfo {
  readonly tag: string;
  readonly classes: ReadonlySet<string>;
  readonly attributes: ReadonlyMap<string, string>;
}

const NO = 0;
const MAYBE = 1;
const YES = 2;
type Match = typeof NO | typeof MAYBE | typeof YES;

function testAttribute(test: AttributeTest, element: ElementInfo): boolean {
  const actual = element.attributes.get(test.name);
  if (actual === undefined) return false;
  if (test.operator === undefined || test.value === undefined) return true;
  const have = test.caseInsensitive ? actual.toLowerCase() : actual;
  const want = test.caseInsensitive ? test.value.toLowerCase() : test.value;
  switch (test.operator) {
    case '=':
      return have === want;
    case '~=':
      return have.split(/\s+/).includes(want);
    case '|=':
      return have === want || have.startsWith(`${want}-`);
    case '^=':
      return want !== '' && have.startsWith(want);
    case '$=':
      return want !== '' && have.endsWith(want);
    case '*=':
      return want !== '' && have.includes(want);
  }
}

function matchCompound(compound: Compound, element: ElementInfo): Match {
  if (compound.tag !== undefined && compound.tag !== element.tag) return NO;
  for (const name of compound.classes) if (!element.classes.has(name)) return NO;
  for (const id of compound.ids) if (element.attributes.get('id') !== id) return NO;
  for (const test of compound.attributes) if (!testAttribute(test, element)) return NO;
  let result: Match = compound.uncertain ? MAYBE : YES;
  for (const excluded of compound.not) {
    const inner = matchCompound(excluded, element);
    if (inner === YES) return NO;
    if (inner === MAYBE) result = MAYBE;
  }
  return result;
}

/** The class of a formula's root element. Formulas do not nest, so no element above a root has it. */
const ROOT_CLASS = 'katex';

/**
 * Whether `selector` up to compound `k` can match an element above the formula's root: the page's own markup,
 * unknown here except that it is not inside another formula.
 */
function matchAbove(selector: Selector, k: number): Match {
  if (selector.compounds[k]!.classes.includes(ROOT_CLASS)) return NO;
  return k === 0 ? MAYBE : matchAbove(selector, k - 1);
}

/** Whether `selector` up to compound `k` matches `path[i]`; `path[0]` is the formula's root. */
function matchAt(selector: Selector, k: number, path: readonly ElementInfo[], i: number): Match {
  const own = matchCompound(selector.compounds[k]!, path[i]!);
  if (own === NO || k === 0) return own;
  return Math.min(own, matchBefore(selector, k, path, i)) as Match;
}

/** Whether compounds `0…k-1` of `selector` match, given that compound `k` matches an element at depth `i`. */
function matchBefore(selector: Selector, k: number, path: readonly ElementInfo[], i: number): Match {
  const combinator = selector.combinators[k - 1]!;
  if (combinator === '>') return i > 0 ? matchAt(selector, k - 1, path, i - 1) : matchAbove(selector, k - 1);
  if (combinator === ' ') {
    let rest: Match = NO;
    for (let j = i - 1; j >= 0 && rest !== YES; j--) rest = Math.max(rest, matchAt(selector, k - 1, path, j)) as Match;
    return rest === YES ? rest : (Math.max(rest, matchAbove(selector, k - 1)) as Match);
  }
  return matchSibling(selector, k - 1, path, i);
}

/**
 * Whether `selector` up to compound `k` can match a sibling (not tracked: unknown) of the element at depth `i`.
 * It is inside the formula, or above it for a root; either way it is not a formula's root.
 */
function matchSibling(selector: Selector, k: number, path: readonly ElementInfo[], i: number): Match {
  if (selector.compounds[k]!.classes.includes(ROOT_CLASS)) return NO;
  if (k === 0) return MAYBE;
  return Math.min(MAYBE, matchBefore(selector, k, path, i)) as Match;
}

function ruleMatch(rule: Rule, path: readonly ElementInfo[]): Match {
  const match = matchAt(rule.selector, rule.selector.compounds.length - 1, path, path.length - 1);
  return rule.conditional && match === YES ? MAYBE : match;
}

/** A declaration that may apply to an element, with what ranks it in the cascade. */
interface Candidate {
  readonly declaration: Declaration;
  readonly important: boolean;
  readonly specificity: number;
  readonly order: number;
  readonly certain: boolean;
}

function outranks(a: Candidate, b: Candidate): number {
  return (
    Number(b.important) - Number(a.important) || b.specificity - a.specificity || b.order - a.order // highest first
  );
}

/**
 * The values a property can take: those of the uncertain declarations that outrank the first certain one, and
 * the certain one's (or, with none, `undefined`: inherited). `pick` reads the property's value off a declaration.
 */
function possibleValues<V>(
  candidates: readonly Candidate[],
  pick: (d: Declaration) => V | undefined,
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
function cascade(parents: readonly ComputedFont[], candidates: readonly Candidate[]): readonly ComputedFont[] {
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

/** Declarations of the rules that can match the element at the end of `path`, split by the pseudo-element they style. */
function candidatesFor(
  rules: RuleIndex,
  path: readonly ElementInfo[],
  style: string | undefined,
): { own: Candidate[]; before: Candidate[]; after: Candidate[] } {
  const element = path.at(-1)!;
  const seen = new Set<Rule>();
  const own: Candidate[] = [];
  const before: Candidate[] = [];
  const after: Candidate[] = [];
  const consider = (rule: Rule) => {
    if (seen.has(rule)) return;
    seen.add(rule);
    const match = ruleMatch(rule, path);
    if (match === NO) return;
    const pseudo = rule.selector.pseudoElement;
    const target = pseudo === 'before' ? before : pseudo === 'after' ? after : own;
    // `::first-line` and the like style part of the element's own text: they may apply to any of it.
    const certain = match === YES && pseudo !== 'other';
    for (const declaration of rule.declarations) {
      if (declaration.property === 'content' && target === own) continue;
      target.push({
        declaration,
        important: declaration.important,
        specificity: rule.selector.specificity,
        order: rule.order,
        certain,
      });
    }
  };
  for (const name of element.classes) for (const rule of rules.byClass.get(name) ?? []) consider(rule);
  for (const rule of rules.byTag.get(element.tag) ?? []) consider(rule);
  for (const rule of rules.any) consider(rule);
  if (style?.toLowerCase().includes('font')) {
    for (const declaration of fontDeclarations(style)) {
      if (declaration.property === 'content') continue;
      own.push({
        declaration,
        important: declaration.important,
        specificity: SPECIFICITY_INLINE,
        order: 0,
        certain: true,
      });
    }
  }
  return { own, before, after };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading HTML

/** Named character references the HTML serializers of the pipeline write; others are decoded numerically. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwsp: '\u200b',
  zwnj: '\u200c',
  zwj: '\u200d',
  shy: '\u00ad',
  ndash: '\u2013',
  mdash: '\u2014',
  minus: '\u2212',
  hellip: '\u2026',
  middot: '\u00b7',
  times: '\u00d7',
  divide: '\u00f7',
  prime: '\u2032',
  Prime: '\u2033',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  deg: '\u00b0',
  plusmn: '\u00b1',
  copy: '\u00a9',
};

/**
 * Text with its character references decoded. A named reference this does not know throws: its character
 * cannot be put in any font, and a formula would then silently render it in a fallback font.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([a-zA-Z][a-zA-Z0-9]*));/g, (whole, hex, dec, name) => {
    if (hex !== undefined || dec !== undefined) {
      const code = parseInt((hex ?? dec) as string, hex !== undefined ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    const char = NAMED_ENTITIES[name as string];
    if (char === undefined) {
      throw new Error(`katex-glyphs: unknown character reference ${whole} in a formula (add it to NAMED_ENTITIES)`);
    }
    return char;
  });
}

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const ATTRIBUTES = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTES)) {
    const name = match[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

function classesOf(attributes: ReadonlyMap<string, string>): Set<string> {
  return new Set((attributes.get('class') ?? '').split(/[\t\n\f\r ]+/).filter(Boolean));
}

/** Comments, raw-text elements (skipped whole) and start tags, for finding the formulas in a page. */
const PAGE_TOKEN =
  /<!--[\s\S]*?-->|<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>|<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;

/** Inside a formula: comments, end tags, start tags, text. */
const FORMULA_TOKEN =
  /<!--[\s\S]*?-->|<\/([a-zA-Z][\w:-]*)\s*>|<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>|[^<]+|</g;

interface OpenElement {
  readonly info: ElementInfo;
  readonly fonts: readonly ComputedFont[];
  /** Inside `.katex-html`: its text is drawn with KaTeX's fonts (the MathML copy is not). */
  readonly drawn: boolean;
  /** Inside `<svg>` or `<math>`, where `/>` closes an element. */
  readonly foreign: boolean;
}

function addChars(glyphs: GlyphsByFont, resolver: FontResolver, fonts: readonly ComputedFont[], text: string): void {
  if (text.length === 0) return;
  // Collapsible white space is drawn as a space.
  const chars = /[\t\n\r\f]/.test(text) ? `${text.replace(/[\t\n\r\f]/g, '')} ` : text;
  for (const font of fonts) {
    for (const file of resolver.filesFor(font)) {
      let set = glyphs.get(file);
      if (!set) glyphs.set(file, (set = new Set()));
      for (const char of chars) set.add(char);
    }
  }
}

/** Walks one formula from its root's start tag (ending at `from`); returns where the root's end tag ends. */
function walkFormula(
  html: string,
  from: number,
  root: ElementInfo,
  resolver: FontResolver,
  glyphs: GlyphsByFont,
  elements: Map<string, ElementInfo>,
): number {
  const stack: OpenElement[] = [];
  const path: ElementInfo[] = [];
  const open = (info: ElementInfo, style: string | undefined, parent: OpenElement | undefined) => {
    path.push(info);
    const { own, before, after } = candidatesFor(resolver.rules, path, style);
    const fonts = cascade(parent ? parent.fonts : [INITIAL_FONT], own);
    const drawn = (parent?.drawn ?? false) || info.classes.has('katex-html');
    const element: OpenElement = {
      info,
      fonts,
      drawn: drawn && !info.classes.has('katex-mathml'),
      foreign: (parent?.foreign ?? false) || info.tag === 'svg' || info.tag === 'math',
    };
    stack.push(element);
    if (element.drawn) {
      for (const pseudo of [before, after]) {
        const contents = pseudo.filter((c) => c.declaration.property === 'content');
        if (contents.length === 0) continue;
        let text = '';
        for (const { declaration } of contents) {
          if (declaration.property !== 'content') continue;
          text += declaration.value.text;
          for (const name of declaration.value.attributes) text += info.attributes.get(name) ?? '';
        }
        addChars(glyphs, resolver, cascade(fonts, pseudo), text);
      }
    }
  };
  open(root, root.attributes.get('style'), undefined);
  FORMULA_TOKEN.lastIndex = from;
  let match: RegExpExecArray | null;
  while (stack.length > 0 && (match = FORMULA_TOKEN.exec(html)) !== null) {
    const [token, endTag, startTag, attributeText, selfClosing] = match;
    if (endTag !== undefined) {
      const tag = endTag.toLowerCase();
      const at = stack.findLastIndex((element) => element.info.tag === tag);
      if (at >= 0) {
        stack.length = at;
        path.length = at;
      }
    } else if (startTag !== undefined) {
      // Formulas repeat the same few tags (`<span class="mord mathnormal">`) thousands of times.
      const key = `${startTag} ${attributeText ?? ''}`;
      let info = elements.get(key);
      if (!info) {
        const attributes = parseAttributes(attributeText ?? '');
        info = { tag: startTag.toLowerCase(), classes: classesOf(attributes), attributes };
        elements.set(key, info);
      }
      open(info, info.attributes.get('style'), stack.at(-1));
      if (VOID_ELEMENTS.has(info.tag) || (selfClosing && stack.at(-1)!.foreign)) {
        stack.pop();
        path.pop();
      }
    } else if (!token.startsWith('<!--')) {
      const element = stack.at(-1)!;
      if (element.drawn) addChars(glyphs, resolver, element.fonts, decodeEntities(token));
    }
  }
  return FORMULA_TOKEN.lastIndex === 0 ? html.length : FORMULA_TOKEN.lastIndex;
}

/**
 * The characters each font file draws in the formulas of an HTML page: for every element with the class `katex`
 * (KaTeX's root), the text inside its `.katex-html` part (the MathML copy is clipped to a pixel and drawn in the
 * browser's math font), plus what `::before`/`::after` rules insert there (`.eqn-num:before`'s equation number).
 */
export function katexGlyphs(html: string, resolver: FontResolver): GlyphsByFont {
  const glyphs: GlyphsByFont = new Map();
  const elements = new Map<string, ElementInfo>();
  PAGE_TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = PAGE_TOKEN.exec(html)) !== null) {
    const [, , tag, attributeText] = match;
    if (tag === undefined || !attributeText?.includes(ROOT_CLASS)) continue;
    const attributes = parseAttributes(attributeText);
    const classes = classesOf(attributes);
    if (!classes.has(ROOT_CLASS)) continue;
    const info: ElementInfo = { tag: tag.toLowerCase(), classes, attributes };
    if (VOID_ELEMENTS.has(info.tag)) continue;
    const end = walkFormula(html, PAGE_TOKEN.lastIndex, info, resolver, glyphs, elements);
    PAGE_TOKEN.lastIndex = end;
  }
  return glyphs;
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
