// Why: links that leave the site open in a new tab, and must not hand the opener to the target
// (rel=noopener noreferrer). They are marked with a class (for the ↗ icon) and a hidden text for screen readers.
import { visitProse } from './visit-prose.ts';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';

export function isExternal(href: string): boolean {
  return /^(https?:)?\/\//i.test(href);
}

export default function rehypeExternalLinks() {
  return function transform(tree: Root, file: VFile) {
    const isEnglish = /[\\/]en[\\/]/.test(file.path ?? '');
    visitProse(tree, (node: Element, _index, parent) => {
      if (node.tagName !== 'a') return;
      const href = node.properties.href;
      if (typeof href !== 'string' || !isExternal(href)) return;
      node.properties.target = '_blank';
      node.properties.rel = ['noopener', 'noreferrer'];
      const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
      node.properties.className = [...classes, 'external'];
      // In a heading the hint would become part of the heading's text (and of "on this page").
      if (parent?.type === 'element' && /^h[1-6]$/.test(parent.tagName)) return;
      node.children.push({
        type: 'element',
        tagName: 'span',
        properties: { className: ['sr-only'] },
        children: [{ type: 'text', value: isEnglish ? ' (opens in a new tab)' : '（在新标签页打开）' }],
      });
    });
  };
}
