// `npm run bench`: measurements with goals, reported, never failing (timings do not belong in tests).
//   npm run bench                 every section but the standalone ones, against a fresh build in a temporary folder
//   npm run bench -- widgets      only the named sections
//   npm run bench -- peers --n 200,2000   the slow comparison with Starlight and VitePress (builds its own corpus)
//   npm run bench -- dev --n 2000         the writing loop: astro dev's start and an edit served, beside Starlight
//   BENCH_DIST=/tmp/x-dist npm run bench   reuse a build instead of building
// A section is a module in scripts/bench/ exporting a `BenchSection`; add it to SECTIONS below.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from './bench/section.ts';
import { widgetsBench } from './bench/widgets.ts';
import { playgroundBench } from './bench/playground.ts';
import { searchBench } from './bench/search.ts';
import { offlineBench } from './bench/offline.ts';
import { peersBench } from './bench/peers.ts';
import { devBench } from './bench/dev.ts';

const SECTIONS: BenchSection[] = [widgetsBench, playgroundBench, searchBench, offlineBench, peersBench, devBench];

// Section names; not options, nor an option's value (`--n 200`).
const args = process.argv.slice(2);
const wanted = args.filter(
  (arg, i) => !arg.startsWith('-') && !(args[i - 1]?.startsWith('--') && !args[i - 1]!.includes('=')),
);
const unknown = wanted.filter((name) => !SECTIONS.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`Unknown section ${unknown.join(', ')}; there are: ${SECTIONS.map((s) => s.name).join(', ')}.`);
  process.exit(2);
}
const sections =
  wanted.length > 0 ? SECTIONS.filter((s) => wanted.includes(s.name)) : SECTIONS.filter((s) => !s.standalone);

/** A build of the site to measure: BENCH_DIST if given, else a fresh one in a fixed temporary folder. */
function builtSite(): string {
  if (process.env.BENCH_DIST) {
    if (!existsSync(join(process.env.BENCH_DIST, 'index.html')))
      throw new Error(`BENCH_DIST=${process.env.BENCH_DIST} holds no built site.`);
    return process.env.BENCH_DIST;
  }
  // A fixed name, not mkdtemp: Astro keeps a content cache per output folder (see astro.config.mjs).
  const dist = join(tmpdir(), 'dln-bench-dist');
  console.log(`Building the site into ${dist} …`);
  const started = performance.now();
  const build = spawnSync(process.execPath, ['scripts/build.ts'], {
    env: { ...process.env, ASTRO_OUT_DIR: dist },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    throw new Error('The build failed: nothing to measure.');
  }
  console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
  return dist;
}

const dist = sections.some((s) => !s.standalone) ? builtSite() : '';
for (const section of sections) {
  console.log(`■ ${section.name}: ${section.description}\n`);
  console.log(await section.run({ dist }));
  console.log('');
}
