// `npm run bench -- peers [--n 200,2000] [--tools site,bare,floor,starlight,vitepress] [--repeat 2]`: this site's build
// against its peers on one synthetic corpus (scripts/bench/corpus.ts). Not part of a plain `npm run bench`: it
// takes minutes (N=200: about three; N=2000: about a quarter of an hour with every tool).
//
// For each N it writes the corpus, then builds it cold (caches emptied) with
//   site       this project's `npm run build` (Astro, Pagefind, link check, service worker), NOTES_DIR=the corpus;
//   floor      scripts/bench/floor.ts: the same Markdown processor in one process, HTML strings only;
//   bare       scripts/bench/floor.ts --bare: the same with none of the site's plugins (GFM, math, KaTeX, Shiki);
//   starlight  Astro Starlight, defaults + the same remark-math/rehype-katex (bench/peers/starlight/);
//   vitepress  VitePress, default theme + local search + its MathJax math (bench/peers/vitepress/);
// measuring wall time and the peak resident memory of each build's process tree, then, on each output: total
// size, the median note's HTML, the JavaScript and CSS (gzip) Chromium downloads to show a text-only note, and the
// search index. The site is then rebuilt after an edit to one note (warm cache). `--repeat k` builds each tool k
// times in interleaved rounds and keeps its fastest build: on a shared machine, the one least slowed by others.
// A peer's dependencies live in its own folder with its own lockfile and are installed there on first use
// (`npm ci`), never in the site's. Results accumulate by N in bench/peers.json; bench/RESULTS.md and
// bench/chart.svg are written from it.
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openBrowser } from '../../tests/e2e/support/browser.ts';
import { ensureInstalled } from './local-install.ts';
import { serveStatic } from '../../tests/e2e/support/server.ts';
import { writePeerCorpus, type CorpusNote } from './corpus.ts';
import { writeBenchCorpus } from './bench-corpus.ts';
import { runMeasured, type MeasuredRun } from './process-tree.ts';
import { median, option, table, type BenchSection } from './section.ts';
import { astroCacheDir, BUILD_CACHE_DIR } from '../../src/pipeline/build-cache.ts';

import {
  chart,
  goals,
  LABELS,
  machine,
  mib,
  PEERS,
  resultsMarkdown,
  loadStored,
  RESULTS_JSON,
  RESULTS_MD,
  rows,
  seconds,
  TOOL_IDS,
  versions,
  type ToolId,
  type ToolResult,
} from './peers-report.ts';

export type { ToolId, ToolResult } from './peers-report.ts';

const CHART = 'bench/chart.svg';
const WORK = join(tmpdir(), 'dln-bench-peers');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}
const folderBytes = (dir: string) => walk(dir).reduce((sum, f) => sum + statSync(f).size, 0);
/** Where a note's page is in a tool's output, and its URL. */
function notePage(tool: ToolId, note: CorpusNote): { url: string; file: string } {
  const url = `${note.lang === 'en' ? '/en' : ''}/notes/${note.slug}`;
  return tool === 'vitepress'
    ? { url: `${url}.html`, file: `${url.slice(1)}.html` }
    : { url: `${url}/`, file: `${url.slice(1)}/index.html` };
}

/** The search index on disk: Pagefind's data and WebAssembly (not its UI kits), or VitePress's index chunks. */
function searchIndexBytes(tool: ToolId, dist: string): number {
  if (tool === 'vitepress') {
    return walk(join(dist, 'assets'))
      .filter((f) => /@localSearchIndex/.test(f))
      .reduce((s, f) => s + statSync(f).size, 0);
  }
  const dir = join(dist, 'pagefind');
  return existsSync(dir)
    ? walk(dir)
        .filter((f) => !/\.(js|css)$/.test(f))
        .reduce((s, f) => s + statSync(f).size, 0)
    : 0;
}

/** Inline `<script>` (JavaScript only) and `<style>` bodies of a page, each gzipped on its own. */
function inlineGzip(html: string): { js: number; css: number } {
  let js = 0;
  let css = 0;
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const type = /\btype="([^"]*)"/.exec(attributes)?.[1] ?? '';
    if (/\bsrc=/.test(attributes) || body.trim() === '' || !['', 'module', 'text/javascript'].includes(type)) continue;
    js += gzipSync(body).length;
  }
  for (const [, body = ''] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css += gzipSync(body).length;
  return { js, css };
}

/**
 * JavaScript and CSS a reader downloads to see a page, gzipped file by file as a server would send them (zlib's
 * default level), plus the inline scripts and styles: what headless Chromium requests until the network is idle,
 * with service workers blocked (the site's would precache up to 20 MiB in the background).
 */
