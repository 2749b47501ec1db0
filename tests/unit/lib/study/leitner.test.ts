import { describe, expect, it } from 'vitest';
import {
  BOX_INTERVAL_DAYS,
  TOP_BOX,
  answer,
  daysUntil,
  dueAmong,
  isDue,
  nextDue,
  parseDeck,
  schedule,
  score,
  slugOfQuestion,
  startOfDayAfter,
  type Deck,
} from '../../../../src/lib/study/leitner.ts';

// An injected clock: local times, so "due in 2 days" is checked against the local calendar as the reader sees it.
const at = (day: number, hour = 15) => new Date(2026, 0, day, hour).getTime();
const midnight = (day: number) => new Date(2026, 0, day).getTime();

describe('Leitner boxes', () => {
  it('wait 1, 2, 4, 8 and 16 days', () => {
    expect(BOX_INTERVAL_DAYS).toEqual([1, 2, 4, 8, 16]);
    expect(TOP_BOX).toBe(5);
  });

  it('put a question answered right for the first time in box 1, due the next day at midnight', () => {
    expect(schedule(undefined, true, at(10))).toEqual({ box: 1, due: midnight(11), right: true, answered: at(10) });
  });

  it('move a card up one box per right answer, each due after its box’s interval, and keep it in the top box', () => {
    let deck: Deck = {};
    const dues: number[] = [];
    let now = at(1);
    for (let i = 0; i < 7; i++) {
      deck = answer(deck, 'neuron-0123abcd', true, now);
      dues.push(deck['neuron-0123abcd']!.due);
      now = deck['neuron-0123abcd']!.due + 9 * 60 * 60 * 1000; // answered at 9:00 on the day it is due
    }
    expect(dues).toEqual([
      midnight(2),
      midnight(4),
      midnight(8),
      midnight(16),
      midnight(32),
      midnight(48),
      midnight(64),
    ]);
    expect(deck['neuron-0123abcd']!.box).toBe(5);
  });

  it('send a card back to box 1 on a wrong answer, due at once', () => {
    let deck = answer({}, 'q-0000000a', true, at(1));
    deck = answer(deck, 'q-0000000a', true, at(3));
    expect(deck['q-0000000a']!.box).toBe(2);
    deck = answer(deck, 'q-0000000a', false, at(5));
    expect(deck['q-0000000a']).toEqual({ box: 1, due: at(5), right: false, answered: at(5) });
    expect(isDue(deck['q-0000000a'], at(5))).toBe(true);
    // Answered right again, it climbs from box 1: box 2, due in 2 days.
    deck = answer(deck, 'q-0000000a', true, at(5, 16));
    expect(deck['q-0000000a']).toMatchObject({ box: 2, due: midnight(7) });
  });

  it('keep the box and date of a card answered right before it is due', () => {
    const early = answer(answer({}, 'q-0000000b', true, at(1)), 'q-0000000b', true, at(1, 20));
    expect(early['q-0000000b']).toEqual({ box: 1, due: midnight(2), right: true, answered: at(1, 20) });
    // Wrong, even early, is wrong.
    expect(answer(early, 'q-0000000b', false, at(1, 21))['q-0000000b']).toMatchObject({ box: 1, due: at(1, 21) });
  });

  it('is due from the due time on; a question never answered is not due', () => {
    const deck = answer({}, 'a-00000001', true, at(1));
    expect(isDue(deck['a-00000001'], at(1, 23))).toBe(false);
    expect(isDue(deck['a-00000001'], midnight(2))).toBe(true);
    expect(isDue(deck['never-00000002'], at(30))).toBe(false);
    expect(dueAmong(deck, ['never-00000002', 'a-00000001'], at(2))).toEqual(['a-00000001']);
  });

  it('say when the next question falls due, and in how many days', () => {
    let deck = answer({}, 'a-00000001', true, at(1));
    deck = answer(deck, 'b-00000002', true, at(1));
    deck = answer(deck, 'b-00000002', true, at(2));
    expect(nextDue(deck, ['a-00000001', 'b-00000002'], at(1, 20))).toBe(midnight(2));
    expect(nextDue(deck, ['b-00000002'], at(2, 20))).toBe(midnight(4));
    expect(nextDue(deck, ['c-00000003'], at(1))).toBeUndefined();
    expect(daysUntil(midnight(4), at(2, 20))).toBe(2);
    expect(daysUntil(at(1), at(2))).toBe(0);
  });

  it('count the answered questions of a note and those answered right last time', () => {
    let deck = answer({}, 'neuron-00000001', true, at(1));
    deck = answer(deck, 'neuron-00000002', false, at(1));
    deck = answer(deck, 'neuron-00000003', true, at(1));
    const ids = ['neuron-00000001', 'neuron-00000002', 'neuron-00000003', 'neuron-00000004'];
    expect(score(deck, ids)).toEqual({ answered: 3, right: 2 });
  });
});

describe('the stored deck', () => {
  it('reads back what was written', () => {
    const deck = answer({}, 'x-00000001', true, at(1));
    expect(parseDeck(JSON.stringify(deck))).toEqual(deck);
  });

  it('drops damaged entries and survives damaged storage', () => {
    const good = { box: 2, due: 1, right: true, answered: 0 };
    const stored = JSON.stringify({
      good,
      box9: { ...good, box: 9 },
      text: 'x',
      noRight: { box: 1, due: 1, answered: 1 },
    });
    expect(parseDeck(stored)).toEqual({ good });
    expect(parseDeck('{not json')).toEqual({});
    expect(parseDeck('[1,2]')).toEqual({});
    expect(parseDeck(null)).toEqual({});
  });

  it('names the note of a question id, slugs with hyphens included', () => {
    expect(slugOfQuestion('activation-functions-0a1b2c3d')).toBe('activation-functions');
  });

  it('counts days on the local calendar', () => {
    expect(startOfDayAfter(at(31, 23), 1)).toBe(new Date(2026, 1, 1).getTime());
  });
});
