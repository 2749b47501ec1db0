// `npm run audit`: Lighthouse (its default mobile preset) on the built site served locally, written to bench/audit.md.
//   npm run audit                    builds the site into a temporary folder first
//   npm run audit -- --from dist     audits an existing build (any folder)
//   npm run audit -- --runs 3        runs each page three times and keeps the run with the median performance score
// Lighthouse lives in bench/audit/ with its own package.json and lockfile (installed there on first use), not in the
// site's dependencies. Chromium is the system one (CHROME_PATH, else /usr/bin/chromium), started by chrome-launcher
// (Lighthouse's own) with the flags of the browser tests. The pages: the home page, a note with a widget
// (activation functions), a long note with math and widgets (learning methods) and the longest note with math
// (diffusion models, about 1 MB of HTML). The server gzips text as a host does:
// Lighthouse's simulated slow network counts the bytes transferred. Too slow and noisy for CI: run it by hand.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/support/browser.ts';
import { serveStatic } from '../tests/e2e/support/server.ts';
import { ensureInstalled } from './bench/local-install.ts';

const AUDIT_DIR = 'bench/audit';
const REPORT = 'bench/audit.md';
const PAGES = ['/', '/notes/activation-functions/', '/notes/learning-methods/', '/notes/diffusion-models/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

/** The part of Lighthouse's result (LH.Result) this script reads. */
interface AuditResult {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
}
interface LighthouseResult {
  lighthouseVersion: string;
  environment: { hostUserAgent: string; benchmarkIndex: number };
  configSettings: { formFactor: string; throttlingMethod: string; screenEmulation: { width: number; height: number } };
  categories: Record<
    Category,
    { score: number | null; auditRefs: Array<{ id: string; weight: number; group?: string }> }
  >;
  audits: Record<string, AuditResult>;
  runWarnings: string[];
}
type Lighthouse = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: LighthouseResult } | undefined>;
interface ChromeLauncher {
  launch(options: { chromePath: string; chromeFlags: string[] }): Promise<{ port: number; kill(): void }>;
}

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (index < 0) return undefined;
  return args[index]!.includes('=') ? args[index]!.split('=')[1] : args[index + 1];
}