async function pageAssets(dist: string, url: string, file: string): Promise<{ js: number; css: number }> {
  const { server, url: base } = await serveStatic(dist);
  const session = await openBrowser({ serviceWorkers: 'block' });
  try {
    const page = await session.context.newPage();
    const bodies = new Map<string, Promise<{ type: string; bytes: number }>>();
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if ((type === 'script' || type === 'stylesheet') && !bodies.has(response.url())) {
        bodies.set(
          response.url(),
          response.body().then((b) => ({ type, bytes: gzipSync(b).length })),
        );
      }
    });
    const response = await page.goto(base + url, { waitUntil: 'networkidle' });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    const inline = inlineGzip(readFileSync(join(dist, file), 'utf8'));
    const files = await Promise.all(bodies.values());
    return {
      js: inline.js + files.filter((f) => f.type === 'script').reduce((s, f) => s + f.bytes, 0),
      css: inline.css + files.filter((f) => f.type === 'stylesheet').reduce((s, f) => s + f.bytes, 0),
    };
  } finally {
    await session.close();
    server.close();
  }
}

/** The line of a failed build's output that says what went wrong (the first error), else its last line. */
function failureLine(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const patterns = [/FATAL ERROR|out of memory/i, /^(\[\w+\] )?\w*Error\b|\[ERROR\]/, /✗/];
  const error = patterns.map((p) => lines.find((l) => p.test(l))).find(Boolean);
  return (error ?? lines.at(-1) ?? '').slice(0, 300);
}

const resultOf = (run: MeasuredRun, loadAtStart: number): ToolResult => ({
  status: run.ok ? 'ok' : run.outOfMemory ? 'out of memory' : run.timedOut ? 'timed out' : 'failed',
  ...(run.ok
    ? {}
    : {
        problem: `exit ${run.exit}: ${failureLine(run.tail)}`,
      }),
  date: new Date().toISOString().slice(0, 10),
  loadAtStart: Number(loadAtStart.toFixed(2)),
  buildMs: Math.round(run.ms),
  peakBytes: run.peakBytes,
});

const BUILD_ENV = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' };
const timeoutFor = (n: number) => Math.max(10 * 60_000, n * 900);
const outDir = (tool: ToolId, n: number) => join(WORK, `${tool}-${n}`);

/** One cold build: the output folder and the tool's caches emptied first. */
async function coldBuild(tool: ToolId, n: number, corpus: string, notes: readonly CorpusNote[]): Promise<ToolResult> {
  const out = outDir(tool, n);
  rmSync(out, { recursive: true, force: true });
  const timeoutMs = timeoutFor(n);
  const load = loadavg()[0]!;
  let run: MeasuredRun;
  if (tool === 'site') {
    // build.ts hands Astro `${out}.staging` as ASTRO_OUT_DIR.
    rmSync(astroCacheDir(corpus, `${out}.staging`), { recursive: true, force: true });
    // Also what the build reuses across builds (remembered checks, the last search index, font subsets).
    rmSync(BUILD_CACHE_DIR, { recursive: true, force: true });
    run = await runMeasured(process.execPath, ['scripts/build.ts'], {
      env: { ...BUILD_ENV, NOTES_DIR: corpus, ASTRO_OUT_DIR: out },
      timeoutMs,
    });
  } else if (tool === 'floor' || tool === 'bare') {
    const args = ['scripts/bench/floor.ts', corpus, ...(tool === 'bare' ? ['--bare'] : [])];
    run = await runMeasured(process.execPath, args, { env: BUILD_ENV, timeoutMs });
  } else if (tool === 'starlight') {
    const dir = PEERS.starlight;
    ensureInstalled(dir);
    writePeerCorpus(join(dir, 'src/content/docs'), notes);
    for (const cache of ['.astro', 'node_modules/.astro']) rmSync(join(dir, cache), { recursive: true, force: true });
    run = await runMeasured(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      cwd: dir,
      env: { ...BUILD_ENV, PEER_OUT_DIR: out },
      timeoutMs,
    });
  } else {
    const dir = PEERS.vitepress;
    ensureInstalled(dir);
    // VitePress links pages without the trailing slash (it checks links and fails on dead ones).
    writePeerCorpus(join(dir, 'corpus'), notes, (url) => url.replace(/\/$/, ''));
    rmSync(join(dir, '.vitepress/cache'), { recursive: true, force: true });
    run = await runMeasured(process.execPath, ['node_modules/vitepress/bin/vitepress.js', 'build'], {
      cwd: dir,
      env: { ...BUILD_ENV, PEER_OUT_DIR: out },
      timeoutMs,
    });
  }
  return resultOf(run, load);
}

/** What a tool wrote: total size, the median note page, what a text note loads, the search index. */
async function measureOutput(tool: ToolId, n: number, notes: readonly CorpusNote[]): Promise<Partial<ToolResult>> {
  const out = outDir(tool, n);
  const sizes = notes.map((note) => statSync(join(out, notePage(tool, note).file)).size);
  const textNote = notes.find((note) => note.textOnly && note.lang === 'zh') ?? notes[0]!;
  const { url, file } = notePage(tool, textNote);
  const assets = await pageAssets(out, url, file);
  return {
    distBytes: folderBytes(out),
    medianNoteBytes: median(sizes),
    textNoteJsGzip: assets.js,
    textNoteCssGzip: assets.css,
    searchIndexBytes: searchIndexBytes(tool, out),
  };
}

/** Three rebuilds are timed, each after an edit to another note; the median is reported (one run is noisy). */
const REBUILDS = 3;

