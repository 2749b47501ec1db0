// Why: readers share links to sections. Each h2–h4 gets a stable id (GitHub's slug rules, the same ones
// remark-toc uses, so the generated TOC links match) and a visible "#" link that screen readers name.
// An id the page already has (the layout's `main` or `top`, a footnote's, a citation's, one from raw HTML) is
// not given again: the heading gets the next free one (`main-1`), and the note's links to it follow.
import GithubSlugger from 'github-slugger';
import { toString } from 'hast-util-to-string';
import { visitProse } from './visit-prose.ts';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { LAYOUT_IDS } from './layout-ids.ts';

const LINKED = new Set(['h2', 'h3', 'h4']);

/** A `#fragment` link's target, decoded. */
function fragmentOf(href: unknown): string | undefined {
  if (typeof href !== 'string' || !href.startsWith('#')) return undefined;
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return undefined;
  }
}

/**
 * Gives each heading without an id a free one. Returns, for each heading whose id had to step around one the
 * page already has, the id links in the note expect (what remark-toc wrote) and the one it got.
 */
function assignIds(tree: Root, headings: Element[]): Map<string, string> {
  const existing = new Set<string>();
  visitProse(tree, (node: Element) => {
    if (typeof node.properties.id === 'string') existing.add(node.properties.id);
  });
  // Two sluggers over the same headings: one as remark-toc counts, one that also knows the page's ids.
  const expected = new GithubSlugger();
  const free = new GithubSlugger();
  for (const id of [...LAYOUT_IDS, ...existing]) free.occurrences[id] = 0;
  const moved = new Map<string, string>();
  for (const heading of headings) {
    if (heading.properties.id !== undefined && heading.properties.id !== null) continue;
    const text = toString(heading).trim();
    const wanted = expected.slug(text);
    const id = free.slug(text);
    heading.properties.id = id;
    // A link to an id the note itself has (a footnote's) keeps pointing there.
    if (id !== wanted && !existing.has(wanted)) moved.set(wanted, id);
  }
  return moved;
}

export default function rehypeHeadingAnchors(options: { label?: (lang: string) => string } = {}) {
  return function transform(tree: Root, file: VFile) {
    const isEnglish = /[\\/]en[\\/]/.test(file.path ?? '');
    const headings: Element[] = [];
    visitProse(tree, (node: Element) => {
      if (/^h[1-6]$/.test(node.tagName)) headings.push(node);
    });
    const moved = assignIds(tree, headings);
    if (moved.size > 0) {
      visitProse(tree, (node: Element) => {
        const target = fragmentOf(node.properties.href);
        const id = target === undefined ? undefined : moved.get(target);
        if (id !== undefined) node.properties.href = `#${encodeURI(id)}`;
      });
    }
    const label = options.label?.(isEnglish ? 'en' : 'zh') ?? (isEnglish ? 'Link to this section' : '本节链接');
    for (const heading of headings) {
      if (!LINKED.has(heading.tagName)) continue;
      // Empty anchor: Astro collects heading text from text nodes, so a "#" glyph would leak into the TOC.
      heading.children.push({
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['heading-anchor'],
          href: `#${String(heading.properties.id)}`,
          ariaLabel: `${label}: ${toString(heading).trim()}`,
        },
        children: [],
      });
    }
  };
}
