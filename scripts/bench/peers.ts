// `npm run bench -- peers [--n 200,2000] [--tools site,floor,starlight,vitepress] [--repeat 2]`: this site's build
// against its peers on one synthetic corpus (scripts/bench/corpus.ts). Not part of a plain `npm run bench`: it
// takes minutes (N=200: about three; N=2000: about a quarter of an hour with every tool).
//
// For each N it writes the corpus, then builds it cold (caches emptied) with
//   site       this project's `npm run build` (Astro, Pagefind, link check, service worker), NOTES_DIR=the corpus;
//   floor      scripts/bench/floor.ts: the same Markdown processor in one process, HTML strings only;
//   starlight  Astro Starlight, defaults + the same remark-math/rehype-katex (bench/peers/starlight/);
//   vitepress  VitePress, default theme + local search + its MathJax math (bench/peers/vitepress/);
// measuring wall time and the peak resident memory of each build's process tree, then, on each output: total
// size, the median note's HTML, the JavaScript and CSS (gzip) Chromium downloads to show a text-only note, and the
// search index. The site is then rebuilt after an edit to one note (warm cache). `--repeat k` builds each tool k
// times in interleaved rounds and keeps its fastest build: on a shared machine, the one least slowed by others.
// A peer's dependencies live in its own folder with its own lockfile and are installed there on first use
// (`npm ci`), never in the site's. Results accumulate by N in bench/peers.json; bench/RESULTS.md and
// bench/chart.svg are written from it.
import { spawnSync } from 'node:child_process';
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
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openBrowser } from '../../tests/e2e/support/browser.ts';
import { ensureInstalled } from './local-install.ts';
import { serveStatic } from '../../tests/e2e/support/server.ts';
import { groupedBarChart, type ChartPanel } from './chart.ts';
import { generateCorpus, registryTags, writePeerCorpus, writeSiteCorpus, type CorpusNote } from './corpus.ts';
import { runMeasured, type MeasuredRun } from './process-tree.ts';
import { median, table, verdict, type BenchSection } from './section.ts';
import { BUILD_CACHE_DIR } from '../../src/pipeline/build-cache.ts';

export type ToolId = 'site' | 'floor' | 'starlight' | 'vitepress';
const TOOL_IDS: readonly ToolId[] = ['site', 'floor', 'starlight', 'vitepress'];
const LABELS: Record<ToolId, string> = {
  site: 'this site',
  floor: 'floor (plugins only)',
  starlight: 'Starlight',
  vitepress: 'VitePress',
};
const COLORS: Record<ToolId, string> = {
  site: '#1f5fbf',
  floor: '#7a7a7a',
  starlight: '#7b3fb3',
  vitepress: '#2e8b57',
};

export interface ToolResult {
  status: 'ok' | 'out of memory' | 'timed out' | 'failed';
  /** What went wrong, in a line. */
  problem?: string;
  date: string;
  /** The 1-minute load average when the build started: other work on the machine slows a build down. */
  loadAtStart: number;
  buildMs: number;
  peakBytes: number;
  distBytes?: number;
  medianNoteBytes?: number;
  textNoteJsGzip?: number;
  textNoteCssGzip?: number;
  searchIndexBytes?: number;
  /** This site only: a rebuild after one note was edited, caches warm. */
  rebuildMs?: number;
  /** With `--repeat`: the wall time of every round (the result is the fastest). */
  rounds?: number[];
}

interface Stored {
  machine: Record<string, string>;
  versions: Record<string, string>;
  runs: Record<string, Partial<Record<ToolId, ToolResult>>>;
}

const ROOT = resolve('.');
const RESULTS_JSON = 'bench/peers.json';
const RESULTS_MD = 'bench/RESULTS.md';
const CHART = 'bench/chart.svg';
const WORK = join(tmpdir(), 'dln-bench-peers');
const PEERS = { starlight: 'bench/peers/starlight', vitepress: 'bench/peers/vitepress' } as const;

/** Goals from the issue (at N=2000). */
const GOALS = { floorRatio: 1.6, peakBytes: 2 * 1024 ** 3, textJsGzip: 2000, rebuildShare: 0.1, sameMedian: 0.05 };

/** `--name value` or `--name=value` from the command line, split at commas. */
function option(name: string): string[] | undefined {
  const args = process.argv.slice(2);
  const index = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (index < 0) return undefined;
  const value = args[index]!.includes('=') ? args[index]!.split('=')[1]! : (args[index + 1] ?? '');
  return value.split(',').filter(Boolean);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}
