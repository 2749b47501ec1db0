// The report of `npm run bench -- peers` (scripts/bench/peers.ts): the stored results as tables, the goals of
// issue 8 checked, bench/RESULTS.md and the chart. Pure formatting of what the runs measured, plus the machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { groupedBarChart, type ChartPanel } from './chart.ts';
import { verdict } from './section.ts';
import { devGoals, devRows, type DevResult, type DevToolId } from './dev-report.ts';

export type ToolId = 'site' | 'bare' | 'floor' | 'starlight' | 'vitepress';
export const TOOL_IDS: readonly ToolId[] = ['site', 'bare', 'floor', 'starlight', 'vitepress'];
export const LABELS: Record<ToolId, string> = {
  site: 'this site',
  bare: 'bare floor (no site plugins)',
  floor: 'floor (plugins only)',
  starlight: 'Starlight',
  vitepress: 'VitePress',
};
const COLORS: Record<ToolId, string> = {
  site: '#1f5fbf',
  bare: '#a8a8a8',
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
  /** This site only: a rebuild after one note was edited, caches warm (the median of `rebuilds`). */
  rebuildMs?: number;
  /** Each timed rebuild, after an edit to another note each time. */
  rebuilds?: number[];
  /** With `--repeat`: the wall time of every round (the result is the fastest). */
  rounds?: number[];
}

export interface Stored {
  machine: Record<string, string>;
  versions: Record<string, string>;
  runs: Record<string, Partial<Record<ToolId, ToolResult>>>;
  /** `npm run bench -- dev`, by N. */
  dev?: Record<string, Partial<Record<DevToolId, DevResult>>>;
}

export const ROOT = resolve('.');
export const RESULTS_JSON = 'bench/peers.json';
export const RESULTS_MD = 'bench/RESULTS.md';

/** What earlier runs measured (bench/peers.json), to which a run adds its own. */
export function loadStored(): Stored {
  return existsSync(RESULTS_JSON)
    ? (JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as Stored)
    : { machine: {}, versions: {}, runs: {} };
}

export const PEERS = { starlight: 'bench/peers/starlight', vitepress: 'bench/peers/vitepress' } as const;

/** Goals from issues 8 and 18 (at N=2000): issue 18 measures the build against the bare floor, and asks more of a rebuild. */
const GOALS = {
  bareRatio: 2,
  floorRatio: 1.6,
  peakBytes: 2 * 1024 ** 3,
  textJsGzip: 2000,
  rebuildShare: 0.05,
  sameMedian: 0.05,
};

export const version = (dir: string, name: string) => {
  try {
    return (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'not installed';
  }
};

export const mib = (bytes: number | undefined) =>
  bytes === undefined ? '–' : `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 2 : 0)} MiB`;
const kibText = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} KiB`);
export const seconds = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);

/** Rows of the results table for one N: time and memory with their ratio to this site, then the output. */
export function rows(results: Partial<Record<ToolId, ToolResult>>): string[][] {
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

/** The goals, checked on one N's results (and the median page against the other N's). */
export function goals(n: number, stored: Stored): string[][] {
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
  if (r.bare?.status === 'ok') {
    const ratio = site.buildMs / r.bare.buildMs;
    out.push([
      `within ${GOALS.bareRatio}× of the bare floor`,
      `${ratio.toFixed(2)}×`,
      verdict(ratio <= GOALS.bareRatio),
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
      `rebuild after one edit under ${GOALS.rebuildShare * 100}% of a cold build`,
      `${seconds(site.rebuildMs)} (${(share * 100).toFixed(1)}%)`,
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

export function chart(stored: Stored): string {
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

export function resultsMarkdown(stored: Stored): string {
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
    const rebuilds = results.site?.rebuilds;
    if (results.site?.rebuildMs !== undefined)
      lines.push(
        `This site rebuilt after an edit to one note in ${seconds(results.site.rebuildMs)}` +
          (rebuilds && rebuilds.length > 1
            ? ` (the median of ${rebuilds.length} rebuilds, each after an edit to another note: ${rebuilds.map(seconds).join(', ')}).`
            : '.'),
        '',
      );
    const goalRows = goals(n, stored);
    if (goalRows.length > 0)
      lines.push(`The issue's goals (stated for N = 2000), checked at N = ${n}:`, '', markdownTable(goalRows), '');
  }
  for (const [n, results] of Object.entries(stored.dev ?? {})) {
    const dates = [...new Set(Object.values(results).map((r) => r.date))].join(', ');
    lines.push(
      `## Writing loop: \`astro dev\` at N = ${n} notes`,
      '',
      `Measured ${dates} by \`npm run bench -- dev --n ${n}\` (\`scripts/bench/dev.ts\`): a note page requested after a`,
      'cold start (caches emptied) and a warm restart, and an edit to its file until the page shows it.',
      '',
      markdownTable(devRows(results)),
      '',
    );
    const goalRows = devGoals(Number(n), results);
    if (goalRows.length > 0) lines.push("The issue's goals:", '', markdownTable(goalRows), '');
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
    "- **Bare floor**: the same, with none of the site's plugins: Markdown with GFM and math, KaTeX and Shiki only",
    '  (`scripts/bench/floor.ts --bare`). The reference of issue 18: what any Astro site with math would pay.',
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

export function machine(): Record<string, string> {
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

export function versions(): Record<string, string> {
  return {
    'this site': `astro ${version(ROOT, 'astro')}, @astrojs/markdown-remark ${version(ROOT, '@astrojs/markdown-remark')}, pagefind ${version(ROOT, 'pagefind')}, katex ${version(ROOT, 'katex')}`,
    starlight: `@astrojs/starlight ${version(PEERS.starlight, '@astrojs/starlight')}, astro ${version(PEERS.starlight, 'astro')}, pagefind ${version(PEERS.starlight, 'pagefind')}, katex ${version(PEERS.starlight, 'katex')}`,
    vitepress: `vitepress ${version(PEERS.vitepress, 'vitepress')}, vue ${version(PEERS.vitepress, 'vue')}, markdown-it-mathjax3 ${version(PEERS.vitepress, 'markdown-it-mathjax3')}`,
  };
}
