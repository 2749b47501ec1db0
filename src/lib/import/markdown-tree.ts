import type { Node, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * The syntax tree the importer reads a post with: the site's dialect (GFM and remark-math), except that a
 * single `$` is text, as it is in kramdown (a theme's MathJax may have read `$x$` as math in the browser,
 * but kramdown did not, so `` `echo $HOME` `` is code even next to other dollars).
 */
const postParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath, { singleDollarTextMath: false });

/** How the site reads a note, for what is read from the converted body. */
const siteParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

export function parseMarkdown(text: string): Root {
  return postParser.parse(text);
}

export function parseSiteMarkdown(text: string): Root {
  return siteParser.parse(text);
}

/** A half-open range of offsets in the parsed text. */
export type Range = readonly [start: number, end: number];

/** Where a node is in the parsed text (`[0, 0]` for a node the parser made up, which it never does here). */
export function rangeOf(node: Node): Range {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

/** Node types whose text is taken literally by the site: Liquid or kramdown syntax in them is left alone. */
const LITERAL_TYPES = new Set(['code', 'inlineCode', 'math', 'inlineMath']);

/** The ranges of code and math, in document order. */
export function literalRanges(tree: Root): Range[] {
  const ranges: Range[] = [];
  visit(tree, (node) => {
    if (!LITERAL_TYPES.has(node.type)) return undefined;
    ranges.push(rangeOf(node));
    return 'skip';
  });
  return ranges;
}

/** Sorted, non-nested ranges (as `literalRanges` gives them), searched by bisection. */
export class RangeSet {
  private readonly ranges: readonly Range[];

  constructor(ranges: readonly Range[]) {
    this.ranges = ranges;
  }

  /** The range holding `offset`, if any. */
  find(offset: number): Range | undefined {
    let low = 0;
    let high = this.ranges.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const [start, end] = this.ranges[mid]!;
      if (offset < start) high = mid - 1;
      else if (offset >= end) low = mid + 1;
      else return this.ranges[mid];
    }
    return undefined;
  }

  has(offset: number): boolean {
    return this.find(offset) !== undefined;
  }
}
