// The benchmark's memory sampler (scripts/bench/process-tree.ts) counts a command's children too, and reports a
// failed or out-of-memory command instead of throwing.
import { describe, expect, it } from 'vitest';
import { runMeasured } from '../../../scripts/bench/process-tree.ts';

const MIB = 1024 ** 2;
// Holds `mib` MiB of touched (resident) memory for 800 ms.
const hold = (mib: number) => `const b = Buffer.alloc(${mib} * 1024 * 1024, 1); setTimeout(() => b.length, 800);`;

describe('runMeasured', () => {
  it('sees the memory of a grandchild process', async () => {
    const parent = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(hold(300))}], { stdio: 'inherit' });`;
    const run = await runMeasured(process.execPath, ['-e', parent], { timeoutMs: 30_000 });
    expect(run.ok).toBe(true);
    expect(run.peakBytes).toBeGreaterThan(300 * MIB);
    expect(run.ms).toBeGreaterThan(700);
  });

  it('reports a failing command with its exit code and output', async () => {
    const run = await runMeasured(process.execPath, ['-e', 'console.error("broken pipeline"); process.exit(3)'], {
      timeoutMs: 30_000,
    });
    expect(run).toMatchObject({ ok: false, exit: '3', timedOut: false, outOfMemory: false });
    expect(run.tail).toContain('broken pipeline');
  });

  it('recognises a JavaScript heap running out', async () => {
    const grow = 'const a = []; for (;;) a.push(new Array(1e6).fill(Math.random()));';
    const run = await runMeasured(process.execPath, ['--max-old-space-size=64', '-e', grow], { timeoutMs: 60_000 });
    expect(run.ok).toBe(false);
    expect(run.outOfMemory).toBe(true);
  });

  it('stops a command at its deadline', async () => {
    const run = await runMeasured(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { timeoutMs: 500 });
    expect(run).toMatchObject({ ok: false, timedOut: true, exit: 'SIGKILL' });
    expect(run.ms).toBeLessThan(10_000);
  });
});
