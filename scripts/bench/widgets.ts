// Widget figures for `npm run bench`:
// - the JavaScript each widget adds to its page, as shipped in the build: every script the widget's note loads
//   that a note without widgets does not, following chunk imports, each file gzipped as a server would send it
//   (zlib's default level 6); esbuild's minified bundle of the widget's view.ts is printed as a cross-check;
// - the median time for one step of a control to recompute and redraw, in headless Chromium: the input event,
//   the model update and the DOM patch, then a forced style and layout (what the next frame would do short of
//   painting). Steps are timed in batches of 20 because Chromium rounds performance.now() to 0.1 ms.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { openBrowser } from '../../tests/e2e/support/browser.ts';
import { serveStatic } from '../../tests/e2e/support/server.ts';
import { median, table, verdict, type BenchSection } from './section.ts';

/** Goals from the issue: under 6 KB of gzipped JavaScript per widget, under 1 ms per step. */
const JS_GOAL_BYTES = 6000;
const STEP_GOAL_MS = 1;

interface Widget {
  name: string;
  /** The note that embeds it, and a note of the same language that embeds no widget. */
  page: string;
  plain: string;
  source: string;
  element: string;
  /** What to time; `goal` marks the slider steps the 1 ms goal is about (the others are for information). */
  steps: ReadonlyArray<{ label: string; kind: StepKind; goal: boolean }>;
}
type StepKind = 'neuron-slider' | 'plot-cursor' | 'plot-pointer' | 'plot-zoom' | 'attention-field';

const WIDGETS: Widget[] = [
  {
    name: 'neuron',
    page: '/en/notes/neuron/',
    plain: '/en/notes/glossary/',
    source: 'src/widgets/neuron/view.ts',
    element: 'dl-neuron',
    steps: [{ label: 'x1 slider, one step (0.1)', kind: 'neuron-slider', goal: true }],
  },
  {
    name: 'activation-plot',
    page: '/en/notes/activation-functions/',
    plain: '/en/notes/glossary/',
    source: 'src/widgets/activation-plot/view.ts',
    element: 'dl-activation-plot',
    steps: [
      { label: 'readout slider, one step (0.2)', kind: 'plot-cursor', goal: true },
      { label: 'pointer move (crosshair)', kind: 'plot-pointer', goal: true },
      { label: 'zoom step (resamples every curve)', kind: 'plot-zoom', goal: false },
    ],
  },
  {
    name: 'attention',
    page: '/en/notes/attention-and-transformers/',
    plain: '/en/notes/glossary/',
    source: 'src/widgets/attention/view.ts',
    element: 'dl-attention',
    steps: [{ label: 'q₁ field, one step (0.1)', kind: 'attention-field', goal: true }],
  },
];

/** Scripts a built page runs: `src` paths of module scripts, and inline module scripts by content. */
function pageScripts(dist: string, page: string): Map<string, string> {
  const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
  const scripts = new Map<string, string>();
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (!/type="module"/.test(attributes)) continue;
    const src = /src="([^"]+)"/.exec(attributes)?.[1];
    if (src) for (const [path, code] of withImports(dist, src)) scripts.set(path, code);
    else {
      scripts.set(`inline:${body.length}:${body.slice(0, 40)}`, body);
      for (const spec of importsOf(body)) for (const [path, code] of withImports(dist, spec)) scripts.set(path, code);
    }
  }
  return scripts;
}

const importsOf = (code: string) =>
  [...code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\bfrom\s*)?\(?\s*["']([^"']+\.m?js)["']/g)].map(
    (m) => m[1]!,
  );

/** A chunk and every chunk it imports, statically or dynamically, by path. */
function withImports(dist: string, path: string, seen = new Map<string, string>()): Map<string, string> {
  if (seen.has(path)) return seen;
  const code = readFileSync(join(dist, path), 'utf8');
  seen.set(path, code);
  for (const spec of importsOf(code))
    withImports(dist, spec.startsWith('/') ? spec : posix.join(posix.dirname(path), spec), seen);
  return seen;
}