const folderBytes = (dir: string) => walk(dir).reduce((sum, f) => sum + statSync(f).size, 0);
const version = (dir: string, name: string) => {
  try {
    return (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'not installed';
  }
};

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

/** The site's content cache for a NOTES_DIR build, named as astro.config.mjs names it (emptied for a cold build). */
function siteCacheDir(notesDir: string, out: string): string {
  // build.ts hands Astro `${out}.staging` as ASTRO_OUT_DIR.
  return join(tmpdir(), 'dln-astro-cache', `${notesDir}-${out}.staging`.replace(/[^a-z0-9]+/gi, '-').slice(-80));
}

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
    rmSync(siteCacheDir(corpus, out), { recursive: true, force: true });
    // Also what the build reuses across builds (remembered checks, the last search index, font subsets).
    rmSync(BUILD_CACHE_DIR, { recursive: true, force: true });
    run = await runMeasured(process.execPath, ['scripts/build.ts'], {
      env: { ...BUILD_ENV, NOTES_DIR: corpus, ASTRO_OUT_DIR: out },
      timeoutMs,
    });
  } else if (tool === 'floor') {
    run = await runMeasured(process.execPath, ['scripts/bench/floor.ts', corpus], { env: BUILD_ENV, timeoutMs });
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

/** This site built again after one note was edited: Astro's content cache and the output folder are warm. */
async function rebuildAfterEdit(n: number, corpus: string, notes: readonly CorpusNote[]): Promise<number | undefined> {
  const edited = join(corpus, 'zh', `${notes[0]!.slug}.md`);
  const original = readFileSync(edited, 'utf8');
  appendFileSync(edited, '\n改动一句话，看看增量构建要多久。\n');
  try {
    const again = await runMeasured(process.execPath, ['scripts/build.ts'], {
      env: { ...BUILD_ENV, NOTES_DIR: corpus, ASTRO_OUT_DIR: outDir('site', n) },
      timeoutMs: timeoutFor(n),
    });
    return again.ok ? Math.round(again.ms) : undefined;
  } finally {
    writeFileSync(edited, original);
  }
}

const mib = (bytes: number | undefined) =>
  bytes === undefined ? '–' : `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 2 : 0)} MiB`;
const kibText = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} KiB`);
const seconds = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);

/** Rows of the results table for one N: time and memory with their ratio to this site, then the output. */
function rows(results: Partial<Record<ToolId, ToolResult>>): string[][] {
  const site = results.site?.status === 'ok' ? results.site : undefined;
  const header = [
    'tool',
    'build',
    '÷ site',
    'peak memory',
    '÷ site',
    'dist',
    'median note HTML',
    'text note JS (gzip)',
    'CSS (gzip)',
    'search index',
  ];
  const body = TOOL_IDS.filter((id) => results[id]).map((id) => {
    const r = results[id]!;
    if (r.status !== 'ok')
      return [LABELS[id], `${r.status} after ${seconds(r.buildMs)}`, '', mib(r.peakBytes), '', '–', '–', '–', '–', '–'];
    const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : '–');
    return [
      LABELS[id],
      seconds(r.buildMs),
      ratio(r.buildMs, site?.buildMs),
      mib(r.peakBytes),
      ratio(r.peakBytes, site?.peakBytes),
      mib(r.distBytes),
      kibText(r.medianNoteBytes),
      kibText(r.textNoteJsGzip),
      kibText(r.textNoteCssGzip),
      kibText(r.searchIndexBytes),
    ];
  });
  return [header, ...body];
}

/** The issue's goals, checked on one N's results (and the median page against the other N's). */
function goals(n: number, stored: Stored): string[][] {
  const r = stored.runs[n] ?? {};
  const site = r.site?.status === 'ok' ? r.site : undefined;
  if (!site) return [];
  const out: string[][] = [['goal', 'measured', '']];
  const peers = (['starlight', 'vitepress'] as const).filter((id) => r[id]);
  if (peers.length > 0) {
    const beaten = peers.every((id) => r[id]!.status !== 'ok' || site.buildMs < r[id]!.buildMs);
    out.push([
      'build faster than every peer',
      peers.map((id) => `${LABELS[id]} ${r[id]!.status === 'ok' ? seconds(r[id]!.buildMs) : r[id]!.status}`).join(', '),
      verdict(beaten),
    ]);
  }
  if (r.floor?.status === 'ok') {
    const ratio = site.buildMs / r.floor.buildMs;
    out.push([`within ${GOALS.floorRatio}× of the floor`, `${ratio.toFixed(2)}×`, verdict(ratio <= GOALS.floorRatio)]);
  }
  out.push(['peak memory under 2 GiB', mib(site.peakBytes), verdict(site.peakBytes < GOALS.peakBytes)]);
  if (site.textNoteJsGzip !== undefined) {
    out.push([
      'text note loads under 2 KB of JS (gzip)',
      `${site.textNoteJsGzip} B`,
      verdict(site.textNoteJsGzip < GOALS.textJsGzip),
    ]);
  }
  if (site.rebuildMs !== undefined) {
    const share = site.rebuildMs / site.buildMs;
    out.push([
      'rebuild after one edit under 10% of a cold build',
      `${seconds(site.rebuildMs)} (${(share * 100).toFixed(0)}%)`,
      verdict(share < GOALS.rebuildShare),
    ]);
  }
  const others = Object.keys(stored.runs)
    .map(Number)
    .filter((m) => m !== n && stored.runs[m]?.site?.medianNoteBytes);
  for (const m of others) {
    const a = site.medianNoteBytes!;
    const b = stored.runs[m]!.site!.medianNoteBytes!;
    out.push([
      `median note HTML the same at N=${Math.min(m, n)} and N=${Math.max(m, n)}`,
      `${kibText(m < n ? b : a)} → ${kibText(m < n ? a : b)}`,
      verdict(Math.abs(a - b) / Math.min(a, b) <= GOALS.sameMedian),
    ]);
  }
  return out;
}

function chart(stored: Stored): string {
  const ns = Object.keys(stored.runs)
    .map(Number)
    .sort((a, b) => a - b);
  const value = (n: number, id: ToolId, field: 'buildMs' | 'medianNoteBytes') => {
    const r = stored.runs[n]?.[id];
    if (!r) return null;
    if (r.status !== 'ok') return r.status;
    return field === 'buildMs' ? r.buildMs / 1000 : (r.medianNoteBytes ?? 0) / 1024;
  };
  const series = (ids: readonly ToolId[]) => ids.map((id) => ({ label: LABELS[id], color: COLORS[id] }));
  const weightTools: ToolId[] = ['site', 'starlight', 'vitepress'];
  const panels: ChartPanel[] = [
    {
      title: 'Cold build, wall time (s)',
      unit: ' s',
      series: series(TOOL_IDS),
      groups: ns.map((n) => ({ label: `N = ${n}`, values: TOOL_IDS.map((id) => value(n, id, 'buildMs')) })),
    },
    {
      title: 'Median note page, HTML (KiB)',
      unit: ' KiB',
      series: series(weightTools),
      groups: ns.map((n) => ({ label: `N = ${n}`, values: weightTools.map((id) => value(n, id, 'medianNoteBytes')) })),
    },
  ];
  return groupedBarChart(
    'Building N synthetic study notes: this site against its peers',
    panels,
    `${stored.machine.cpus} cores, ${stored.machine.memory}; lower is better; numbers and method in bench/RESULTS.md`,
  );
}

function markdownTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return [rows[0]!, rows[0]!.map(() => '---'), ...rows.slice(1)].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

function resultsMarkdown(stored: Stored): string {
  const ns = Object.keys(stored.runs)
    .map(Number)
    .sort((a, b) => a - b);
  const lines = [
    '# Benchmark: this site against its peers',
    '',
    'Written by `npm run bench -- peers --n 200` (and `--n 2000`); do not edit by hand. How it is measured:',
    '`scripts/bench/peers.ts`. The widget, playground, search and offline figures are printed by a plain `npm run bench`.',
    '',
    '![Build time and median page weight against the peers](chart.svg)',
    '',
    '## Machine and versions',
    '',
    ...Object.entries(stored.machine).map(([k, v]) => `- ${k}: ${v}`),
    ...Object.entries(stored.versions).map(([k, v]) => `- ${k}: ${v}`),
    '',
    'Other work on the machine slows builds down: each table is followed by the 1-minute load average when each build',
    'started (it still counts the build before it in the same run).',
    '',
  ];
  for (const n of ns) {
    const results = stored.runs[n]!;
    const dates = [...new Set(Object.values(results).map((r) => r.date))].join(', ');
    lines.push(
      `## N = ${n} notes (${n / 2} in Chinese, ${n / 2} in English)`,
      '',
      `Measured ${dates}.`,
      '',
      markdownTable(rows(results)),
      '',
    );
    const loads = TOOL_IDS.filter((id) => results[id])
      .map((id) => `${LABELS[id]} ${results[id]!.loadAtStart}`)
      .join(', ');
    lines.push(`Load average at the start of each build: ${loads}.`, '');
    const rounds = TOOL_IDS.filter((id) => results[id]?.rounds).map(
      (id) => `${LABELS[id]} ${results[id]!.rounds!.map((ms) => seconds(ms)).join(', ')}`,
    );
    if (rounds.length > 0)
      lines.push(`Cold builds in each round (the fastest is in the table): ${rounds.join('; ')}.`, '');
    const problems = TOOL_IDS.filter((id) => results[id]?.problem).map(
      (id) => `- ${LABELS[id]}: ${results[id]!.problem}`,
    );
    if (problems.length > 0) lines.push(...problems, '');
    if (results.site?.rebuildMs !== undefined)
      lines.push(`This site rebuilt after an edit to one note in ${seconds(results.site.rebuildMs)}.`, '');
    const goalRows = goals(n, stored);
    if (goalRows.length > 0)
      lines.push(`The issue's goals (stated for N = 2000), checked at N = ${n}:`, '', markdownTable(goalRows), '');
  }
  lines.push(
    '## What is measured',
    '',
    '- **Corpus**: `scripts/bench/corpus.ts`, seeded, so every tool and every run gets the same bytes. Half the notes are',
    '  Chinese and half English, paired by slug; each has prose, h2/h3 headings, inline and display math, code blocks',
    '  (Python, JavaScript, TypeScript, shell), a table, a list and links to other notes; one in five is text only.',
    '  Peers get the same Markdown in their own layout (title and description in the frontmatter).',
    "- **Build**: cold (the tool's caches emptied), wall time of the whole command; the site's includes Pagefind, the",
    "  internal link check and the service worker, Starlight's its Pagefind step, VitePress's its local search index.",
    "- **Peak memory**: the resident memory of the build's whole process tree, sampled every 100 ms from /proc.",
    '- **Floor**: the same corpus through the Markdown processor of `astro.config.mjs` (the same remark and rehype',
    '  plugins, KaTeX, Shiki) in one Node process, to HTML strings, nothing written (`scripts/bench/floor.ts`).',
    "- **÷ site**: the row's figure divided by this site's: above 1, this site is faster or needs less memory.",
    '- **Median note HTML**: the median size of the N note pages as written (not compressed).',
    '- **Text note JS / CSS**: what headless Chromium downloads to show a text-only note (`/notes/note-0005/`) until the network is idle',
    '  (service workers blocked, search not opened), each file gzipped (zlib level 6), plus inline scripts and styles.',
    "- **Search index**: Pagefind's index files and WebAssembly (not its UI kits); VitePress's `@localSearchIndex` chunks.",
    '- **Peers**: Starlight with its defaults (autogenerated sidebar of every note, Pagefind, Expressive Code), bilingual',
    "  (`root` zh-CN, `en`), remark-math + rehype-katex like the site and KaTeX's CSS through `customCss`; VitePress with",
    '  the default theme, `locales` root zh-CN and en, local search and `markdown.math` (markdown-it-mathjax3).',
    '  Their configurations are in `bench/peers/*/`.',
    '',
  );
  return lines.join('\n');
}

