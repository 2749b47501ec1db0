// Why: after KaTeX has rendered them, formulas are most of a note's tree (a few hundred elements each, drawn
// twice: MathML and HTML). The plugins that run after it look for headings, links, images, code blocks, tables
// and ids, none of which KaTeX's output holds, so they step over formulas: at 2,000 notes each walk into them
// cost about two seconds.
import type { Element, Parents, Root } from 'hast';
import { SKIP, visit, type VisitorResult } from 'unist-util-visit';

/** KaTeX's outermost element: `katex-display` around a display formula, `katex` around every formula. */
export function isRenderedFormula(element: Element): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && (classes.includes('katex') || classes.includes('katex-display'));
}

/** `visit(tree, 'element', visitor)` that never enters a rendered formula. */
export function visitProse(
  tree: Root | Element,
  visitor: (node: Element, index: number | undefined, parent: Parents | undefined) => VisitorResult,
): void {
  visit(tree, 'element', (node: Element, index, parent) =>
    isRenderedFormula(node) ? SKIP : visitor(node, index, parent),
  );
}
