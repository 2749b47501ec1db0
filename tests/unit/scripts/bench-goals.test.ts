// The goals `npm run bench -- peers` checks (scripts/bench/peers-report.ts): issue 18 measures a cold build
// against the bare floor and wants a rebuild within 5 % of it; issue 8's plugins-floor row stays.
import { describe, expect, it } from 'vitest';
import { goals, type Stored, type ToolResult } from '../../../scripts/bench/peers-report.ts';

const run = (buildMs: number, extra: Partial<ToolResult> = {}): ToolResult => ({
  status: 'ok',
  date: '2026-12-05',
  loadAtStart: 1,
  buildMs,
  peakBytes: 1024 ** 3,
  ...extra,
});

const stored = (runs: Stored['runs'][string]): Stored => ({ machine: {}, versions: {}, runs: { 2000: runs } });
const row = (rows: string[][], goal: string) => rows.find((r) => r[0]!.startsWith(goal));

describe('benchmark goals', () => {
  it('checks the build against the bare floor (2×) and the plugins floor (1.6×)', () => {
    const rows = goals(2000, stored({ site: run(100_000), bare: run(40_000), floor: run(70_000) }));
    expect(row(rows, 'within 2× of the bare floor')).toEqual(['within 2× of the bare floor', '2.50×', '✗ missed']);
    expect(row(rows, 'within 1.6× of the floor')).toEqual(['within 1.6× of the floor', '1.43×', '✓']);
    const met = goals(2000, stored({ site: run(80_000), bare: run(40_000) }));
    expect(row(met, 'within 2× of the bare floor')?.[2]).toBe('✓');
    expect(row(met, 'within 1.6× of the floor')).toBeUndefined();
  });

  it('wants a rebuild within 5 % of a cold build', () => {
    const slow = goals(2000, stored({ site: run(100_000, { rebuildMs: 8_600 }) }));
    expect(row(slow, 'rebuild after one edit')).toEqual([
      'rebuild after one edit under 5% of a cold build',
      '8.6 s (8.6%)',
      '✗ missed',
    ]);
    const fast = goals(2000, stored({ site: run(100_000, { rebuildMs: 4_000 }) }));
    expect(row(fast, 'rebuild after one edit')?.[2]).toBe('✓');
  });
});
