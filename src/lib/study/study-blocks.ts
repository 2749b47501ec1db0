// The rules of exercises and self-check questions (CONTRIBUTING, "Exercises and self-checks"), checked on a
// note's source before Astro renders anything, so every mistake in every note is reported at once with its line
// (src/pipeline/content/guard.ts). The render step (src/pipeline/render/rehype-study.ts) says the same words
// should a note reach it unchecked.
import type { Blockquote, List, ListItem } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { noteBody, parseBody } from '../content/body-checks.ts';

const MARKER = /^\[!(exercise|solution|quiz)\][+-]?(?:[ \t]+|(?=\n)|$)/i;

/** What the build says about each mistake, and how to fix it. */
export const STUDY_MESSAGES = {
  solutionAlone: () => 'a "[!solution]" belongs inside an "[!exercise]" (as "> > [!solution]")',
  noSolution: (title: string) => `exercise "${title}" has no "> > [!solution]" inside it`,
  sameTitle: (title: string) => `two exercises are titled "${title}": give each a title of its own`,
  noOptions: (question: string) => `quiz "${question}" needs a task list of options: "- [ ]" and "- [x]"`,
  rightCount: (question: string, right: number) => `quiz "${question}" marks ${right} options [x]: mark exactly one`,
  noExplanation: (question: string, letter: string) =>
    `option ${letter} of quiz "${question}" has no explanation: add a paragraph under it, indented two spaces`,
  sameQuestion: (question: string) => `two questions read "${question}": reword one (a question's text is its id)`,
} as const;

export interface StudyProblem {
  /** 1-based line in the whole file (front matter included). */
  line: number;
  message: string;
}

type Kind = 'exercise' | 'solution' | 'quiz';

/** The block's kind and the text after its marker on the first line (a title or a question). */
function markerOf(quote: Blockquote): { kind: Kind; title: string } | undefined {
  const first = quote.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const text = toString(first);
  const match = MARKER.exec(text);
  if (!match) return undefined;
  const rest = text.slice(match[0].length);
  return { kind: match[1]!.toLowerCase() as Kind, title: rest.split('\n')[0]!.trim() };
}

const letter = (i: number) => String.fromCharCode(65 + i);

function quizProblems(quote: Blockquote, title: string, say: (message: string) => void): void {
  const question = toString(quote.children[0]!)
    .replace(MARKER, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  const list = quote.children.find((child): child is List => child.type === 'list');
  const options: ListItem[] = list?.children ?? [];
  if (options.length < 2 || options.some((item) => typeof item.checked !== 'boolean')) {
    say(STUDY_MESSAGES.noOptions(question || title));
    return;
  }
  const right = options.filter((item) => item.checked).length;
  if (right !== 1) say(STUDY_MESSAGES.rightCount(question, right));
  options.forEach((item, i) => {
    if (item.children.length < 2) say(STUDY_MESSAGES.noExplanation(question, letter(i)));
  });
}

/** Every mistake in the exercises and self-check questions of a note file (Markdown or MDX), by line. */
export function studyBlockProblems(source: string, isMdx: boolean): StudyProblem[] {
  const { body, linesBefore } = noteBody(source);
  if (!/\[!(?:exercise|solution|quiz)\]/i.test(body)) return [];
  const tree = parseBody(body, isMdx);
  if (!tree) return [];
  const problems: StudyProblem[] = [];
  const titles = new Set<string>();
  const questions = new Set<string>();
  visit(tree, 'blockquote', (quote: Blockquote, _index, parent) => {
    const marker = markerOf(quote);
    if (!marker) return;
    const line = (quote.position?.start.line ?? 1) + linesBefore;
    const say = (message: string) => problems.push({ line, message });
    if (marker.kind === 'solution') {
      if (!(parent?.type === 'blockquote' && markerOf(parent)?.kind === 'exercise'))
        say(STUDY_MESSAGES.solutionAlone());
    } else if (marker.kind === 'exercise') {
      if (titles.has(marker.title)) say(STUDY_MESSAGES.sameTitle(marker.title));
      titles.add(marker.title);
      const solved = quote.children.some((c) => c.type === 'blockquote' && markerOf(c)?.kind === 'solution');
      if (!solved) say(STUDY_MESSAGES.noSolution(marker.title));
    } else {
      quizProblems(quote, marker.title, say);
      const question = toString(quote.children[0]!).replace(MARKER, '').trim();
      if (questions.has(question)) say(STUDY_MESSAGES.sameQuestion(question));
      questions.add(question);
    }
  });
  return problems;
}
