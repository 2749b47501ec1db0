// KaTeX's stylesheet read for fonts with css-tree: its `@font-face` rules, and every rule that sets a font
// property or inserts `content`, with its selector compiled by css-select to run against a formula's elements.
// The formula is all a selector is matched against (src/katex/glyphs.ts parses no more of the page), so a part
// of a selector that depends on something outside it (the page around the formula, the pointer, the user's
// history) is dropped, and the rule is taken as one that may or may not apply.
import { compile } from 'css-select';
import * as csstree from 'css-tree';
import { isDocument, type AnyNode, type Element } from 'domhandler';
import { fontDeclarations, readFontFace, type FontDeclaration, type FontFace } from './font-declarations.ts';
import { ROOT_CLASS } from './formula-dom.ts';

/** A declaration with what ranks it in the cascade. */
export interface RankedDeclaration {
  readonly declaration: FontDeclaration;
  readonly specificity: number;
  /** Position in the stylesheet: of two rules equally specific, the later wins. */
  readonly order: number;
  /** It applies where its selector matches: nothing was relaxed, and it is not inside `@media` or `@supports`. */
  readonly certain: boolean;
}

export interface FontRule {
  /** Whether the selector (without its pseudo-element, and relaxed where it cannot be decided) matches. */
  readonly matches: (element: Element) => boolean;
  /** `before`/`after` for `::before`/`::after`; `other` for a pseudo-element that styles part of the element's text. */
  readonly pseudoElement?: 'before' | 'after' | 'other';
  /** Position in the stylesheet, which also tells rules apart. */
  readonly order: number;
  readonly declarations: readonly RankedDeclaration[];
}

/** Rules by the subject of their selector, so an element only tests the rules that can match it. */
export interface RuleIndex {
  readonly byClass: ReadonlyMap<string, readonly FontRule[]>;
  readonly byTag: ReadonlyMap<string, readonly FontRule[]>;
  readonly any: readonly FontRule[];
}

const SPECIFICITY_ID = 1_000_000;
const SPECIFICITY_CLASS = 1_000;
const SPECIFICITY_TYPE = 1;
/** An inline `style` attribute outranks every selector. */
export const SPECIFICITY_INLINE = 1_000_000_000;

/** Pseudo-classes decided by the document tree alone, which css-select evaluates on the formula's elements. */
const STRUCTURAL = new Set([
  'not',
  'is',
  'where',
  'matches',
  'has',
  'empty',
  'first-child',
  'last-child',
  'only-child',
  'first-of-type',
  'last-of-type',
  'only-of-type',
  'nth-child',
  'nth-last-child',
  'nth-of-type',
  'nth-last-of-type',
]);
/** Pseudo-elements written the CSS 2 way, with one colon. */
const LEGACY_PSEUDO_ELEMENTS = new Set(['before', 'after', 'first-line', 'first-letter']);

type SelectorPart = csstree.CssNode;

function isPseudoElement(node: SelectorPart): boolean {
  return (
    node.type === 'PseudoElementSelector' ||
    (node.type === 'PseudoClassSelector' && LEGACY_PSEUDO_ELEMENTS.has(node.name.toLowerCase()))
  );
}

/** (ids, classes, types) packed into one comparable number (https://www.w3.org/TR/selectors-4/#specificity-rules). */
function specificity(selector: csstree.Selector): number {
  let total = 0;
  for (const node of selector.children) {
    if (node.type === 'IdSelector') total += SPECIFICITY_ID;
    else if (node.type === 'ClassSelector' || node.type === 'AttributeSelector') total += SPECIFICITY_CLASS;
    else if (node.type === 'TypeSelector' && !node.name.endsWith('*')) total += SPECIFICITY_TYPE;
    else if (isPseudoElement(node)) total += SPECIFICITY_TYPE;
    else if (node.type === 'PseudoClassSelector') {
      const name = node.name.toLowerCase();
      const list = node.children?.first;
      if (name === 'where') continue;
      // :not(), :is() and :has() count as their most specific argument.
      if ((name === 'not' || name === 'is' || name === 'matches' || name === 'has') && list?.type === 'SelectorList') {
        total += Math.max(0, ...list.children.map((inner) => (inner.type === 'Selector' ? specificity(inner) : 0)));
      } else total += SPECIFICITY_CLASS;
    }
  }
  return total;
}

