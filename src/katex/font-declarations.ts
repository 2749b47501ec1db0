// The declarations that decide which font draws a character (font-family, -weight, -style, the `font`
// shorthand, and `content`, which inserts characters), and the `@font-face` rules, read off css-tree's syntax
// tree. css-tree's lexer splits the `font` shorthand into its longhands by CSS's own grammar.
import * as csstree from 'css-tree';

/** A `font-style` keyword (an oblique angle is read as `oblique`). */
export type FontStyleName = 'normal' | 'italic' | 'oblique';

/** One `@font-face` rule. */
export interface FontFace {
  readonly family: string;
  /** The weights it covers, `[400, 400]` for a single weight. */
  readonly weight: readonly [number, number];
  readonly style: FontStyleName;
  /** The file name of its woff2 source (its first source when it has no woff2): `KaTeX_Main-Regular.woff2`. */
  readonly file: string;
}

/** `inherit` stands for every keyword that inherits a font property (`unset`, `revert`…). */
type CssWide = 'inherit' | 'initial';
export type FamilyValue = readonly string[] | CssWide;
export type WeightValue = number | 'bolder' | 'lighter' | CssWide;
export type StyleValue = FontStyleName | CssWide;

/** What a `content` value can insert: its fixed characters and the attributes (`attr(x)`) it copies. */
export interface ContentValue {
  readonly text: string;
  readonly attributes: readonly string[];
}

export type FontDeclaration =
  | { readonly property: 'font-family'; readonly value: FamilyValue; readonly important: boolean }
  | { readonly property: 'font-weight'; readonly value: WeightValue; readonly important: boolean }
  | { readonly property: 'font-style'; readonly value: StyleValue; readonly important: boolean }
  | { readonly property: 'content'; readonly value: ContentValue; readonly important: boolean };

const INHERITING = new Set(['inherit', 'unset', 'revert', 'revert-layer']);

function cssWide(value: csstree.Value | csstree.Raw): CssWide | undefined {
  const only = value.type === 'Value' && value.children.size === 1 ? value.children.first : undefined;
  if (only?.type !== 'Identifier') return undefined;
  const keyword = only.name.toLowerCase();
  return INHERITING.has(keyword) ? 'inherit' : keyword === 'initial' ? 'initial' : undefined;
}

function unreadable(declaration: csstree.Declaration): never {
  // A font left unread would silently draw its characters in a fallback font: stop the build instead.
  throw new Error(`katex-glyphs: cannot read \`${declaration.property}: ${csstree.generate(declaration.value)}\``);
}

/** A `font-family` list's names, unquoted: `KaTeX_Main, Times New Roman, serif`. */
function familyNames(nodes: readonly csstree.CssNode[]): string[] {
  const names: string[] = [];
  let words: string[] = [];
  for (const node of [...nodes, undefined]) {
    if (node === undefined || (node.type === 'Operator' && node.value === ',')) {
      if (words.length > 0) names.push(words.join(' '));
      words = [];
    } else if (node.type === 'String') words.push(node.value);
    else if (node.type === 'Identifier') words.push(csstree.ident.decode(node.name));
  }
  return names;
}

function weightOf(node: csstree.CssNode | null | undefined): WeightValue | undefined {
  if (node?.type === 'Number') {
    const weight = Number(node.value);
    return weight >= 1 && weight <= 1000 ? weight : undefined;
  }
  if (node?.type !== 'Identifier') return undefined;
  const keyword = node.name.toLowerCase();
  if (keyword === 'normal') return 400;
  if (keyword === 'bold') return 700;
  return keyword === 'bolder' || keyword === 'lighter' ? keyword : undefined;
}

function styleOf(node: csstree.CssNode | null | undefined): FontStyleName | undefined {
  const keyword = node?.type === 'Identifier' ? node.name.toLowerCase() : undefined;
  return keyword === 'normal' || keyword === 'italic' || keyword === 'oblique' ? keyword : undefined;
}

