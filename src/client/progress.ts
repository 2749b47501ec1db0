// Reading progress: notes a reader marked as studied, kept in this browser's localStorage only (no account,
// works offline). Slugs are shared by both languages, so progress carries over when switching.
// Self-check answers are kept beside them (study-store.ts); the summaries show both, and "clear" clears both.
import { score } from '../lib/study/leitner.ts';
import { clearDeck, onDeckChange, readDeck } from './study-store.ts';

const KEY = 'dln-studied';

export function studiedSlugs(): Set<string> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  } catch {
    return new Set(); // storage blocked or corrupted: start fresh rather than fail
  }
}

function save(slugs: Set<string>): void {
  try {
    if (slugs.size === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify([...slugs].sort()));
  } catch {
    /* not persisted; the page still reflects the choice */
  }
}

/** Reflects progress on every element that names a note (`data-progress-slug`), and the summaries. */
export function markStudied(): void {
  const studied = studiedSlugs();
  for (const el of document.querySelectorAll<HTMLElement | SVGElement>('[data-progress-slug]')) {
    el.classList.toggle('is-studied', studied.has(el.dataset.progressSlug ?? ''));
  }
  for (const summary of document.querySelectorAll<HTMLElement>('[data-progress-summary]')) {
    const slugs = (summary.dataset.progressSummary ?? '').split(' ').filter(Boolean);
    const done = slugs.filter((s) => studied.has(s)).length;
    const text = summary.querySelector<HTMLElement>('[data-progress-text]');
    if (text)
      text.textContent = (text.dataset.template ?? '')
        .replace('{done}', String(done))
        .replace('{total}', String(slugs.length));
    summary.hidden = false;
  }
  for (const toggle of document.querySelectorAll<HTMLButtonElement>('[data-progress-toggle]')) {
    toggle.setAttribute('aria-pressed', String(studied.has(toggle.dataset.progressToggle ?? '')));
  }
  markQuizScores();
}

/** Self-check results (src/client/study-store.ts) on every element that lists questions (`data-quiz-ids`). */
function markQuizScores(): void {
  const deck = readDeck();
  for (const el of document.querySelectorAll<HTMLElement>('[data-quiz-ids]')) {
    const ids = (el.dataset.quizIds ?? '').split(' ').filter(Boolean);
    const { answered, right } = score(deck, ids);
    el.textContent = (el.dataset.template ?? '')
      .replace('{right}', String(right))
      .replace('{total}', String(ids.length));
    el.hidden = answered === 0;
  }
}

export function setUpProgress(): void {
  for (const toggle of document.querySelectorAll<HTMLButtonElement>('[data-progress-toggle]')) {
    toggle.hidden = false;
    toggle.addEventListener('click', () => {
      const slug = toggle.dataset.progressToggle ?? '';
      const studied = studiedSlugs();
      if (studied.has(slug)) studied.delete(slug);
      else studied.add(slug);
      save(studied);
      markStudied();
    });
  }
  for (const clear of document.querySelectorAll<HTMLButtonElement>('[data-progress-clear]')) {
    clear.addEventListener('click', () => {
      save(new Set());
      clearDeck();
      markStudied();
    });
  }
  addEventListener('storage', (event) => {
    if (event.key === KEY) markStudied();
  });
  onDeckChange(markQuizScores);
  markStudied();
}
