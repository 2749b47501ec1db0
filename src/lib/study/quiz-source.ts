// The self-check questions of a note, as written: the review page (src/pages/[...lang]/review.astro) renders them
// again, with the note's own render steps, so each is shown and identified exactly as on its note. Read on the
// syntax tree (remark, and remark-mdx for .mdx), so a `> [!quiz]` inside a code block is not taken for one.
import type { Blockquote } from 'mdast';
import { parseBody } from '../content/body-checks.ts';
import { visit } from 'unist-util-visit';

const QUIZ = /^\[!quiz\][+-]?(?:\s|$)/i;

/** Whether a blockquote opens with the `[!quiz]` marker. */
function isQuiz(quote: Blockquote): boolean {
  const first = quote.children[0];
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  return text?.type === 'text' && QUIZ.test(text.value);
}

/** Whether a note's body may ask self-check questions: a quick test of the source, no parsing. */
export const mayAskQuestions = (body: string): boolean => /\[!quiz\]/i.test(body);

/**
 * The Markdown of each `[!quiz]` blockquote of a note's body that starts a line (not one nested in a list or
 * another quote), in order. Fast path: a body without the marker is not parsed.
 */
export function quizSources(body: string, isMdx: boolean): string[] {
  if (!mayAskQuestions(body)) return [];
  const tree = parseBody(body, isMdx);
  if (!tree) return [];
  const sources: string[] = [];
  visit(tree, 'blockquote', (quote) => {
    const { start, end } = quote.position ?? {};
    if (start?.offset === undefined || end?.offset === undefined || start.column !== 1 || !isQuiz(quote)) return;
    sources.push(body.slice(start.offset, end.offset));
  });
  return sources;
}
