// Wall time and peak memory of a command and everything it starts (Astro's workers, Pagefind's binary, esbuild),
// for `npm run bench -- peers`. `/usr/bin/time -v` is not on every machine, and a process's own maxRSS misses its
// children, so this reads Linux's /proc: every 100 ms it sums the resident memory (VmRSS) of the whole process
// tree, and keeps each process's own high-water mark (VmHWM). The peak reported is the larger of the highest
// sampled sum and the highest single high-water mark: a lower bound of the true peak, close to it at this rate.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface MeasuredRun {
  ok: boolean;
  /** Exit code, or the signal that ended it. */
  exit: string;
  ms: number;
  peakBytes: number;
  timedOut: boolean;
  /** The message says the JavaScript heap or the machine ran out of memory. */
  outOfMemory: boolean;
  /** The last 4,000 characters of stdout and stderr together. */
  tail: string;
}

function kib(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** Pids of `root` and all its descendants, from the parent pid in /proc/<pid>/stat. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const pids = [root];
  for (let i = 0; i < pids.length; i++) pids.push(...(children.get(pids[i]!) ?? []));
  return pids;
}

/** Runs `command` (no shell), sampling the memory of its process tree; never throws for a failed command. */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<MeasuredRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peakSum = 0;
    const highWater = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      let sum = 0;
      for (const pid of tree(child.pid)) {
        try {
          const status = readFileSync(`/proc/${pid}/status`, 'utf8');
          sum += kib(status, 'VmRSS');
          highWater.set(pid, Math.max(highWater.get(pid) ?? 0, kib(status, 'VmHWM')));
        } catch {
          // Gone already.
        }
      }
      peakSum = Math.max(peakSum, sum);
    };
    const timer = setInterval(sample, 100);
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      // The child and its descendants, by pid (it was not started detached, so not by group).
      for (const pid of child.pid === undefined ? [] : tree(child.pid).reverse()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Gone already.
        }
      }
    }, options.timeoutMs);
    child.on('close', (code, signal) => {
      clearInterval(timer);
      clearTimeout(deadline);
      const ms = performance.now() - started;
      const peakBytes = Math.max(peakSum, ...highWater.values(), 0);
      const outOfMemory = /heap out of memory|Allocation failed|ENOMEM|Cannot allocate memory/i.test(output);
      resolve({
        ok: code === 0,
        exit: signal ?? String(code),
        ms,
        peakBytes,
        timedOut,
        outOfMemory,
        tail: output.slice(-4000),
      });
    });
  });
}
