// `astro dev` started as a contributor starts it, for the dev-server test and `npm run bench -- dev`.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface DevServer {
  origin: string;
  /** The last 8,000 characters the server printed. */
  output(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
    probe.on('error', fail);
  });
}

/**
 * Starts `astro dev` of the project in `cwd` (its own node_modules/astro), in a process group of its own so that
 * stopping it stops its workers too. The environment is a contributor's shell: Vitest's NODE_ENV=test and VITEST*
 * make Astro's dev server answer 404 everywhere.
 */
export function startDevServer(options: { cwd?: string; env?: NodeJS.ProcessEnv; port: number }): DevServer {
  const cwd = options.cwd ?? '.';
  const shell = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')),
  );
  const astro = join('node_modules', 'astro', 'bin', 'astro.mjs');
  const child = spawn(process.execPath, [astro, 'dev', '--port', String(options.port), '--host', '127.0.0.1'], {
    cwd,
    env: { ...shell, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    origin: `http://127.0.0.1:${options.port}`,
    output: () => output,
    exited,
    async stop() {
      if (exited() || child.pid === undefined) return;
      const closed = new Promise((done) => child.once('close', done));
      process.kill(-child.pid, 'SIGTERM');
      const killed = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000);
      await closed;
      clearTimeout(killed);
    },
  };
}

/**
 * Milliseconds from `since` until `path` answers 200 (with `contains` in it, when given). Requests one at a time:
 * a dev server renders on request, and a second request in flight would only queue behind the first.
 */
export async function waitForPage(
  server: DevServer,
  path: string,
  options: { contains?: string; since?: number; timeoutMs: number },
): Promise<number> {
  const since = options.since ?? performance.now();
  for (;;) {
    if (server.exited()) throw new Error(`astro dev exited:\n${server.output()}`);
    if (performance.now() - since > options.timeoutMs) {
      const what = options.contains === undefined ? 'answer' : `show "${options.contains}"`;
      throw new Error(`${path} did not ${what} within ${options.timeoutMs / 1000} s:\n${server.output()}`);
    }
    try {
      const response = await fetch(server.origin + path, { signal: AbortSignal.timeout(options.timeoutMs) });
      const html = await response.text();
      if (response.ok && (options.contains === undefined || html.includes(options.contains)))
        return performance.now() - since;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}
