// Self-check questions made answerable. Without JavaScript a question lists its options and keeps the answer and
// every option's explanation in a <details> (src/pipeline/render/rehype-study.ts); with it, the options become a
// radio group in a fieldset whose legend is the question, a "check" button grades the choice, and the chosen
// option's explanation appears in a live region that screen readers announce. The first check of a question
// on a page is its graded answer (a Leitner card, src/client/study-store.ts); trying again after a wrong answer
// is practice and leaves the card as it was, so a question missed once comes back in the review.
import { score } from '../lib/study/leitner.ts';
import { fillTemplate } from '../lib/text/template.ts';
import { onDeckChange, readDeck, recordAnswer } from './study-store.ts';

const WORDS = {
  zh: {
    check: '检查答案',
    space: '',
    choose: '请先选择一个选项。',
    right: '回答正确。',
    wrong: '不对。',
    chose: '你选了 {letter}：',
    tryAgain: '换一个选项再试，或打开“答案与解析”。',
    mark: { right: '正确', wrong: '不对' },
    score: '本篇自测：已答 {answered} / {total} 题，最近一次答对 {right} 题。',
  },
  en: {
    check: 'Check',
    space: ' ',
    choose: 'Choose an option first.',
    right: 'Right.',
    wrong: 'Not quite.',
    chose: 'You chose {letter}: ',
    tryAgain: 'Try another option, or open “Answer”.',
    mark: { right: 'right', wrong: 'wrong' },
    score: 'Self-check: {answered} of {total} answered, {right} right the last time.',
  },
} as const;

type Words = (typeof WORDS)[keyof typeof WORDS];

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/** The explanation of one option, as the answer's <details> holds it, without its "A · wrong" label. */
function explanationOf(quiz: HTMLElement, letter: string): Node[] {
  const item = quiz.querySelector(`.quiz__explanations > li[data-option="${letter}"]`);
  if (!item) return [];
  const nodes = [...item.childNodes].map((node) => node.cloneNode(true));
  if (nodes[0] instanceof HTMLElement && nodes[0].tagName === 'STRONG') nodes.shift();
  if (nodes[0] instanceof Text) nodes[0].data = nodes[0].data.trimStart();
  return nodes;
}

/**
 * An option's content for its <label>. A label holds no other control (a click on a link in it would select the
 * option, and Tab would stop inside the radio group), so links in the option, glossary terms included, become text.
 */
function asLabelText(item: Element): Node[] {
  for (const link of item.querySelectorAll('a')) {
    const text = document.createElement('span');
    text.append(...link.childNodes);
    link.replaceWith(text);
  }
  return [...item.childNodes];
}

function enhance(quiz: HTMLElement, words: Words): void {
  const id = quiz.dataset.quizId ?? '';
  const question = quiz.querySelector<HTMLElement>(':scope > .quiz__question');
  const options = quiz.querySelector<HTMLOListElement>(':scope > .quiz__options');
  if (!question || !options) return;
  const legend = element('legend', 'quiz__question', ...question.childNodes);
  legend.id = question.id;
  const choices = [...options.children].map((item) => {
    const letter = (item as HTMLElement).dataset.option ?? '';
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = `${id}-choice`;
    radio.value = letter;
    radio.dataset.testid = 'quiz-option';
    const label = element(
      'label',
      'quiz__choice',
      radio,
      element('span', 'quiz__letter', letter),
      element('span', 'quiz__text', ...asLabelText(item)),
    );
    label.dataset.option = letter;
    return label;
  });
  const check = element('button', 'quiz__check', words.check);
  check.type = 'submit';
  check.dataset.testid = 'quiz-check';
  const feedback = element('div', 'quiz__feedback');
  feedback.setAttribute('role', 'status');
  feedback.setAttribute('aria-live', 'polite');
  feedback.dataset.testid = 'quiz-feedback';
  const form = element(
    'form',
    'quiz__form',
    element('fieldset', 'quiz__fieldset', legend, element('div', 'quiz__choices', ...choices)),
    element('div', 'quiz__actions', check),
    feedback,
  );
  question.replaceWith(form);
  options.remove();
  quiz.classList.add('is-live');

  let graded = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    for (const label of choices) {
      label.classList.remove('is-right', 'is-wrong');
      label.querySelector('.quiz__mark')?.remove();
    }
    const message: Array<Node | string> = [];
    if (!chosen) message.push(words.choose);
    else {
      const right = chosen.value === quiz.dataset.answer;
      const label = chosen.closest('label')!;
      label.classList.add(right ? 'is-right' : 'is-wrong');
      label.append(element('span', 'quiz__mark', right ? words.mark.right : words.mark.wrong));
      message.push(
        element('strong', '', right ? words.right : words.wrong),
        words.space,
        fillTemplate(words.chose, { letter: chosen.value }),
        ...explanationOf(quiz, chosen.value),
      );
      if (!right) message.push(words.space, words.tryAgain);
      quiz.dataset.result = right ? 'right' : 'wrong';
      if (!graded) recordAnswer(id, right);
      graded = true;
    }
    // Emptied first, so that the same message after a second try is announced again.
    feedback.replaceChildren();
    requestAnimationFrame(() => feedback.replaceChildren(element('p', '', ...message)));
  });
}

/** On a note page: how many of its questions the reader has answered, and how many right, above the first one. */
function showScore(quizzes: HTMLElement[], words: Words): void {
  if (!quizzes[0]?.closest('article.note')) return;
  const line = element('p', 'quiz-score');
  line.dataset.testid = 'quiz-score';
  const ids = quizzes.map((quiz) => quiz.dataset.quizId ?? '');
  const update = () => {
    const { answered, right } = score(readDeck(), ids);
    line.hidden = answered === 0;
    line.textContent = fillTemplate(words.score, { answered, right, total: ids.length });
  };
  update();
  quizzes[0].before(line);
  onDeckChange(update);
}

/** Makes every self-check question on the page answerable (once each). */
export function enhanceQuizzes(): void {
  const words = WORDS[document.documentElement.lang === 'en' ? 'en' : 'zh'];
  const quizzes = [...document.querySelectorAll<HTMLElement>('.quiz[data-quiz-id]:not(.is-live)')];
  for (const quiz of quizzes) enhance(quiz, words);
  showScore(quizzes, words);
}