/** The characters a `content` value can insert (a counter as the digits and sign of any number). */
function contentOf(value: csstree.Value): ContentValue {
  let text = '';
  const attributes: string[] = [];
  for (const node of value.children) {
    if (node.type === 'String') text += node.value;
    else if (node.type === 'Identifier' && /^(?:open|close)-quote$/i.test(node.name)) text += '“”‘’"\'«»';
    else if (node.type === 'Function') {
      const name = node.name.toLowerCase();
      const args = node.children.toArray().filter((arg) => arg.type !== 'Operator');
      if (name === 'attr' && args[0]?.type === 'Identifier') attributes.push(args[0].name.toLowerCase());
      if (name !== 'counter' && name !== 'counters') continue;
      text += '0123456789-';
      // A `counters()` separator is drawn between the numbers; another counter style than decimal draws letters.
      const separator = name === 'counters' ? args[1] : undefined;
      if (separator?.type === 'String') text += separator.value;
      const style = args[name === 'counters' ? 2 : 1];
      if (style?.type === 'Identifier' && style.name.toLowerCase() !== 'decimal') {
        text += 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
      }
    }
  }
  return { text, attributes };
}

/** The `font` shorthand as its three longhands; those it leaves out are reset to their initial values. */
function fontShorthand(declaration: csstree.Declaration, important: boolean): FontDeclaration[] {
  const longhands = (style: StyleValue, weight: WeightValue, family: FamilyValue): FontDeclaration[] => [
    { property: 'font-style', value: style, important },
    { property: 'font-weight', value: weight, important },
    { property: 'font-family', value: family, important },
  ];
  const wide = cssWide(declaration.value);
  if (wide) return longhands(wide, wide, wide);
  const match = csstree.lexer.matchProperty('font', declaration.value);
  if (match.error || declaration.value.type !== 'Value') unreadable(declaration);
  const nodes = declaration.value.children.toArray();
  const property = (name: string) => nodes.findIndex((node) => match.isProperty(node, name));
  // The family list ends the shorthand. A system font (`font: caption`) names none: the browser's default it is.
  const family = property('font-family');
  return longhands(
    styleOf(nodes[property('font-style')]) ?? 'normal',
    weightOf(nodes[property('font-weight')]) ?? 400,
    family < 0 ? [] : familyNames(nodes.slice(family)),
  );
}

/** The font declarations (and `content`) of a declaration block or an inline `style`. */
export function fontDeclarations(block: csstree.Block | csstree.DeclarationList): FontDeclaration[] {
  const result: FontDeclaration[] = [];
  for (const node of block.children) {
    if (node.type !== 'Declaration') continue;
    const property = node.property.toLowerCase();
    const { important: flag, value } = node;
    const important = flag !== false;
    const wide = cssWide(value);
    const first = value.type === 'Value' ? value.children.first : undefined;
    if (property === 'font') result.push(...fontShorthand(node, important));
    else if (property === 'font-family') {
      const names = wide ?? (value.type === 'Value' ? familyNames(value.children.toArray()) : []);
      if (names.length === 0) unreadable(node);
      result.push({ property, value: names, important });
    } else if (property === 'font-weight') {
      result.push({ property, value: wide ?? weightOf(first) ?? unreadable(node), important });
    } else if (property === 'font-style') {
      result.push({ property, value: wide ?? styleOf(first) ?? unreadable(node), important });
    } else if (property === 'content' && value.type === 'Value') {
      result.push({ property, value: contentOf(value), important });
    }
  }
  return result;
}

/** An `@font-face` rule's family, weights, style and woff2 file, or undefined where it names no family or source. */
export function readFontFace(block: csstree.Block): FontFace | undefined {
  const values = new Map<string, csstree.CssNode[]>();
  for (const node of block.children) {
    if (node.type === 'Declaration' && node.value.type === 'Value') {
      values.set(node.property.toLowerCase(), node.value.children.toArray());
    }
  }
  const family = familyNames(values.get('font-family') ?? [])[0];
  const urls = (values.get('src') ?? []).flatMap((node) => (node.type === 'Url' ? [node.value] : []));
  const url = urls.find((u) => /\.woff2(?:[?#]|$)/i.test(u)) ?? urls[0];
  if (family === undefined || url === undefined) return undefined;
  const weights = (values.get('font-weight') ?? []).map(weightOf).filter((w) => typeof w === 'number');
  const [lightest = 400, heaviest = lightest] = weights;
  const style = styleOf(values.get('font-style')?.[0]) ?? 'normal';
  return {
    family,
    weight: [Math.min(lightest, heaviest), Math.max(lightest, heaviest)],
    style,
    file: url.replace(/[?#].*$/, '').replace(/^.*\//, ''),
  };
}
