// Network playground figures for `npm run bench`: training throughput on the spiral with a 2×8×8×1 network and
// batches of 10 in headless Chromium against the built site (raw, and while playing with the pictures redrawn
// every frame), the longest gap between frames while playing (is the page still responsive?), and the size of
// the JavaScript the playground ships, gzipped.
// Run alone with `node scripts/bench/playground.ts [dist]`, or as `npm run bench -- playground`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/support/browser.ts';
import { serveStatic } from '../../tests/e2e/support/server.ts';
import { table, verdict, type BenchSection } from './section.ts';

/** The configuration measured: spiral, hidden layers 8 and 8 (2×8×8×1), batch 10, the defaults otherwise. */
const CONFIG = '#playground:d=spiral&n=0&t=0.5&h=8,8&a=tanh&lr=0.03&b=10&o=adam&l2=0&do=0&s=1';
const PAGE = '/en/notes/network-architectures/';
/** The goal for raw training throughput. */
const GOAL_STEPS_PER_SECOND = 2000;

export interface PlaygroundBench {
  /** Median over five runs of 2,000 steps each, training only (what `trainSteps` does). */
  stepsPerSecond: number;
  /** Steps per second while playing for PLAY_MS, with the heat map, thumbnails and text redrawn every frame. */
  playingStepsPerSecond: number;
  /** Frames drawn per second while playing, and the longest gap between two frames. */
  framesPerSecond: number;
  longestFrameMs: number;
  /** The playground's script and the chunks it imports: bytes as served and gzipped (file by file). */
  js: { files: string[]; bytes: number; gzip: number };
  /** Test loss after the raw runs, to show the network really trained. */
  testLoss: string;
}

const PLAY_MS = 3000;

/** The playground's entry script on a built page and every chunk it imports, transitively. */
function playgroundScripts(dist: string): string[] {
  const html = readFileSync(join(dist, PAGE, 'index.html'), 'utf8');
  const entry = /<script type="module" src="(\/_astro\/Playground\.astro[^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error(`no playground script on ${PAGE}`);
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(join(dist, path), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)) visit(`/_astro/${m[1]}`);
  };
  visit(entry);
  return [...seen];
}

export async function measurePlayground(dist: string): Promise<PlaygroundBench> {
  const files = playgroundScripts(dist);
  const buffers = files.map((f) => readFileSync(join(dist, f)));
  const js = {
    files,
    bytes: buffers.reduce((s, b) => s + b.length, 0),
    gzip: buffers.reduce((s, b) => s + gzipSync(b).length, 0),
  };

  const { server, url } = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${url}${PAGE}${CONFIG}`);
    await page.locator('dl-playground[data-ready]').waitFor();
    await page.locator('dl-playground').scrollIntoViewIfNeeded();
    const raw = await page.evaluate(() => {
      const el = document.querySelector('dl-playground')!;
      if (
        el.state.config.hidden.join() !== '8,8' ||
        el.state.config.dataset !== 'spiral' ||
        el.state.config.batchSize !== 10
      )
        throw new Error('wrong configuration');
      el.trainSteps(500); // warm up the JIT
      const runs = Array.from({ length: 5 }, () => 2000 / (el.trainSteps(2000) / 1000));
      return { stepsPerSecond: runs.sort((a, b) => a - b)[2]!, testLoss: el.state.metrics.testLoss.toFixed(3) };
    });
    const played = await page.evaluate(async (ms) => {
      const el = document.querySelector('dl-playground')!;
      el.dispatch({ type: 'reset' });
      const gaps: number[] = [];
      let last = performance.now();
      let running = true;
      const frame = (now: number) => {
        gaps.push(now - last);
        last = now;
        if (running) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      const start = performance.now();
      el.dispatch({ type: 'play' });
      await new Promise((resolve) => setTimeout(resolve, ms));
      el.dispatch({ type: 'pause' });
      running = false;
      const seconds = (performance.now() - start) / 1000;
      return { steps: el.state.run.step / seconds, fps: gaps.length / seconds, longest: Math.max(...gaps.slice(1)) };
    }, PLAY_MS);
    return {
      stepsPerSecond: raw.stepsPerSecond,
      testLoss: raw.testLoss,
      playingStepsPerSecond: played.steps,
      framesPerSecond: played.fps,
      longestFrameMs: played.longest,
      js,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} KB`;
const perSecond = (n: number) => Math.round(n).toLocaleString('en');

/** The results as the aligned text table `npm run bench` prints. */
export function formatPlaygroundBench(b: PlaygroundBench): string {
  return [
    table([
      ['measure', 'value', `goal`],
      [
        'training steps/s: spiral, 2×8×8×1, batch 10 (median of 5 × 2,000)',
        perSecond(b.stepsPerSecond),
        `> ${perSecond(GOAL_STEPS_PER_SECOND)} ${verdict(b.stepsPerSecond > GOAL_STEPS_PER_SECOND)}`,
      ],
      [`steps/s while playing, redrawing every frame (${PLAY_MS / 1000} s)`, perSecond(b.playingStepsPerSecond), ''],
      [
        'frames/s while playing · longest frame',
        `${b.framesPerSecond.toFixed(0)} · ${b.longestFrameMs.toFixed(0)} ms`,
        '',
      ],
      [`playground JS, gzip · as served (${b.js.files.length} files)`, `${kb(b.js.gzip)} · ${kb(b.js.bytes)}`, ''],
      ['test loss after the 10,500 measured steps', b.testLoss, ''],
    ]),
    '',
    'While playing, a frame trains at most one epoch (20 steps here) within a 6 ms budget, so the picture stays',
    'watchable and the page responsive; the first row is the speed of training alone.',
  ].join('\n');
}

/** The playground section of `npm run bench`. */
export const playgroundBench: BenchSection = {
  name: 'playground',
  description:
    'Network playground: training steps per second in Chromium, frame rate while training, JavaScript shipped.',
  run: async ({ dist }) => formatPlaygroundBench(await measurePlayground(dist)),
};

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await playgroundBench.run({ dist: process.argv[2] ?? 'dist' }));
}
