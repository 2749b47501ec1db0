// The review page (/review/, /en/review/): the build lists every self-check question of the language; this shows
// the ones due again by the reader's Leitner boxes (src/lib/study/leitner.ts) and says when the next falls due.
// A question stays in view once shown, even after it is answered right, so the reader sees the explanation; the
// next visit leaves it out until it is due again. "Show all" lists every question, for practice.
import { dueAmong, nextDue } from '../lib/study/leitner.ts';
import { fillTemplate } from '../lib/text/template.ts';
import { enhanceQuizzes } from './quiz.ts';
import { onDeckChange, readDeck } from './study-store.ts';

export function setUpReview(): void {
  const root = document.querySelector<HTMLElement>('[data-review]');
  const status = root?.querySelector<HTMLElement>('[data-review-status]');
  const showAll = root?.querySelector<HTMLButtonElement>('[data-review-show-all]');
  if (!root || !status || !showAll) return;
  const items = [...root.querySelectorAll<HTMLElement>('[data-review-id]')];
  const ids = items.map((item) => item.dataset.reviewId ?? '');
  const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'long' });

  const shown = new Set(dueAmong(readDeck(), ids, Date.now()));
  for (const item of items) if (shown.has(item.dataset.reviewId ?? '')) item.dataset.due = '';

  const update = () => {
    const deck = readDeck();
    const now = Date.now();
    const due = dueAmong(deck, ids, now).length;
    const next = nextDue(deck, ids, now);
    // Every answered question is either due or due later: with neither, none has been answered yet.
    const template = due > 0 ? status.dataset.due : next !== undefined ? status.dataset.next : status.dataset.none;
    status.textContent = fillTemplate(template ?? '', {
      due,
      total: ids.length,
      date: next === undefined ? '' : dateFormat.format(next),
    });
  };

  showAll.hidden = items.length === 0;
  showAll.addEventListener('click', () => {
    const all = showAll.getAttribute('aria-pressed') !== 'true';
    showAll.setAttribute('aria-pressed', String(all));
    root.toggleAttribute('data-review-all', all);
  });
  root.dataset.reviewReady = '';
  update();
  onDeckChange(update);
  enhanceQuizzes();
}