/** The built site to audit: `--from <folder>`, or a fresh build in a fixed temporary folder. */
function builtSite(): string {
  const from = option('from');
  if (from) {
    if (!existsSync(join(from, 'index.html'))) throw new Error(`--from ${from}: no built site there (no index.html).`);
    return resolve(from);
  }
  const dist = join(tmpdir(), 'dln-audit-dist');
  console.log(`Building the site into ${dist} …`);
  // Synchronous is fine here: nothing else (no server) runs in this process yet.
  const build = spawnSync(process.execPath, ['scripts/build.ts'], {
    env: { ...process.env, ASTRO_OUT_DIR: dist },
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('The build failed: nothing to audit.');
  return dist;
}

/** Weighted audits below a full score: what keeps a category under 100. */
function shortfalls(lhr: LighthouseResult, category: Category): string[] {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
    .map(
      (audit) =>
        `\`${audit.id}\` (${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ''}; score ${audit.score!.toFixed(2)})`,
    );
}

/** Performance insights and diagnostics that Lighthouse flags (no weight of their own, but they explain the metrics). */
function flagged(lhr: LighthouseResult): string[] {
  return lhr.categories.performance.auditRefs
    .filter((ref) => ref.weight === 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter(
      (audit) =>
        audit.score !== null &&
        audit.score < 0.9 &&
        ['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode),
    )
    .map((audit) => `\`${audit.id}\`${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
}

const percent = (score: number | null) => (score === null ? '–' : String(Math.round(score * 100)));

const dist = builtSite();
ensureInstalled(AUDIT_DIR);
const require = createRequire(resolve(AUDIT_DIR, 'package.json'));
const lighthouse = (await import(pathToFileURL(require.resolve('lighthouse')).href)).default as Lighthouse;
const chromeLauncher = (await import(pathToFileURL(require.resolve('chrome-launcher')).href)) as ChromeLauncher;
const lighthouseVersion = (
  JSON.parse(readFileSync(require.resolve('lighthouse/package.json'), 'utf8')) as { version: string }
).version;
const runs = Math.max(1, Number(option('runs') ?? 1));

// The server answers from this process while Lighthouse runs: everything below is asynchronous, so it can.
const { server, url } = await serveStatic(dist, { gzip: true });
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROMIUM_ARGS });
const reports = join(tmpdir(), 'dln-audit-reports');
mkdirSync(reports, { recursive: true });
const results: Array<{ page: string; lhr: LighthouseResult }> = [];
const load = loadavg()[0]!;
try {
  for (const page of PAGES) {
    const attempts: LighthouseResult[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const result = await lighthouse(url + page, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page}.`);
      attempts.push(result.lhr);
      const scores = CATEGORIES.map((c) => percent(result.lhr.categories[c].score)).join(' / ');
      console.log(`${page}: ${scores} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    attempts.sort((a, b) => (a.categories.performance.score ?? 0) - (b.categories.performance.score ?? 0));
    const lhr = attempts[(attempts.length - 1) >> 1]!;
    writeFileSync(
      join(reports, `${page.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}.json`),
      JSON.stringify(lhr),
    );
    results.push({ page, lhr });
  }
} finally {
  chrome.kill();
  server.close();
}

const first = results[0]!.lhr;
const chromium = spawnSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).stdout?.trim() || chromiumPath();
const lines = [
  '# Lighthouse audit',
  '',
  `Written by \`npm run audit\` on ${new Date().toISOString().slice(0, 10)}; do not edit by hand. Goals (issues 8 and 18): 100 in all`,
  'four categories on every audited page, with a Total Blocking Time under 100 ms.',
  '',
  `- Lighthouse ${lighthouseVersion}, its default ${first.configSettings.formFactor} preset (${first.configSettings.screenEmulation.width}×${first.configSettings.screenEmulation.height} screen, ${first.configSettings.throttlingMethod} throttling)${runs > 1 ? `, median of ${runs} runs by performance score` : ', one run per page'}`,
  `- ${chromium}; Node ${process.version}`,
  `- ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GiB; load average ${load.toFixed(1)} at the start; Lighthouse's benchmark index ${Math.round(first.environment.benchmarkIndex)}`,
  '- The built site served by `tests/e2e/support/server.ts` on 127.0.0.1 over HTTP/1.1, text gzipped as a host would',
  '',
  '| page | performance | accessibility | best practices | SEO |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...results.map(
    ({ page, lhr }) => `| \`${page}\` | ${CATEGORIES.map((c) => percent(lhr.categories[c].score)).join(' | ')} |`,
  ),
  '',
  '## What keeps a score below 100',
  '',
];
let perfect = true;
for (const { page, lhr } of results) {
  for (const category of CATEGORIES) {
    if (lhr.categories[category].score === 1) continue;
    perfect = false;
    lines.push(
      `- \`${page}\`, ${category} ${percent(lhr.categories[category].score)}: ${shortfalls(lhr, category).join('; ') || 'no single weighted audit (rounding)'}`,
    );
    if (category === 'performance') {
      const hints = flagged(lhr);
      if (hints.length > 0) lines.push(`  - flagged by Lighthouse: ${hints.join(', ')}`);
    }
  }
  for (const warning of lhr.runWarnings)
    lines.push(`- \`${page}\`: Lighthouse warned: ${warning.replace(/\s+/g, ' ')}`);
}
if (perfect) lines.push('Nothing: every score is 100.');
lines.push('', `Full reports (JSON) of the last run: \`${reports}\`.`, '');
writeFileSync(REPORT, lines.join('\n'));
console.log(`\nWrote ${REPORT}.`);
