// Why: remark-toc leaves its "目录"/"Contents" heading and list as ordinary prose, so every note's search
// excerpt and sub-result started with its own table of contents. This wraps them in a labelled <nav>
// that search skips and assistive technology lists as navigation.
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';

const TOC_HEADING = /^(目录|contents|table of contents)$/i;

export default function rehypeTocNav() {
  return function transform(tree: Root) {
    const children = tree.children;
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      if (node?.type !== 'element' || !/^h[2-6]$/.test(node.tagName) || !TOC_HEADING.test(toString(node).trim()))
        continue;
      let j = i + 1;
      while (children[j]?.type === 'text' && !(children[j] as { value: string }).value.trim()) j++;
      const list = children[j];
      if (list?.type !== 'element' || (list.tagName !== 'ul' && list.tagName !== 'ol')) continue;
      const nav: Element = {
        type: 'element',
        tagName: 'nav',
        properties: {
          className: ['note-toc'],
          ariaLabelledby: String(node.properties.id ?? ''),
          dataPagefindIgnore: '',
        },
        children: [node, { type: 'text', value: '\n' }, list] as ElementContent[],
      };
      children.splice(i, j - i + 1, nav);
    }
  };
}
