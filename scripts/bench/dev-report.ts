// The report of `npm run bench -- dev` (scripts/bench/dev.ts): its rows and issue 18's goals for the writing loop.
import { verdict } from './section.ts';

export type DevToolId = 'site' | 'starlight';
const LABELS: Record<DevToolId, string> = { site: 'this site', starlight: 'Starlight' };

export interface DevResult {
  date: string;
  /** The 1-minute load average when the cold start began. */
  loadAtStart: number;
  /** Caches emptied, server started, until a note page answered with the note. */
  coldStartMs: number;
  /** The same after a restart with the caches the cold start left. */
  warmStartMs: number;
  /** The median of `edits`. */
  editMs: number;
  /** From each write to a note's file until the page showed the change. */
  edits: number[];
}

/** Issue 18's goals at N=2000. */
const GOALS = { editMs: 1000, coldStartMs: 30_000, warmStartMs: 5000 };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function devRows(results: Partial<Record<DevToolId, DevResult>>): string[][] {
  const tools = (Object.keys(LABELS) as DevToolId[]).filter((id) => results[id]);
  return [
    ['tool', 'cold start', 'warm restart', 'edit served (median)', 'edits', 'load at start'],
    ...tools.map((id) => {
      const r = results[id]!;
      return [
        LABELS[id],
        seconds(r.coldStartMs),
        seconds(r.warmStartMs),
        seconds(r.editMs),
        r.edits.map(seconds).join(', '),
        String(r.loadAtStart),
      ];
    }),
  ];
}

export function devGoals(n: number, results: Partial<Record<DevToolId, DevResult>>): string[][] {
  const site = results.site;
  if (!site || n !== 2000) return [];
  return [
    ['goal', 'measured', ''],
    ['an edit served within 1 s', seconds(site.editMs), verdict(site.editMs <= GOALS.editMs)],
    [
      'first page within 30 s of a cold start',
      seconds(site.coldStartMs),
      verdict(site.coldStartMs <= GOALS.coldStartMs),
    ],
    [
      'first page within 5 s of a warm restart',
      seconds(site.warmStartMs),
      verdict(site.warmStartMs <= GOALS.warmStartMs),
    ],
  ];
}
