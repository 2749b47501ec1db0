// Spaced review of the self-check questions by Leitner boxes, kept in the reader's browser (no account).
// A question becomes a card when it is first answered. A right answer moves the card up one box, and each box
// waits longer before the question is due again; a wrong answer sends it back to box 1, due at once, so it
// stays on the review page until it is answered right. Questions never answered are not due: they are still
// waiting in their notes, and a review page of every question on the site would be a test, not a review.
// Pure: the clock is a parameter (`now`), so the schedule is tested without waiting days.

/** Days a card waits in box 1, 2, … before it is due again. */
export const BOX_INTERVAL_DAYS = [1, 2, 4, 8, 16] as const;
export const TOP_BOX = BOX_INTERVAL_DAYS.length;

export interface Card {
  /** 1 … TOP_BOX. */
  readonly box: number;
  /** When the question is due again (ms since the epoch): local midnight of a later day, or the answer's time. */
  readonly due: number;
  /** Whether the last graded answer was right. */
  readonly right: boolean;
  /** When it was last answered (ms since the epoch). */
  readonly answered: number;
}

/** Cards by question id (`<slug>-<hash>`, see src/pipeline/render/rehype-study.ts). */
export type Deck = Readonly<Record<string, Card>>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Local midnight `days` days after the day of `now`: "due in 2 days" means on that date, whatever the hour. */
export function startOfDayAfter(now: number, days: number): number {
  const date = new Date(now);
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() + days);
  return date.getTime();
}

/**
 * The card after an answer: up one box (a new card starts in box 1), or back to box 1 and due at once. A right
 * answer before the card is due (the question met again on its note) keeps its box and date: a box is earned
 * by remembering over its whole interval.
 */
export function schedule(card: Card | undefined, right: boolean, now: number): Card {
  if (!right) return { box: 1, due: now, right, answered: now };
  if (card && card.due > now) return { ...card, right, answered: now };
  const box = Math.min((card?.box ?? 0) + 1, TOP_BOX);
  return { box, due: startOfDayAfter(now, BOX_INTERVAL_DAYS[box - 1]!), right, answered: now };
}

/** The deck with one answer recorded. */
export function answer(deck: Deck, id: string, right: boolean, now: number): Deck {
  return { ...deck, [id]: schedule(deck[id], right, now) };
}

export const isDue = (card: Card | undefined, now: number): boolean => card !== undefined && card.due <= now;

/** The ids among `ids` that are due, in the order given. */
export function dueAmong(deck: Deck, ids: readonly string[], now: number): string[] {
  return ids.filter((id) => isDue(deck[id], now));
}

/** The earliest time one of `ids` falls due after `now`, or undefined when none of them has been answered. */
export function nextDue(deck: Deck, ids: readonly string[], now: number): number | undefined {
  const later = ids.map((id) => deck[id]?.due).filter((due): due is number => due !== undefined && due > now);
  return later.length > 0 ? Math.min(...later) : undefined;
}

/** Whole days from `now` until `time` (0 when due today or earlier). */
export const daysUntil = (time: number, now: number): number =>
  Math.max(0, Math.round((startOfDayAfter(time, 0) - startOfDayAfter(now, 0)) / DAY_MS));

/** How many of `ids` have been answered, and how many of those right the last time. */
export function score(deck: Deck, ids: readonly string[]): { answered: number; right: number } {
  const cards = ids.map((id) => deck[id]).filter((card): card is Card => card !== undefined);
  return { answered: cards.length, right: cards.filter((card) => card.right).length };
}

const isCard = (value: unknown): value is Card => {
  if (typeof value !== 'object' || value === null) return false;
  const { box, due, right, answered } = value as Record<string, unknown>;
  return (
    Number.isInteger(box) &&
    (box as number) >= 1 &&
    (box as number) <= TOP_BOX &&
    Number.isFinite(due) &&
    Number.isFinite(answered) &&
    typeof right === 'boolean'
  );
};

/** A deck from what was stored: anything that is not a valid card is dropped (an old or damaged entry). */
export function parseDeck(json: string | null): Deck {
  let value: unknown;
  try {
    value = JSON.parse(json ?? '{}');
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, card]) => isCard(card)));
}

/** The slug of the note a question id belongs to (ids are `<slug>-<8 hex digits>`). */
export const slugOfQuestion = (id: string): string => id.replace(/-[0-9a-f]{8}$/, '');