/** Whether a pseudo-class, with everything in its arguments, is decided by the formula's own elements. */
function decidable(node: csstree.PseudoClassSelector): boolean {
  if (!STRUCTURAL.has(node.name.toLowerCase())) return false;
  let inside = true;
  csstree.walk(node, (inner) => {
    if (inner !== node && (inner.type === 'PseudoClassSelector' || inner.type === 'PseudoElementSelector')) {
      inside &&= inner.type === 'PseudoClassSelector' && STRUCTURAL.has(inner.name.toLowerCase());
    }
  });
  return inside;
}

interface Compound {
  parts: SelectorPart[];
  /** The combinator before it (none before the first). */
  combinator?: string;
}

function compoundsOf(selector: csstree.Selector): Compound[] {
  const compounds: Compound[] = [{ parts: [] }];
  for (const node of selector.children) {
    if (node.type === 'Combinator') compounds.push({ parts: [], combinator: node.name });
    else compounds.at(-1)!.parts.push(node);
  }
  return compounds;
}

const hasRootClass = (compound: Compound) =>
  compound.parts.some((part) => part.type === 'ClassSelector' && csstree.ident.decode(part.name) === ROOT_CLASS);

/**
 * What of a selector can be decided on a formula's elements: from the last compound that matches the formula's
 * root on (when what follows it is inside the formula), else the subject alone; without its pseudo-element and
 * without pseudo-classes that depend on more than the document tree. `exact` when nothing was dropped.
 */
function withinFormula(selector: csstree.Selector): { compounds: Compound[]; exact: boolean } {
  let compounds = compoundsOf(selector);
  const rootAt = compounds.findLastIndex(hasRootClass);
  const insideAfterRoot = rootAt >= 0 && [' ', '>', undefined].includes(compounds[rootAt + 1]?.combinator);
  let exact = insideAfterRoot ? rootAt === 0 : compounds.length === 1;
  compounds = compounds.slice(insideAfterRoot ? rootAt : -1);
  compounds[0] = { parts: compounds[0]!.parts }; // nothing before it now
  for (const [index, compound] of compounds.entries()) {
    compound.parts = compound.parts.filter((part) => {
      if (isPseudoElement(part) || part.type !== 'PseudoClassSelector') return true;
      // The first compound may match the formula's root, whose siblings are not known.
      const kept = index > 0 && decidable(part);
      exact &&= kept;
      return kept;
    });
  }
  return { compounds, exact };
}

function pseudoElementOf(selector: csstree.Selector): FontRule['pseudoElement'] {
  const node = selector.children.last;
  if ((node?.type !== 'PseudoElementSelector' && node?.type !== 'PseudoClassSelector') || !isPseudoElement(node)) {
    return undefined;
  }
  const name = node.name.toLowerCase();
  return name === 'before' || name === 'after' ? name : 'other';
}

function selectorText(compounds: readonly Compound[]): string {
  return compounds
    .map(({ parts, combinator }) => {
      const own = parts.filter((part) => !isPseudoElement(part)).map((part) => csstree.generate(part));
      return `${combinator === undefined ? '' : combinator === ' ' ? ' ' : ` ${combinator} `}${own.join('') || '*'}`;
    })
    .join('');
}

/** What the rule index files a rule under: the first class of its subject, else the subject's tag. */
type RuleKey = { class?: string; tag?: string };