const gzipBytes = (code: string) => gzipSync(code).length;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} KB`;

async function esbuildBytes(source: string): Promise<number> {
  const result = await build({
    entryPoints: [source],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return gzipBytes(result.outputFiles[0]!.text);
}

/** Runs in the page: median ms of one step of `kind` on the widget `selector`, including style and layout. */
function timeStep({ selector, kind }: { selector: string; kind: StepKind }): number {
  const widget = document.querySelector(selector)!;
  const q = <T extends Element>(s: string) => widget.querySelector<T>(s)!;
  let act: (i: number) => void;
  if (kind === 'neuron-slider') {
    const slider = q<HTMLInputElement>('[data-testid="x1-slider"]');
    act = (i) => {
      slider.value = String(((i % 40) - 20) / 10);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    };
  } else if (kind === 'attention-field') {
    const field = q<HTMLInputElement>('[data-testid="q-1-1"]');
    act = (i) => {
      field.value = String(((i % 40) - 20) / 10);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    };
  } else if (kind === 'plot-cursor') {
    const slider = q<HTMLInputElement>('input[data-cursor]');
    act = (i) => {
      slider.value = String(-6 + (i % 60) * 0.2);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    };
  } else if (kind === 'plot-pointer') {
    const hit = q<SVGRectElement>('[data-hit]');
    act = (i) => {
      const box = hit.getBoundingClientRect();
      hit.dispatchEvent(
        new PointerEvent('pointermove', {
          clientX: box.left + ((i % 97) / 97) * box.width,
          clientY: box.top + box.height / 2,
          pointerType: 'mouse',
          bubbles: true,
        }),
      );
    };
  } else {
    const zoomIn = q<HTMLButtonElement>('[data-action="zoom-in"]');
    const zoomOut = q<HTMLButtonElement>('[data-action="zoom-out"]');
    act = (i) => (i % 2 ? zoomOut : zoomIn).click();
  }
  let i = 0;
  const step = () => {
    act(i++);
    widget.getBoundingClientRect(); // forces style recalculation and layout of the patched nodes
  };
  for (let k = 0; k < 300; k++) step(); // warm-up: let the JIT compile the hot paths and the caches fill
  const samples: number[] = [];
  for (let batch = 0; batch < 40; batch++) {
    const start = performance.now();
    for (let k = 0; k < 20; k++) step();
    samples.push((performance.now() - start) / 20);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1]!;
}

export const widgetsBench: BenchSection = {
  name: 'widgets',
  description: 'JavaScript each interactive widget ships (gzip), and the time to recompute and redraw after one step.',
  async run({ dist }) {
    const sizeRows = [
      ['widget', 'page', 'JS shipped (gzip)', 'files', `goal < ${kb(JS_GOAL_BYTES)}`, 'esbuild view.ts (gzip)'],
    ];
    for (const widget of WIDGETS) {
      const plain = pageScripts(dist, widget.plain);
      const own = [...pageScripts(dist, widget.page)].filter(([path, code]) => plain.get(path) !== code);
      const bytes = own.reduce((sum, [, code]) => sum + gzipBytes(code), 0);
      sizeRows.push([
        widget.name,
        widget.page,
        `${kb(bytes)} (${bytes} B)`,
        own.map(([path]) => posix.basename(path).replace(/\.[\w-]+\.js$/, '')).join(', '),
        verdict(bytes < JS_GOAL_BYTES),
        `${await esbuildBytes(widget.source)} B`,
      ]);
    }

    const timeRows = [['widget', 'step', 'median', `goal < ${STEP_GOAL_MS} ms`]];
    const { server, url } = await serveStatic(dist);
    const session = await openBrowser({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await session.context.newPage();
      for (const widget of WIDGETS) {
        await page.goto(url + widget.page);
        await page.locator(`${widget.element}[data-ready]`).scrollIntoViewIfNeeded();
        // Measure a settled page, as a reader meets it: fonts loaded, load-time work done.
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(500);
        for (const step of widget.steps) {
          // Five runs, each with its own warm-up; the median of their medians.
          const runs: number[] = [];
          for (let run = 0; run < 5; run++)
            runs.push(await page.evaluate(timeStep, { selector: widget.element, kind: step.kind }));
          const ms = median(runs);
          timeRows.push([
            widget.name,
            step.label,
            `${ms.toFixed(3)} ms`,
            step.goal ? verdict(ms < STEP_GOAL_MS) : '(no goal)',
          ]);
        }
      }
    } finally {
      await session.close();
      server.close();
    }
    return `${table(sizeRows)}\n\n${table(timeRows)}`;
  },
};
