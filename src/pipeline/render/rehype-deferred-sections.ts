// Why: a long note is tens of thousands of elements (each formula is drawn twice, as MathML and as HTML), and
// styling and laying them all out before the first paint kept the main thread blocked for a second on a phone.
// What follows each `##` heading goes into a `.section-body` that the browser skips until the reader comes near
// it (`content-visibility: auto`, src/styles/prose.css), standing in at an estimated height. The headings
// stay outside, so "on this page" can find them without laying out the sections (setUpTocHighlight in src/client/site.ts).
// Skipped sections stay in the page: find in page, anchor links, screen readers and printing reach them.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { estimateSectionHeight, intrinsicSizeStyle, type SectionBlock } from '../../lib/content/section-height.ts';
import { isRenderedFormula } from './visit-prose.ts';

/**
 * Widgets written as JSX in MDX notes render only after this step: their heights on the desktop column, as
 * measured in Chromium (src/widgets). Any other component counts as a figure.
 */
const WIDGET_HEIGHTS: Readonly<Record<string, number>> = {
  ActivationPlot: 850,
  AttentionWidget: 620,
  NeuronWidget: 400,
  OptimizerViz: 560,
  Playground: 1090,
};
const COLUMN_PX = 736;
const BLOCK_TAGS = new Set(['p', 'ul', 'ol', 'pre', 'div', 'table', 'figure', 'details', 'blockquote', 'aside']);
const TEXT_TAGS = new Set(['p', 'li', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'dt', 'dd', 'summary']);

function classes(element: Element): readonly unknown[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value : [];
}

/** The TeX source KaTeX keeps in its MathML copy (`.katex > .katex-mathml > math > semantics > annotation`). */
function texSource(node: Element, depth = 0): string | undefined {
  if (node.tagName === 'annotation')
    return node.children.map((child) => ('value' in child ? child.value : '')).join('');
  if (depth > 4) return undefined;
  for (const child of node.children) {
    if (child.type !== 'element' || classes(child).includes('katex-html')) continue;
    const found = texSource(child, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Text as a reader sees it. A formula in the text stands in as about half its TeX source's length in letters:
 * walking the hundreds of elements KaTeX draws it with cost a second of a 2,000-note build.
 */
function visibleText(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (isRenderedFormula(node)) return 'x'.repeat(Math.ceil((texSource(node)?.length ?? 2) / 2));
  return node.children.map(visibleText).join('');
}

function pixels(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : Number.parseFloat(String(value));
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

function imageHeight(image: Element): number | undefined {
  const width = pixels(image.properties.width);
  const height = pixels(image.properties.height);
  if (height === undefined) return undefined;
  return width !== undefined && width > COLUMN_PX ? (height * COLUMN_PX) / width : height;
}

/** The blocks of a section, for its height estimate. */
export function sectionBlocks(nodes: readonly (ElementContent | RootContent)[]): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  const walk = (node: ElementContent | RootContent) => {
    if (node.type === 'mdxJsxFlowElement') {
      const height = node.name ? WIDGET_HEIGHTS[node.name] : undefined;
      blocks.push(height === undefined ? { kind: 'figure' } : { kind: 'widget', height });
      return;
    }
    if (node.type !== 'element') return;
    const tag = node.tagName;
    if (classes(node).includes('katex-display')) blocks.push({ kind: 'formula' });
    else if (isRenderedFormula(node)) return;
    else if (tag === 'details' && node.properties.open == null) {
      const summary = node.children.find((child) => child.type === 'element' && child.tagName === 'summary');
      blocks.push({ kind: 'closed', summary: summary ? visibleText(summary) : '' });
    } else if (tag === 'pre') blocks.push({ kind: 'code', lines: visibleText(node).trimEnd().split('\n').length });
    else if (tag === 'img' || tag === 'svg' || tag === 'video' || tag === 'iframe')
      blocks.push({ kind: 'figure', height: imageHeight(node) });
    else if (tag === 'tr') {
      const cells = node.children.filter((cell) => cell.type === 'element');
      blocks.push({ kind: 'table-row', cells: cells.map(visibleText) });
    } else if (
      TEXT_TAGS.has(tag) &&
      !node.children.some((child) => child.type === 'element' && BLOCK_TAGS.has(child.tagName))
    ) {
      blocks.push({ kind: 'text', text: visibleText(node), heading: tag.startsWith('h') });
      for (const child of node.children) if (child.type === 'element' && child.tagName === 'img') walk(child);
    } else node.children.forEach(walk);
  };
  nodes.forEach(walk);
  return blocks;
}

const isBlank = (node: RootContent) => node.type === 'text' && node.value.trim() === '';

export default function rehypeDeferredSections() {
  return function transform(tree: Root) {
    const children: RootContent[] = [];
    const bodies: Element[] = [];
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'h2') {
        const body: Element = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['section-body'] },
          children: [],
        };
        bodies.push(body);
        children.push(node, body);
      } else if (bodies.length > 0 && node.type !== 'mdxjsEsm') {
        // An MDX note's imports stay at the top level of its tree, where the MDX compiler looks for them.
        bodies.at(-1)!.children.push(node as ElementContent);
      } else children.push(node);
    }
    const empty = new Set(bodies.filter((body) => body.children.every(isBlank)));
    for (const body of bodies) {
      if (!empty.has(body))
        body.properties.style = intrinsicSizeStyle(estimateSectionHeight(sectionBlocks(body.children)));
    }
    tree.children = children.filter((node) => !empty.has(node as Element));
  };
}
