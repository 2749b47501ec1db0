// The reader's answers to the self-check questions, as Leitner cards in this browser's localStorage (no account,
// works offline and from file://). The schedule itself is pure (src/lib/study/leitner.ts); this module only reads
// and writes it, and tells the page's other views (the score, the review list, progress) that it changed.
import { answer, parseDeck, type Deck } from '../lib/study/leitner.ts';

export const DECK_KEY = 'dln-review';
/** Fired on `window` after an answer is stored; other tabs learn of it through the `storage` event. */
export const DECK_CHANGED = 'dln-review-change';

export function readDeck(): Deck {
  try {
    return parseDeck(localStorage.getItem(DECK_KEY));
  } catch {
    return {}; // storage blocked: nothing was kept
  }
}

/** Records a graded answer (now, by the reader's clock) and returns the new deck. */
export function recordAnswer(id: string, right: boolean): Deck {
  const deck = answer(readDeck(), id, right, Date.now());
  try {
    localStorage.setItem(DECK_KEY, JSON.stringify(deck));
  } catch {
    /* not persisted; the page still shows the answer */
  }
  dispatchEvent(new CustomEvent(DECK_CHANGED));
  return deck;
}

/** Calls `update` when this page or another tab stores an answer. */
export function onDeckChange(update: () => void): void {
  addEventListener(DECK_CHANGED, update);
  addEventListener('storage', (event) => {
    if (event.key === DECK_KEY || event.key === null) update();
  });
}

/** Removes every answer (progress's "clear"). */
export function clearDeck(): void {
  try {
    localStorage.removeItem(DECK_KEY);
  } catch {
    /* nothing stored */
  }
  dispatchEvent(new CustomEvent(DECK_CHANGED));
}
