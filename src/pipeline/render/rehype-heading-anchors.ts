// Why: readers share links to sections. Each h2–h4 gets a stable id (GitHub's slug rules, the same ones
// remark-toc uses, so the generated TOC links match) and a visible "#" link that screen readers name.
import GithubSlugger from 'github-slugger';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';

const LINKED = new Set(['h2', 'h3', 'h4']);

export default function rehypeHeadingAnchors(options: { label?: (lang: string) => string } = {}) {
  return function transform(tree: Root, file: VFile) {
    const slugger = new GithubSlugger();
    const isEnglish = /[\\/]en[\\/]/.test(file.path ?? '');
    visit(tree, 'element', (node: Element) => {
      if (!/^h[1-6]$/.test(node.tagName)) return;
      const text = toString(node).trim();
      node.properties.id ??= slugger.slug(text);
      if (!LINKED.has(node.tagName)) return;
      const label = options.label?.(isEnglish ? 'en' : 'zh') ?? (isEnglish ? 'Link to this section' : '本节链接');
      // Empty anchor: Astro collects heading text from text nodes, so a "#" glyph would leak into the TOC.
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['heading-anchor'],
          href: `#${String(node.properties.id)}`,
          ariaLabel: `${label}: ${text}`,
        },
        children: [],
      });
    });
  };
}
