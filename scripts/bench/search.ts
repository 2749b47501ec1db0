// Search figures for `npm run bench`: index size, bytes a reader downloads for a first and a second query,
// keystroke-to-results time (cold and warm) in headless Chromium, and what exact-phrase-first ranking
// gains over plain Pagefind queries on the real Chinese notes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/support/browser.ts';
import { serveStatic } from '../../tests/e2e/support/server.ts';
import { mergeRanked } from '../../src/search/query.ts';
import type { BenchSection } from './section.ts';

export interface SearchBench {
  indexBytes: number;
  notes: number;
  firstQueryBytes: number;
  secondQueryBytes: number;
  coldMs: number;
  warmMs: number[];
  ranking: { queries: number; plainTop3: number; mergedTop3: number; plainRecall: string; mergedRecall: string };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The index proper: what Pagefind's API reads (its bundled UI kits are not used by the site). */
function indexBytes(dist: string): number {
  return walk(join(dist, 'pagefind'))
    .filter((f) => !/pagefind-(ui|component-ui|modular-ui|highlight)\./.test(f))
    .reduce((sum, f) => sum + statSync(f).size, 0);
}

/** Milliseconds from the keystroke that completes `query` to the results list being rendered. */
async function timeQuery(page: Page, query: string): Promise<number> {
  return page.evaluate(async (q) => {
    const dialog = document.querySelector('[data-search-dialog]')!;
    const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
    const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
    const done = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (/找到|found|没有|No notes/.test(status.textContent ?? '')) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
    status.textContent = '';
    const start = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return (await done) - start;
  }, query);
}

const RANKING_QUERIES = [
  '激活函数',
  '神经元',
  '梯度下降',
  '卷积神经网络',
  '反向传播',
  '图像修复',
  '支持向量机',
  '过拟合',
  '强化学习',
  '损失函数',
  '权重',
  '偏置',
  '学习率',
  '正则化',
  '循环神经网络',
  '扩散模型',
  '线性代数',
  '监督学习',
  '决策树',
  '神经网络',
];

async function ranking(page: Page, dist: string): Promise<SearchBench['ranking']> {
  const bodyText = (url: string) => {
    const html = readFileSync(join(dist, url, 'index.html'), 'utf8');
    const article = /<article[^>]*data-pagefind-body[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';
    return article.replace(/<span class="katex-html"[\s\S]*?<\/span><\/span><\/span>/g, '').replace(/<[^>]+>/g, '');
  };
  const zhNotes = readdirSync(join(dist, 'notes'));
  let plainHits = 0,
    mergedHits = 0,
    shown = 0,
    truth = 0,
    plainFound = 0,
    mergedFound = 0;
  for (const query of RANKING_QUERIES) {
    const { plain, phrase } = await page.evaluate(async (q) => {
      const url = '/pagefind/pagefind.js'; // served by the site, resolved in the browser
      const pagefind = await import(/* @vite-ignore */ url);
      await pagefind.init();
      const urls = async (r: { results: Array<{ id: string; data: () => Promise<{ url: string }> }> }) =>
        Promise.all(r.results.map(async (x) => ({ id: x.id, url: (await x.data()).url })));
      return { plain: await urls(await pagefind.search(q)), phrase: await urls(await pagefind.search(`"${q}"`)) };
    }, query);
    const merged = mergeRanked(phrase, plain);
    const real = (url: string) => bodyText(url).includes(query);
    truth += zhNotes.filter((slug) => real(`/notes/${slug}/`)).length;
    plainFound += plain.filter((r) => real(r.url)).length;
    mergedFound += merged.filter((r) => real(r.url)).length;
    shown += Math.min(3, plain.length);
    plainHits += plain.slice(0, 3).filter((r) => real(r.url)).length;
    mergedHits += merged.slice(0, 3).filter((r) => real(r.url)).length;
  }
  return {
    queries: RANKING_QUERIES.length,
    plainTop3: plainHits / shown,
    mergedTop3: mergedHits / shown,
    plainRecall: `${plainFound}/${truth}`,
    mergedRecall: `${mergedFound}/${truth}`,
  };
}

export async function benchSearch(dist: string): Promise<SearchBench> {
  const { server, url } = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    // No service worker: its precache download would be counted as search bytes.
    const page = await browser.newPage({ serviceWorkers: 'block' });
    let bytes = 0;
    page.on('requestfinished', (request) => {
      void request.sizes().then((s) => {
        bytes += s.responseBodySize + s.responseHeadersSize;
      });
    });
    await page.goto(`${url}/notes/neuron/`);
    await page.waitForLoadState('networkidle');
    bytes = 0;
    await page.keyboard.press('/');
    const coldMs = await timeQuery(page, '梯度下降');
    await page.waitForLoadState('networkidle');
    const firstQueryBytes = bytes;
    bytes = 0;
    const warmMs = [
      await timeQuery(page, '激活函数'),
      await timeQuery(page, '反向传播'),
      await timeQuery(page, '卷积神经网络'),
    ];
    await page.waitForLoadState('networkidle');
    const secondQueryBytes = bytes;
    const notes = readdirSync(join(dist, 'notes')).length + readdirSync(join(dist, 'en', 'notes')).length;
    const rank = await ranking(page, dist);
    return { indexBytes: indexBytes(dist), notes, firstQueryBytes, secondQueryBytes, coldMs, warmMs, ranking: rank };
  } finally {
    await browser.close();
    server.close();
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function formatSearchBench(b: SearchBench): string {
  const median = [...b.warmMs].sort((x, y) => x - y)[Math.floor(b.warmMs.length / 2)]!;
  return [
    '| measure | value | goal |',
    '| --- | --- | --- |',
    `| index size (total / per note page) | ${kb(b.indexBytes)} / ${kb(b.indexBytes / b.notes)} | |`,
    `| downloaded for the first query (script, WebAssembly, index, fragments) | ${kb(b.firstQueryBytes)} | < 250 KB |`,
    `| downloaded for the next three queries | ${kb(b.secondQueryBytes)} | |`,
    `| keystroke → results, cold (first query, index loading) | ${b.coldMs.toFixed(0)} ms | |`,
    `| keystroke → results, warm (median of 3) | ${median.toFixed(0)} ms | < 150 ms |`,
    `| Chinese top-3 precision, plain → phrase-first (${b.ranking.queries} queries) | ${b.ranking.plainTop3.toFixed(3)} → ${b.ranking.mergedTop3.toFixed(3)} | |`,
    `| Chinese recall, plain → phrase-first | ${b.ranking.plainRecall} → ${b.ranking.mergedRecall} | |`,
    '',
    'Times include the 60 ms input debounce of the search box.',
  ].join('\n');
}

export const searchBench: BenchSection = {
  name: 'search',
  description: 'index size, bytes per query, keystroke-to-results time, phrase-first ranking gain',
  run: async ({ dist }) => formatSearchBench(await benchSearch(dist)),
};
