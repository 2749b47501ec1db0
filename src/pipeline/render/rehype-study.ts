// Why: the notes end with exercises and self-check questions, written as callouts so they read well on GitHub
// and in Obsidian too:
//
//   > [!exercise] Title            > [!quiz] Question?
//   > The task.                    > - [ ] A wrong option
//   >                              >
//   > > [!solution]                >   Why it is wrong.
//   > > The worked solution.       > - [x] The right option
//                                  >
//                                  >   Why it is right.
//
// An exercise becomes a numbered <section data-testid="exercise"> whose solution is in a <details> (no script
// needed). A quiz becomes a <section data-testid="quiz-question"> listing its options (without the task list's
// checkboxes, which would give the answer away), and a <details> with the answer and every option's explanation.
// Mistakes (a solution outside an exercise, an exercise without one, a quiz without exactly one [x], an option
// without its explanation) stop the build with the file and line. Runs after the sanitizer, before callouts.
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { STUDY_MESSAGES } from '../../lib/study/study-blocks.ts';
import { linesBeforeBody } from './source-lines.ts';

const MARKER = /^\[!(exercise|solution|quiz)\][+-]?(?:[ \t]+|(?=\n)|$)/i;

const WORDS = {
  zh: { exercise: '练习', solution: '解答', quiz: '自测', answer: '答案与解析', right: '正确', wrong: '不对' },
  en: {
    exercise: 'Exercise',
    solution: 'Solution',
    quiz: 'Question',
    answer: 'Answer',
    right: 'Right',
    wrong: 'Wrong',
  },
} as const;

