// `npm run bench -- dev [--n 2000] [--tools site,starlight]`: the writing loop of a contributor, measured on the
// peers corpus (scripts/bench/corpus.ts) for this site's `astro dev` and Starlight's, one after the other:
//   cold start   caches emptied (Astro's content store, Vite's optimized deps, the build's remembered checks), the
//                server started, a note page requested until it answers with the note;
//   warm restart the server stopped and started again, the same page requested;
//   edit         a sentence appended to that note's file, the page requested until it shows the sentence (the
//                median of three edits; the file is restored afterwards).
// Not part of a plain `npm run bench`: at N=2000 it takes several minutes. Results accumulate by N under `dev` in
// bench/peers.json; bench/RESULTS.md is written from it.
import { existsSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { astroCacheDir, BUILD_CACHE_DIR } from '../../src/pipeline/build-cache.ts';
import { writePeerCorpus, type CorpusNote } from './corpus.ts';
import { writeBenchCorpus } from './bench-corpus.ts';
import { ensureInstalled } from './local-install.ts';
import { startDevServer, waitForPage, type DevServer } from '../../tests/integration/support/dev-server.ts';
import { devGoals, devRows, type DevResult, type DevToolId } from './dev-report.ts';
import { loadStored, machine, PEERS, RESULTS_JSON, RESULTS_MD, resultsMarkdown, versions } from './peers-report.ts';
import { median, option, table, type BenchSection } from './section.ts';

const TOOLS: readonly DevToolId[] = ['site', 'starlight'];
const PORT = 4390;
/** The dev server's output folder setting (no build happens): it keys the site's Astro cache, as in a build. */
const DEV_OUT_DIR = './dist';

/** The tool's dev server on the corpus, environment as in a contributor's shell (see startDevServer). */
function startServer(tool: DevToolId, corpus: string): DevServer {
  const env = { BROWSER: 'none', ...(tool === 'site' ? { NOTES_DIR: corpus } : {}) };
  return startDevServer({ port: PORT, env, ...(tool === 'starlight' ? { cwd: PEERS.starlight } : {}) });
}

function emptyCaches(tool: DevToolId, corpus: string): void {
  const folders =
    tool === 'site'
      ? [astroCacheDir(corpus, DEV_OUT_DIR), BUILD_CACHE_DIR, 'node_modules/.vite', '.astro']
      : ['.astro', 'node_modules/.astro', 'node_modules/.vite'].map((f) => join(PEERS.starlight, f));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}

async function measure(tool: DevToolId, n: number, corpus: string, notes: readonly CorpusNote[]): Promise<DevResult> {
  const note = notes.find((x) => x.lang === 'zh' && !x.textOnly) ?? notes[0]!;
  const path = `/notes/${note.slug}/`;
  const file =
    tool === 'site'
      ? join(corpus, 'zh', `${note.slug}.md`)
      : join(PEERS.starlight, 'src/content/docs/notes', `${note.slug}.md`);
  if (!existsSync(file)) throw new Error(`dev: ${file} is not where the corpus put the note.`);
  const timeoutMs = Math.max(5 * 60_000, n * 300);
  const original = readFileSync(file, 'utf8');
  const loadAtStart = Number(loadavg()[0]!.toFixed(2));
  emptyCaches(tool, corpus);
  let server = startServer(tool, corpus);
  try {
    const coldStartMs = await waitForPage(server, path, { contains: note.title, timeoutMs });
    const edits: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const marker = `开发服务器改动${i}号${Date.now()}`;
      // Some servers miss a change that lands in the same instant as the previous reload settles.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const since = performance.now();
      appendFileSync(file, `\n\n${marker}\n`);
      edits.push(await waitForPage(server, path, { contains: marker, since, timeoutMs: 60_000 }));
    }
    writeFileSync(file, original);
    await server.stop();
    server = startServer(tool, corpus);
    const warmStartMs = await waitForPage(server, path, { contains: note.title, timeoutMs });
    return {
      date: new Date().toISOString().slice(0, 10),
      loadAtStart,
      coldStartMs: Math.round(coldStartMs),
      warmStartMs: Math.round(warmStartMs),
      editMs: Math.round(median([...edits])),
      edits: edits.map(Math.round),
    };
  } finally {
    writeFileSync(file, original);
    await server.stop();
  }
}

export const devBench: BenchSection = {
  name: 'dev',
  description:
    '`astro dev` at N notes, beside Starlight’s: cold start, warm restart, an edit served (--n 2000 --tools …)',
  standalone: true,
  async run() {
    const ns = (option('n') ?? ['2000']).map(Number);
    const tools = (option('tools') ?? TOOLS) as DevToolId[];
    const wrong = [...ns.filter((n) => !Number.isInteger(n) || n < 2), ...tools.filter((t) => !TOOLS.includes(t))];
    if (wrong.length > 0)
      throw new Error(`dev: unknown --n or --tools value ${wrong.join(', ')} (tools: ${TOOLS.join(', ')}).`);
    const stored = loadStored();
    const printed: string[] = [];
    for (const n of ns) {
      const { notes, corpus } = writeBenchCorpus(n);
      const results = { ...stored.dev?.[n] };
      for (const tool of tools) {
        if (tool === 'starlight') {
          ensureInstalled(PEERS.starlight);
          writePeerCorpus(join(PEERS.starlight, 'src/content/docs'), notes);
        }
        process.stdout.write(`  N=${n} ${tool}: cold start, three edits, warm restart … `);
        const result = await measure(tool, n, corpus, notes);
        console.log(`${result.coldStartMs} ms, edits ${result.edits.join(', ')} ms, warm ${result.warmStartMs} ms`);
        results[tool] = result;
        stored.dev = { ...stored.dev, [n]: results };
        stored.machine = machine();
        stored.versions = versions();
        writeFileSync(RESULTS_JSON, `${JSON.stringify(stored, null, 2)}\n`);
      }
      printed.push(`N = ${n}\n${table(devRows(results))}`);
      const goals = devGoals(n, results);
      if (goals.length > 0) printed.push(table(goals));
    }
    writeFileSync(RESULTS_MD, resultsMarkdown(stored));
    printed.push(`Wrote ${RESULTS_MD} and ${RESULTS_JSON}.`);
    return printed.join('\n\n');
  },
};