/** A selector as a css-select matcher, and what the rule index files it under. */
function compileSelector(compounds: readonly Compound[]): Pick<FontRule, 'matches'> & { key: RuleKey } {
  const subject = compounds.at(-1)!.parts;
  const className = subject.find((part) => part.type === 'ClassSelector');
  const tag = subject.find((part) => part.type === 'TypeSelector');
  const key: RuleKey =
    className?.type === 'ClassSelector'
      ? { class: csstree.ident.decode(className.name) }
      : tag?.type === 'TypeSelector' && !tag.name.includes('|') && tag.name !== '*'
        ? { tag: tag.name.toLowerCase() }
        : {};
  const [first, second] = compounds;
  if (compounds.length === 2 && first!.parts.length === 1 && hasRootClass(first!) && second!.combinator === ' ') {
    // Most of KaTeX's rules: `.katex .mathnormal` holds for every element of a formula but its root, without
    // walking up to the root from each.
    const matchesSubject = compile<AnyNode, Element>(selectorText([{ parts: second!.parts }]));
    return {
      matches: (element) => element.parent !== null && !isDocument(element.parent) && matchesSubject(element),
      key,
    };
  }
  return { matches: compile<AnyNode, Element>(selectorText(compounds)), key };
}

interface RuleSink {
  faces: FontFace[];
  rules: { rule: FontRule; key: RuleKey }[];
}

/** A rule css-select cannot compile is taken as one that may match any element. */
const ANY = { matches: () => true, key: {} };

function collect(nodes: csstree.List<csstree.CssNode>, sink: RuleSink, conditional: boolean): void {
  for (const node of nodes) {
    if (node.type === 'Atrule' && node.block) {
      const name = csstree.keyword(node.name).basename;
      if (name === 'font-face') {
        const face = readFontFace(node.block);
        if (face) sink.faces.push(face);
      } else if (name === 'media' || name === 'supports' || name === 'container' || name === 'scope') {
        collect(node.block.children, sink, true);
      } else if (name === 'layer') collect(node.block.children, sink, conditional);
      // Other at-rules (@keyframes, @page, @counter-style…) set no font on a formula's elements.
    } else if (node.type === 'Rule' && node.prelude.type === 'SelectorList') {
      const declarations = fontDeclarations(node.block);
      if (declarations.length === 0) continue;
      for (const selector of node.prelude.children) {
        if (selector.type !== 'Selector') continue;
        const { compounds, exact } = withinFormula(selector);
        let compiled: ReturnType<typeof compileSelector>;
        try {
          compiled = compileSelector(compounds);
        } catch {
          compiled = ANY;
        }
        const pseudoElement = pseudoElementOf(selector);
        const ranked = {
          specificity: specificity(selector),
          order: sink.rules.length,
          certain: exact && compiled !== ANY && !conditional && pseudoElement !== 'other',
        };
        const rule: FontRule = {
          matches: compiled.matches,
          ...(pseudoElement ? { pseudoElement } : {}),
          order: ranked.order,
          declarations: declarations.map((declaration) => ({ declaration, ...ranked })),
        };
        sink.rules.push({ rule, key: compiled.key });
      }
    }
  }
}

function indexRules(rules: RuleSink['rules']): RuleIndex {
  const byClass = new Map<string, FontRule[]>();
  const byTag = new Map<string, FontRule[]>();
  const any: FontRule[] = [];
  for (const { rule, key } of rules) {
    if (key.class !== undefined) byClass.set(key.class, [...(byClass.get(key.class) ?? []), rule]);
    else if (key.tag !== undefined) byTag.set(key.tag, [...(byTag.get(key.tag) ?? []), rule]);
    else any.push(rule);
  }
  return { byClass, byTag, any };
}

/**
 * A stylesheet's `@font-face` rules, and its rules that set `font-family`, `font-weight`, `font-style` (or the
 * `font` shorthand) or `content`. Rules inside `@media`, `@supports` and `@container` may or may not apply.
 */
export function readFontRules(css: string): { faces: FontFace[]; rules: RuleIndex } {
  const sheet = csstree.parse(css, {
    onParseError: (error) => {
      throw new Error(`katex-glyphs: cannot parse KaTeX's stylesheet: ${error.message}`);
    },
  });
  const sink: RuleSink = { faces: [], rules: [] };
  if (sheet.type === 'StyleSheet') collect(sheet.children, sink, false);
  return { faces: sink.faces, rules: indexRules(sink.rules) };
}

/** The font declarations of an inline `style` attribute. */
export function inlineFontDeclarations(style: string): FontDeclaration[] {
  const list = csstree.parse(style, { context: 'declarationList' });
  return list.type === 'DeclarationList' ? fontDeclarations(list) : [];
}
