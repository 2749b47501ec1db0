// The self-check questions of a note, as written: the review page (src/pages/[...lang]/review.astro) renders them
// again, with the note's own render steps, so each is shown and identified exactly as on its note. Read on the
// syntax tree (remark, and remark-mdx for .mdx), so a `> [!quiz]` inside a code block is not taken for one.
import type { Blockquote, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
const mdx = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkMdx);

const QUIZ = /^\[!quiz\][+-]?(?:\s|$)/i;

/** Whether a blockquote opens with the `[!quiz]` marker. */
function isQuiz(quote: Blockquote): boolean {
  const first = quote.children[0];
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  return text?.type === 'text' && QUIZ.test(text.value);
}

/**
 * The Markdown of each `[!quiz]` blockquote of a note's body that starts a line (not one nested in a list or
 * another quote), in order. Fast path: a body without the marker is not parsed.
 */
export function quizSources(body: string, isMdx: boolean): string[] {
  if (!/\[!quiz\]/i.test(body)) return [];
  let tree: Root;
  try {
    tree = (isMdx ? mdx : markdown).parse(body);
  } catch {
    return []; // an MDX syntax error stops the build elsewhere (src/lib/content/body-checks.ts)
  }
  const sources: string[] = [];
  visit(tree, 'blockquote', (quote) => {
    const { start, end } = quote.position ?? {};
    if (start?.offset === undefined || end?.offset === undefined || start.column !== 1 || !isQuiz(quote)) return;
    sources.push(body.slice(start.offset, end.offset));
  });
  return sources;
}
