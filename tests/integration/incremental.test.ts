// An incremental build must give exactly what a clean build gives. A copy of the whole project (its notes, its
// code) is built cold; then for each edit in the table it is rebuilt warm and compared with a cold build of another
// copy with the same edits: every file of the two sites must be the same, but for the search index (a rebuild writes
// a delta beside the last full index), whose results must be the same for the words the edit touched. The cold
// builds do not wait for the warm ones: they run one after another from the start, on the core a warm rebuild
// leaves idle (each edit's sources are known in advance).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Session } from '../e2e/support/browser.ts';
import { buildProjectInBackground, copyProject } from './support/project-copy.ts';
import { searchSite } from './support/site-search.ts';

const work = mkdtempSync(join(tmpdir(), 'dln-incremental-'));
const warm = join(work, 'warm');
let browser: Session;

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const write = (dir: string, path: string, text: string) => writeFileSync(join(dir, path), text);
function replaceIn(dir: string, path: string, from: string | RegExp, to: string): void {
  const text = read(dir, path);
  const next = text.replace(from, to);
  if (next === text) throw new Error(`the edit found nothing to replace in ${path}: ${String(from)}`);
  write(dir, path, next);
}
/** Adds a paragraph at the end of a note. */
const appendTo = (dir: string, note: string, text: string) =>
  appendFileSync(join(dir, 'content/notes', note), `\n${text}\n`);

const SCRATCH = (lang: 'zh' | 'en') =>
  [
    '---',
    `title: ${lang === 'zh' ? '临时笔记' : 'A scratch note'}`,
    `description: ${lang === 'zh' ? '增量构建测试添加的笔记。' : 'A note the incremental-build test adds.'}`,
    'date: 2026-12-01',
    'tags: [neural-networks]',
    '---',
    '',
    `${lang === 'zh' ? '这篇笔记只为测试而写：' : 'This note exists for the test:'} numbatquill.`,
    '',
  ].join('\n');
const SCRATCH_LINK = { zh: '[临时笔记](/notes/scratch-note/)', en: '[a scratch note](/en/notes/scratch-note/)' };

interface Edit {
  name: string;
  apply(dir: string): void;
  /**
   * Whole words the edit adds or removes: a rebuilt index must answer them as a full index does. (Not prefixes of
   * them, nor words no page holds: there Pagefind falls back to partial matches in each index on its own, and base
   * and delta rank those apart; see the README's search section.)
   */
  queries: string[];
  /** What the edit must show in the rebuilt site, beyond being the same as a clean build. */
  shows?(dist: string): void;
}

/**
 * Edits whose effects cannot hide one another (different notes, different caches), checked in one rebuild: each
 * still shows what it must, and the site is still the same as a clean build. A cold build is the test's cost.
 */
function together(...edits: Edit[]): Edit {
  return {
    name: edits.map((edit) => edit.name).join('; and '),
    apply: (dir) => edits.forEach((edit) => edit.apply(dir)),
    queries: edits.flatMap((edit) => edit.queries),
    shows: (dist) => edits.forEach((edit) => edit.shows?.(dist)),
  };
}