function machine(): Record<string, string> {
  const chromium =
    spawnSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  return {
    cpus: String(availableParallelism()),
    'cpu model': cpus()[0]?.model ?? 'unknown',
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    linux: release(),
    chromium: chromium || 'not found',
  };
}

function versions(): Record<string, string> {
  return {
    'this site': `astro ${version(ROOT, 'astro')}, @astrojs/markdown-remark ${version(ROOT, '@astrojs/markdown-remark')}, pagefind ${version(ROOT, 'pagefind')}, katex ${version(ROOT, 'katex')}`,
    starlight: `@astrojs/starlight ${version(PEERS.starlight, '@astrojs/starlight')}, astro ${version(PEERS.starlight, 'astro')}, pagefind ${version(PEERS.starlight, 'pagefind')}, katex ${version(PEERS.starlight, 'katex')}`,
    vitepress: `vitepress ${version(PEERS.vitepress, 'vitepress')}, vue ${version(PEERS.vitepress, 'vue')}, markdown-it-mathjax3 ${version(PEERS.vitepress, 'markdown-it-mathjax3')}`,
  };
}

export const peersBench: BenchSection = {
  name: 'peers',
  description:
    'builds N synthetic notes with this site, the bare plugins (floor), Starlight and VitePress (--n 200,2000 --tools …)',
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
    const stored: Stored = existsSync(RESULTS_JSON)
      ? (JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as Stored)
      : { machine: {}, versions: {}, runs: {} };
    const printed: string[] = [];
    for (const n of ns) {
      const notes = generateCorpus(n, registryTags());
      // Inside the project: Astro renders Markdown only from within its root.
      const corpus = relative(ROOT, join(ROOT, 'tests', '.tmp', `bench-corpus-${n}`));
      writeSiteCorpus(corpus, notes);
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
          if (round === repeat && result.status === 'ok' && tool !== 'floor') {
            Object.assign(best.get(tool)!, await measureOutput(tool, n, notes));
            const rebuildMs = tool === 'site' ? await rebuildAfterEdit(n, corpus, notes) : undefined;
            if (rebuildMs !== undefined) best.get(tool)!.rebuildMs = rebuildMs;
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