export class StudyBlockError extends Error {
  override name = 'StudyBlockError';
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const isBlank = (node: ElementContent | Root['children'][number]) => node.type === 'text' && node.value.trim() === '';

interface Marker {
  kind: 'exercise' | 'solution' | 'quiz';
  /** The rest of the marker's line. */
  title: ElementContent[];
  /** The rest of the first paragraph. */
  rest: ElementContent[];
}

function readMarker(quote: Element): Marker | undefined {
  const paragraph = quote.children.find((n) => !isBlank(n));
  if (paragraph?.type !== 'element' || paragraph.tagName !== 'p') return undefined;
  const first = paragraph.children[0];
  if (first?.type !== 'text') return undefined;
  const match = MARKER.exec(first.value);
  if (!match) return undefined;
  const after = [text(first.value.slice(match[0].length)), ...paragraph.children.slice(1)];
  const split = after.findIndex(
    (n) => (n.type === 'element' && n.tagName === 'br') || (n.type === 'text' && n.value.includes('\n')),
  );
  let title = after;
  let rest: ElementContent[] = [];
  if (split >= 0) {
    const node = after[split]!;
    if (node.type === 'text') {
      const at = node.value.indexOf('\n');
      title = [...after.slice(0, split), text(node.value.slice(0, at))];
      rest = [text(node.value.slice(at + 1)), ...after.slice(split + 1)];
    } else {
      title = after.slice(0, split);
      rest = after.slice(split + 1);
    }
  }
  const clean = (nodes: ElementContent[]) => nodes.filter((n) => !(n.type === 'text' && n.value.trim() === ''));
  return { kind: match[1]!.toLowerCase() as Marker['kind'], title: clean(title), rest: clean(rest) };
}

/** The blockquote's content after its marker paragraph, with what followed the marker's line first. */
function body(quote: Element, marker: Marker): ElementContent[] {
  const at = quote.children.findIndex((n) => !isBlank(n));
  return [...(marker.rest.length > 0 ? [element('p', {}, marker.rest)] : []), ...quote.children.slice(at + 1)];
}

interface Option {
  right: boolean;
  label: ElementContent[];
  explanation: ElementContent[];
}

/** A task-list item: its checkbox says whether it is the answer; its first paragraph is the option. */
function readOption(item: Element): Option | undefined {
  const children = item.children.filter((n) => !isBlank(n));
  const head = children[0];
  const holder = head?.type === 'element' && head.tagName === 'p' ? head : item;
  const box = holder.children.find((n): n is Element => n.type === 'element' && n.tagName === 'input');
  if (!box) return undefined;
  const label = holder.children.filter((n) => n !== box);
  label[0] = label[0]?.type === 'text' ? text(label[0].value.replace(/^\s+/, '')) : label[0]!;
  const explanation = holder === item ? [] : children.slice(1);
  return { right: Boolean(box.properties.checked), label: label.filter(Boolean), explanation };
}

function where(file: VFile, node: Element): string {
  const line = node.position?.start.line;
  return `${file.path ?? 'a note'}${line === undefined ? '' : `:${line + linesBeforeBody(file)}`}`;
}

export default function rehypeStudy() {
  return function transform(tree: Root, file: VFile) {
    const lang = /[\\/]en[\\/]/.test(file.path ?? '') ? 'en' : 'zh';
    const words = WORDS[lang];
    const slug =
      (file.path ?? '')
        .split(/[\\/]/)
        .pop()
        ?.replace(/\.mdx?$/, '') ?? '';
    const problems: string[] = [];
    const titles = new Set<string>();
    const quizIds = new Set<string>();
    let exercises = 0;
    let quizzes = 0;

    const exerciseFrom = (quote: Element, marker: Marker) => {
      const n = ++exercises;
      const title = toString(element('span', {}, marker.title)).trim();
      if (title && titles.has(title)) problems.push(`${where(file, quote)}  ${STUDY_MESSAGES.sameTitle(title)}`);
      titles.add(title);
      const content = body(quote, marker);
      const solutionAt = content.findIndex(
        (n) => n.type === 'element' && n.tagName === 'blockquote' && readMarker(n)?.kind === 'solution',
      );
      if (solutionAt < 0) {
        problems.push(`${where(file, quote)}  ${STUDY_MESSAGES.noSolution(title)}`);
        return;
      }
      const solution = content[solutionAt] as Element;
      const details = element('details', { className: ['exercise__solution'] }, [
        element('summary', {}, [text(words.solution)]),
        ...body(solution, readMarker(solution)!),
      ]);
      const id = `exercise-${n}-title`;
      quote.tagName = 'section';
      quote.properties = { className: ['exercise'], dataTestid: 'exercise', ariaLabelledBy: id };
      quote.children = [
        element('p', { className: ['exercise__title'], id }, [
          element('span', { className: ['exercise__number'] }, [text(`${words.exercise} ${n}`)]),
          ...(marker.title.length > 0 ? [text(lang === 'zh' ? '：' : ': '), ...marker.title] : []),
        ]),
        ...content.slice(0, solutionAt),
        details,
        ...content.slice(solutionAt + 1),
      ];
    };

    const letter = (i: number) => String.fromCharCode(65 + i);
    const quizFrom = (quote: Element, marker: Marker) => {
      const n = ++quizzes;
      const content = body(quote, marker);
      const list = content.find(
        (c): c is Element => c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol'),
      );
      const options = (list?.children ?? [])
        .filter((c): c is Element => c.type === 'element' && c.tagName === 'li')
        .map(readOption);
      const question = [...marker.title, ...(marker.rest.length > 0 ? [text(' '), ...marker.rest] : [])];
      const questionText = toString(element('span', {}, question)).trim();
      if (!list || options.length < 2 || options.some((o) => o === undefined)) {
        problems.push(`${where(file, quote)}  ${STUDY_MESSAGES.noOptions(questionText)}`);
        return;
      }
      const valid = options as Option[];
      const right = valid.filter((o) => o.right).length;
      if (right !== 1) problems.push(`${where(file, quote)}  ${STUDY_MESSAGES.rightCount(questionText, right)}`);
      valid.forEach((o, i) => {
        if (o.explanation.length === 0)
          problems.push(`${where(file, quote)}  ${STUDY_MESSAGES.noExplanation(questionText, letter(i))}`);
      });
      // The id names the question wherever it is shown (its note, the review page, the reader's stored answers),
      // so it comes from the note and the question's text, not from its place among the others.
      const quizId = `${slug}-${createHash('sha256').update(questionText).digest('hex').slice(0, 8)}`;
      if (quizIds.has(quizId)) problems.push(`${where(file, quote)}  ${STUDY_MESSAGES.sameQuestion(questionText)}`);
      quizIds.add(quizId);
      const id = `${quizId}-question`;
      const answer = valid.findIndex((o) => o.right);
      quote.tagName = 'section';
      quote.properties = {
        className: ['quiz'],
        id: quizId,
        dataTestid: 'quiz-question',
        dataQuizId: quizId,
        dataAnswer: letter(answer),
        ariaLabelledBy: id,
      };
      quote.children = [
        element('p', { className: ['quiz__question'], id }, [
          element('span', { className: ['quiz__number'] }, [text(`${words.quiz} ${n}`)]),
          text(lang === 'zh' ? '：' : ': '),
          ...question,
        ]),
        element(
          'ol',
          { className: ['quiz__options'], type: 'A' },
          valid.map((o, i) => element('li', { dataOption: letter(i) }, o.label)),
        ),
        element('details', { className: ['quiz__answer'] }, [
          element('summary', {}, [text(words.answer)]),
          element('p', {}, [element('strong', {}, [text(`${words.right}: ${letter(answer)}`)])]),
          element(
            'ul',
            { className: ['quiz__explanations'] },
            valid.map((o, i) =>
              element('li', { dataOption: letter(i), dataRight: o.right ? 'true' : 'false' }, [
                element('strong', {}, [text(`${letter(i)} · ${o.right ? words.right : words.wrong}`)]),
                text(' '),
                ...o.explanation.flatMap((p) => (p.type === 'element' && p.tagName === 'p' ? p.children : [p])),
              ]),
            ),
          ),
        ]),
      ];
    };

    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'blockquote') return;
      const marker = readMarker(node);
      if (!marker) return;
      if (marker.kind === 'exercise') exerciseFrom(node, marker);
      else if (marker.kind === 'quiz') quizFrom(node, marker);
      // A solution inside an exercise was taken in with it: one that is still here stands alone.
      else problems.push(`${where(file, node)}  ${STUDY_MESSAGES.solutionAlone()}`);
    });
    if (problems.length > 0)
      throw new StudyBlockError(
        `Exercises and self-checks that cannot be published:\n  ${problems.join('\n  ')}\n` +
          'CONTRIBUTING.md ("Exercises and self-checks") shows how they are written.',
      );
  };
}