const EDITS: Edit[] = [
  together(
    {
      name: 'add a note and links to it',
      apply: (dir) => {
        write(dir, 'content/notes/zh/scratch-note.md', SCRATCH('zh'));
        write(dir, 'content/notes/en/scratch-note.md', SCRATCH('en'));
        appendTo(dir, 'zh/ai-taxonomy.md', `另见${SCRATCH_LINK.zh}。`);
        appendTo(dir, 'en/ai-taxonomy.md', `See also ${SCRATCH_LINK.en}.`);
      },
      queries: ['numbatquill'],
      shows: (dist) => expect(read(dist, 'notes/ai-taxonomy/index.html')).toContain('/notes/scratch-note/'),
    },
    {
      name: 'edit a BibTeX title',
      apply: (dir) => replaceIn(dir, 'content/references.bib', /(\btitle\s*=\s*[{"])/i, '$1Revised: '),
      queries: ['Revised'],
      shows: (dist) => expect(read(dist, 'notes/network-architectures/index.html')).toContain('Revised: '),
    },
  ),
  together(
    {
      name: 'delete a note and the links to it',
      apply: (dir) => {
        rmSync(join(dir, 'content/notes/zh/scratch-note.md'));
        rmSync(join(dir, 'content/notes/en/scratch-note.md'));
        replaceIn(dir, 'content/notes/zh/ai-taxonomy.md', `另见${SCRATCH_LINK.zh}。`, '');
        replaceIn(dir, 'content/notes/en/ai-taxonomy.md', `See also ${SCRATCH_LINK.en}.`, '');
      },
      queries: ['numbatquill'],
      shows: (dist) => expect(readdirSync(join(dist, 'notes'))).not.toContain('scratch-note'),
    },
    {
      name: 'an English note identical to its Chinese original',
      // A note no English note links into by heading: its English headings become Chinese ones here.
      apply: (dir) =>
        write(dir, 'content/notes/en/open-source-tools.md', read(dir, 'content/notes/zh/open-source-tools.md')),
      queries: ['旧照片修复'],
      shows: (dist) => {
        // Rendered apart: each page has the link hint in its own language.
        expect(read(dist, 'en/notes/open-source-tools/index.html')).toContain('(opens in a new tab)');
        expect(read(dist, 'notes/open-source-tools/index.html')).toContain('（在新标签页打开）');
      },
    },
  ),
  // The tag's label is layout data: the notes are not rendered again, so a stale rendering would keep the old
  // reading time.
  together(
    {
      name: 'rename a tag label',
      apply: (dir) =>
        replaceIn(dir, 'content/tags.json', /("neural-networks":\s*\{\s*"zh":\s*")[^"]+"/, '$1神经网络改名"'),
      queries: ['神经网络改名'],
      shows: (dist) => expect(read(dist, 'notes/machine-learning-process/index.html')).toContain('神经网络改名'),
    },
    {
      name: 'change a src/lib module that a Markdown plugin imports (the reading-time constants)',
      apply: (dir) =>
        replaceIn(dir, 'src/lib/content/reading-time.ts', 'CJK_CHARS_PER_MINUTE = 300', 'CJK_CHARS_PER_MINUTE = 30'),
      queries: [],
      // 30 CJK characters a minute instead of 300: the note reads in far more than its usual 10 minutes.
      shows: (dist) =>
        expect(Number(/(\d+) 分钟/.exec(read(dist, 'notes/machine-learning-process/index.html'))?.[1])).toBeGreaterThan(
          30,
        ),
    },
  ),
  // The glossary feeds a plugin that renders every note; edits to three notes' own text cannot hide a note it
  // leaves stale elsewhere, nor can it hide them (their own files change).
  together(
    {
      name: 'edit a glossary entry (and regenerate it)',
      apply: (dir) => {
        // ReLU's aliases gain a word: the glossary notes and the search synonyms are regenerated from the JSON.
        replaceIn(dir, 'content/glossary.json', /("term": "ReLU"[^}]*?"aliases": \[)/, '$1"rampfunktion", ');
        buildScript(dir, 'scripts/glossary.ts', '--write');
      },
      queries: ['rampfunktion', 'ReLU'],
      // The synonyms are bundled into the search's script.
      shows: (dist) =>
        expect(readdirSync(join(dist, '_astro')).some((f) => read(dist, `_astro/${f}`).includes('rampfunktion'))).toBe(
          true,
        ),
    },
    {
      name: 'change a paragraph',
      apply: (dir) => {
        appendTo(dir, 'zh/machine-learning-process.md', '补充一句：训练数据再经过 quokkaflux 清洗。');
        appendTo(dir, 'en/machine-learning-process.md', 'One more sentence: the data then goes through a wombatrix.');
        appendTo(dir, 'zh/neuron.mdx', 'MDX 笔记也补充一句：kiwiglint。'); // MDX notes are rendered as components
      },
      queries: ['quokkaflux', 'kiwiglint'],
      shows: (dist) => {
        expect(read(dist, 'notes/machine-learning-process/index.html')).toContain('quokkaflux');
        expect(read(dist, 'notes/neuron/index.html')).toContain('kiwiglint');
      },
    },
    {
      name: 'add a formula with a glyph no formula used before',
      apply: (dir) =>
        appendTo(
          dir,
          'zh/deep-learning-process.md',
          '一个新字形 frakturglyph：$\\mathfrak{A} \\oplus \\mathfrak{Q}$。',
        ),
      queries: ['frakturglyph'],
    },
  ),
  // The pages made from every note's frontmatter (the concept graph, the home page, the feeds, the tag list) are
  // reused while it is unchanged: a new self-check question and a new title and prerequisite must reach them.
  together(
    {
      name: 'add a self-check question to a note',
      apply: (dir) =>
        appendTo(
          dir,
          'zh/apple-core-ml.md',
          [
            '> [!quiz] Core ML 的 quizbanjo 模型包用哪个扩展名？',
            '> - [x] .mlpackage',
            '>',
            '>   对：ML program 模型保存为 .mlpackage 目录。',
            '> - [ ] .onnx',
            '>',
            '>   那是 ONNX 的格式，需要先用 coremltools 转换。',
          ].join('\n'),
        ),
      queries: ['quizbanjo'],
      shows: (dist) => {
        const quizIds = (page: string) =>
          /data-progress-slug="apple-core-ml">[\s\S]*?data-quiz-ids="([^"]+)"/.exec(read(dist, page))?.[1]?.split(' ');
        expect(quizIds('index.html')).toHaveLength(5);
        expect(read(dist, 'review/index.html')).toContain('quizbanjo');
      },
    },
    {
      name: "change a note's title and prerequisites",
      apply: (dir) => {
        replaceIn(dir, 'content/notes/zh/deep-learning-process.md', /^title: .*$/m, 'title: 深度学习的过程 platypoid');
        replaceIn(
          dir,
          'content/notes/zh/deep-learning-process.md',
          'prerequisites: [machine-learning-process]',
          'prerequisites: [machine-learning-process, ai-taxonomy]',
        );
      },
      queries: ['platypoid'],
      shows: (dist) => {
        expect(read(dist, 'graph/index.html')).toMatch(/data-from="ai-taxonomy"\s+data-to="deep-learning-process"/);
        expect(read(dist, 'rss.xml')).toContain('深度学习的过程 platypoid');
        expect(read(dist, 'index.html')).toContain('深度学习的过程 platypoid');
      },
    },
  ),
  // The plugin is render code: the pages whose HTML it changes (those with Python) are scanned again, and the
  // glyph scan's remembered findings of every other page must still be dropped for its own change.
  together(
    {
      name: 'change a module the KaTeX glyph scan imports (it no longer finds the formulas)',
      apply: (dir) =>
        replaceIn(
          dir,
          'src/katex/formula-dom.ts',
          'DRAWN_ATTRIBUTE = \'class="katex-html"\'',
          'DRAWN_ATTRIBUTE = \'class="none"\'',
        ),
      queries: [],
      // What the old code found on each page would still subset the fonts: the new code finds no formula, so each
      // font is left whole.
      shows: (dist) => {
        const font = 'KaTeX_Main-Regular.woff2';
        const fonts = readdirSync(join(dist, 'vendor')).map((folder) => join(dist, 'vendor', folder, 'fonts', font));
        expect(fonts.map((file) => statSync(file).size)).toEqual([statSync(katexFont(font)).size]);
      },
    },
    {
      name: 'change a Markdown plugin (a code block label)',
      apply: (dir) =>
        replaceIn(dir, 'src/pipeline/render/rehype-code-blocks.ts', "python: 'Python'", "python: 'Python 3'"),
      queries: [],
      shows: (dist) => expect(read(dist, 'notes/ai-taxonomy/index.html')).toContain('code-block__lang">Python 3<'),
    },
  ),
];

/** One of the KaTeX fonts the site's KaTeX ships with. */
function katexFont(name: string): string {
  const fromRehypeKatex = createRequire(createRequire(import.meta.url).resolve('rehype-katex'));
  return join(dirname(fromRehypeKatex.resolve('katex/package.json')), 'dist', 'fonts', name);
}

function buildScript(dir: string, script: string, ...args: string[]): void {
  const run = spawnSync(process.execPath, [script, ...args], { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${script} failed:\n${run.stdout}\n${run.stderr}`);
}

/**
 * Every file of a built site with its digest, and every folder (an empty one left behind is a difference too), but
 * for the search index and the service worker (compared apart).
 */
function siteFiles(dist: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (prefix: string) => {
    for (const entry of readdirSync(join(dist, prefix), { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        files.set(`${path}/`, 'folder');
        if (path !== 'pagefind') visit(`${path}/`);
      } else if (path !== 'sw.js') {
        files.set(
          path,
          createHash('sha1')
            .update(readFileSync(join(dist, path)))
            .digest('hex'),
        );
      }
    }
  };
  visit('');
  return files;
}

/** The service worker's precache manifest (`url revision`), but for the search index's files. */
function precacheManifest(dist: string): string[] {
  const entries = [...read(dist, 'sw.js').matchAll(/url:"([^"]+)",revision:"([^"]+)"/g)];
  return entries.filter(([, url]) => !url!.startsWith('pagefind/')).map(([, url, revision]) => `${url} ${revision}`);
}

/** The files that differ between two built sites, each with where it first differs (to see why). */
function differences(a: string, b: string): string[] {
  const [left, right] = [siteFiles(a), siteFiles(b)];
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  return paths
    .filter((path) => left.get(path) !== right.get(path))
    .map((path) =>
      path.endsWith('/')
        ? `${path}: a folder only the ${left.has(path) ? 'warm' : 'cold'} build has`
        : `${path}: ${firstDifference(a, b, path)}`,
    );
}

function firstDifference(a: string, b: string, path: string): string {
  const [left, right] = [a, b].map((dir) => {
    try {
      return read(dir, path);
    } catch {
      return '(missing)';
    }
  });
  let at = 0;
  while (at < left!.length && left![at] === right![at]) at++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 80), at + 80));
  return `warm ${around(left!)} ≠ cold ${around(right!)}`;
}

/**
 * Cold builds of the sources after each edit, one after another: the copy for edit k is the copy for edit k - 1
 * (or the checkout) with edit k applied, and it starts with no cache. Resolves to each copy's folder.
 */
function startColdBuilds(): Promise<string>[] {
  let sources = Promise.resolve('.');
  return EDITS.map((edit, k) => {
    const dir = join(work, `cold-${k}`);
    const built = sources.then(async (from) => {
      copyProject(from, dir);
      edit.apply(dir);
      await buildProjectInBackground(dir);
      return dir;
    });
    built.catch(() => undefined); // reported by the edit's own test, when it waits for it
    sources = built;
    return built;
  });
}

let coldBuilds: Promise<string>[];

beforeAll(async () => {
  copyProject('.', warm);
  coldBuilds = startColdBuilds();
  await buildProjectInBackground(warm);
  browser = await openBrowser({ serviceWorkers: 'block' });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a warm rebuild gives what a cold build of the same sources gives', () => {
  EDITS.forEach((edit, k) => {
    it(
      edit.name,
      async () => {
        edit.apply(warm);
        // The same sources: one built from the warm copy's caches, one from none.
        const [, cold] = await Promise.all([buildProjectInBackground(warm), coldBuilds[k]!]);
        const [warmSite, coldSite] = [join(warm, 'dist'), join(cold, 'dist')];
        expect(differences(warmSite, coldSite)).toEqual([]);
        expect(precacheManifest(warmSite)).toEqual(precacheManifest(coldSite));
        if (edit.queries.length > 0) {
          const [fromWarm, fromCold] = [
            await searchSite(warmSite, edit.queries, { session: browser }),
            await searchSite(coldSite, edit.queries, { session: browser }),
          ];
          expect(fromWarm).toEqual(fromCold);
        }
        edit.shows?.(warmSite);
        rmSync(coldSite, { recursive: true, force: true });
      },
      300_000,
    );
  });
});
