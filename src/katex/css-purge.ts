// KaTeX's stylesheet is inlined in every page with math (23 KB), yet a page uses a fraction of its rules: most
// are for sizes, fonts and constructs the page's formulas never produce. This keeps only the rules that can
// match the page, judged by class names, the way KaTeX's CSS selects (`.katex .mfrac .frac-line`).
import { cssBlocks } from './css-blocks.ts';

/** Every class name in an HTML string's `class` attributes. */
export function classNamesIn(html: string): Set<string> {
  const names = new Set<string>();
  for (const match of html.matchAll(/\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    for (const name of (match[1] ?? match[2] ?? '').split(/\s+/)) if (name) names.add(name);
  }
  return names;
}

/** Whether a selector list can match given the classes in use: one selector needing only those classes. */
function selectorCanMatch(prelude: string, used: ReadonlySet<string>): boolean {
  return prelude.split(',').some((selector) => {
    // Attribute values (`[src$=".svg"]`) are not class names, and `:not(.x)` matches where `.x` is absent.
    const required = selector.replace(/\[[^\]]*\]/g, '').replace(/:not\([^)]*\)/g, '');
    const classes = [...required.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!);
    return classes.every((name) => used.has(name));
  });
}

/**
 * The stylesheet without the rules that cannot match a page whose elements carry the classes in `used`.
 * At-rules (`@font-face`, `@media`…) are kept whole, as are rules whose selectors name no class.
 */
export function keepRulesFor(css: string, used: ReadonlySet<string>): string {
  return cssBlocks(css)
    .filter(({ prelude }) => prelude.startsWith('@') || selectorCanMatch(prelude, used))
    .map((b) => b.text)
    .join('');
}
