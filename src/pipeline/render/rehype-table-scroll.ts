// Why: a wide table must scroll on its own on a phone instead of widening the whole page (a table that is
// itself display:block still leaked its rows' width into the page in Chromium). Each table is wrapped in
// a scroll container that keyboard users can focus to scroll.
import { SKIP } from 'unist-util-visit';
import { visitProse } from './visit-prose.ts';
import type { Element, Root } from 'hast';

export default function rehypeTableScroll() {
  return function transform(tree: Root) {
    visitProse(tree, (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return undefined;
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], tabIndex: 0 },
        children: [node],
      };
      return [SKIP, index + 1];
    });
  };
}
