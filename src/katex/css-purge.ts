// KaTeX's stylesheet is inlined in every page with math (23 KB), yet a page uses a fraction of its rules: most
// are for sizes, fonts and constructs the page's formulas never produce. This keeps only the rules that can
// match the page, judged by class names, the way KaTeX's CSS selects (`.katex .mfrac .frac-line`).
import * as csstree from 'css-tree';

/** Every class name in an HTML string's `class` attributes. */
export function classNamesIn(html: string): Set<string> {
  const names = new Set<string>();
  for (const match of html.matchAll(/\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    for (const name of (match[1] ?? match[2] ?? '').split(/\s+/)) if (name) names.add(name);
  }
  return names;
}

interface TopLevelRule {
  /** The rule as written in the stylesheet. */
  readonly text: string;
  /** For each of its selectors, the classes an element must carry for it to match; none for an at-rule. */
  readonly selectors?: readonly (readonly string[])[];
}

/**
 * The classes a selector requires: those of its compounds. A class inside a pseudo-class's arguments is not
 * required: `:not(.x)` matches where `.x` is absent, `:is(.x, .y)` where either is present.
 */
function requiredClasses(selector: csstree.Selector): string[] {
  return selector.children
    .toArray()
    .flatMap((node) => (node.type === 'ClassSelector' ? [csstree.ident.decode(node.name)] : []));
}

function topLevelRules(css: string): TopLevelRule[] {
  const sheet = csstree.parse(css, { positions: true });
  if (sheet.type !== 'StyleSheet') return [];
  return sheet.children.toArray().flatMap((node): TopLevelRule[] => {
    if (!node.loc) return [];
    const text = css.slice(node.loc.start.offset, node.loc.end.offset);
    // A selector list css-tree could not read (a Raw prelude) is kept, as an at-rule is.
    if (node.type !== 'Rule' || node.prelude.type !== 'SelectorList') return [{ text }];
    const selectors = node.prelude.children
      .toArray()
      .map((selector) => (selector.type === 'Selector' ? requiredClasses(selector) : []));
    return [{ text, selectors }];
  });
}

/** Every page inlines the same stylesheet: it is parsed once. */
let parsed: { css: string; rules: readonly TopLevelRule[] } | undefined;

/**
 * The stylesheet without the rules that cannot match a page whose elements carry the classes in `used`.
 * At-rules (`@font-face`, `@media`…) are kept whole, as are rules whose selectors name no class.
 */
export function keepRulesFor(css: string, used: ReadonlySet<string>): string {
  if (parsed?.css !== css) parsed = { css, rules: topLevelRules(css) };
  return parsed.rules
    .filter(({ selectors }) => !selectors || selectors.some((classes) => classes.every((name) => used.has(name))))
    .map(({ text }) => text)
    .join('');
}