/** This site built again after one note was edited: Astro's content cache and the output folder are warm. */
async function rebuildAfterEdit(n: number, corpus: string, notes: readonly CorpusNote[]): Promise<number[]> {
  const out = outDir('site', n);
  const edited = notes
    .filter((note) => note.lang === 'zh')
    .slice(0, REBUILDS)
    .map((note) => join(corpus, 'zh', `${note.slug}.md`));
  const originals = edited.map((file) => readFileSync(file, 'utf8'));
  const times: number[] = [];
  try {
    for (const file of edited) {
      await siteReplaced(out);
      appendFileSync(file, '\n改动一句话，看看增量构建要多久。\n');
      const again = await runMeasured(process.execPath, ['scripts/build.ts'], {
        env: { ...BUILD_ENV, NOTES_DIR: corpus, ASTRO_OUT_DIR: out },
        timeoutMs: timeoutFor(n),
      });
      if (!again.ok) return [];
      times.push(Math.round(again.ms));
    }
    return times;
  } finally {
    edited.forEach((file, i) => writeFileSync(file, originals[i]!));
  }
}

/** Until the site the last build replaced is deleted (in the background, scripts/build.ts), at most 30 s. */
async function siteReplaced(out: string): Promise<void> {
  const [parent, prefix] = [dirname(out), `${basename(out)}.previous-`];
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (!readdirSync(parent).some((name) => name.startsWith(prefix))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const peersBench: BenchSection = {
  name: 'peers',
  description:
    'builds N synthetic notes with this site, the floors (bare and with the site plugins), Starlight and VitePress (--n 200,2000 --tools …)',
  standalone: true,
  async run() {
    const ns = (option('n') ?? ['200']).map(Number);
    const repeat = Number(option('repeat')?.[0] ?? 1);
    const tools = (option('tools') ?? TOOL_IDS) as ToolId[];
    const wrong = [
      ...ns.filter((n) => !Number.isInteger(n) || n < 2),
      ...tools.filter((t) => !TOOL_IDS.includes(t)),
      ...(Number.isInteger(repeat) && repeat >= 1 ? [] : [`--repeat ${repeat}`]),
    ];
    if (wrong.length > 0)
      throw new Error(`peers: unknown --n or --tools value ${wrong.join(', ')} (tools: ${TOOL_IDS.join(', ')}).`);
    mkdirSync(WORK, { recursive: true });
    const stored = loadStored();
    const printed: string[] = [];
    for (const n of ns) {
      const { notes, corpus } = writeBenchCorpus(n);
      const results: Partial<Record<ToolId, ToolResult>> = { ...stored.runs[n] };
      const save = () => {
        stored.runs[n] = results;
        stored.machine = machine();
        stored.versions = versions();
        // Saved after every build, so an interrupted run keeps what it measured.
        writeFileSync(RESULTS_JSON, `${JSON.stringify(stored, null, 2)}\n`);
      };
      // Rounds of one cold build per tool, interleaved so that every tool meets the same background load;
      // each tool keeps its fastest round (the one least slowed down by other work on the machine).
      const best = new Map<ToolId, ToolResult>();
      const times = new Map<ToolId, number[]>();
      for (let round = 1; round <= repeat; round++) {
        for (const tool of tools) {
          if (best.has(tool) && best.get(tool)!.status !== 'ok') continue;
          process.stdout.write(`  N=${n} ${LABELS[tool]}${repeat > 1 ? ` (round ${round})` : ''}: building … `);
          const result = await coldBuild(tool, n, corpus, notes);
          const problem = result.problem ? ` (${result.problem})` : '';
          console.log(`${result.status}, ${seconds(result.buildMs)}, ${mib(result.peakBytes)}${problem}`);
          times.set(tool, [...(times.get(tool) ?? []), result.buildMs]);
          const previous = best.get(tool);
          if (!previous || (result.status === 'ok' && result.buildMs < previous.buildMs)) best.set(tool, result);
          // A tool's output is the same in every round: measure it once, from the last round.
          if (round === repeat && result.status === 'ok' && tool !== 'floor' && tool !== 'bare') {
            Object.assign(best.get(tool)!, await measureOutput(tool, n, notes));
            const rebuilds = tool === 'site' ? await rebuildAfterEdit(n, corpus, notes) : [];
            if (rebuilds.length > 0) Object.assign(best.get(tool)!, { rebuildMs: median(rebuilds), rebuilds });
          }
          results[tool] = { ...best.get(tool)!, ...(repeat > 1 ? { rounds: times.get(tool)! } : {}) };
          save();
        }
      }
    }
    for (const n of ns) {
      printed.push(`N = ${n}\n${table(rows(stored.runs[n]!))}`);
      const goalRows = goals(n, stored);
      if (goalRows.length > 0) printed.push(table(goalRows));
    }
    writeFileSync(RESULTS_MD, resultsMarkdown(stored));
    writeFileSync(CHART, chart(stored));
    printed.push(`Wrote ${RESULTS_MD}, ${CHART} and ${RESULTS_JSON}.`);
    return printed.join('\n\n');
  },
};
