import { describe, expect, it } from 'vitest';
import {
  describePlan,
  fileOf,
  fileRole,
  imageSources,
  interleave,
  MAX_PRECACHED_FILE,
  planPrecache,
  roadmapPages,
  type SiteFile,
} from '../../../../src/pipeline/postbuild/precache-plan.ts';
import { mulberry32 } from '../../../../src/lib/nn/random.ts';

const KiB = 1024;
const MiB = 1024 * 1024;
const file = (url: string, size: number): SiteFile => ({ url, size });
const urls = (files: readonly SiteFile[]) => files.map((f) => f.url);
const bytes = (files: readonly SiteFile[]) => files.reduce((sum, f) => sum + f.size, 0);

describe('fileRole', () => {
  it.each([
    ['_astro/BaseLayout.CeIxpTVr.css', 'shell'],
    ['vendor/katex-0.16.47/fonts/KaTeX_Main-Regular.woff2', 'shell'],
    // The Latin face of English text (src/styles/fonts.css), bundled by Vite.
    ['_astro/source-sans-3-latin-wght-normal.Bo_j9asI.woff2', 'shell'],
    ['vendor/katex-0.16.47/katex.min.css', 'shell'],
    ['pagefind/pagefind.js', 'shell'],
    ['pagefind/pagefind-worker.js', 'shell'],
    ['pagefind/pagefind-entry.json', 'shell'],
    ['pagefind/wasm.unknown.pagefind', 'shell'],
    ['pagefind/pagefind.zh-cn_c041f4e315989.pf_meta', 'shell'],
    ['pagefind/filter/en_36743ac.pf_filter', 'shell'],
    // The index of pages changed since the last full one, and what it replaces, go with the main index.
    ['pagefind/delta.json', 'shell'],
    ['pagefind/delta/pagefind-entry.json', 'shell'],
    ['pagefind/delta/wasm.en.pagefind', 'shell'],
    ['pagefind/delta/pagefind.en_b1d2ebed30.pf_meta', 'shell'],
    ['pagefind/delta/index/en_1a2b3c4.pf_index', 'search'],
    ['pagefind/delta/fragment/zh-cn_aef0df9.pf_fragment', 'search'],
    // So do the other shards of a full index made in shards (src/search/shards.ts).
    ['pagefind/shard-1/pagefind-entry.json', 'shell'],
    ['pagefind/shard-12/wasm.zh-cn.pagefind', 'shell'],
    ['pagefind/shard-2/pagefind.en_b1d2ebed30.pf_meta', 'shell'],
    ['pagefind/shard-1/filter/en_36743ac.pf_filter', 'shell'],
    ['pagefind/shard-1/index/en_1a2b3c4.pf_index', 'search'],
    ['pagefind/shard-3/fragment/zh-cn_aef0df9.pf_fragment', 'search'],
    ['pagefind/shard-x/fragment/zh-cn_aef0df9.pf_fragment', 'other'],
    ['index.html', 'shell'],
    ['en/index.html', 'shell'],
    ['offline/index.html', 'shell'],
    ['404.html', 'shell'],
    ['manifest.webmanifest', 'shell'],
    ['icon-192.png', 'shell'],
    ['favicon.svg', 'shell'],
    ['pagefind/index/en_39b55be.pf_index', 'search'],
    ['pagefind/fragment/zh-cn_01bbf0b.pf_fragment', 'search'],
    ['notes/neuron/index.html', 'note'],
    ['en/notes/neuron/index.html', 'note'],
    ['notes/index.html', 'other'],
    ['graph/index.html', 'other'],
    ['en/tags/math/index.html', 'other'],
    ['search/index.html', 'other'],
    ['previews.json', 'other'],
    ['diagrams/neuron-diagram.svg', 'other'],
    ['en/notes/neuron/extra/index.html', 'other'],
  ])('%s is %s', (url, role) => {
    expect(fileRole(url)).toBe(role);
  });
});

describe('fileOf', () => {
  it('maps site links to the files that serve them', () => {
    expect(fileOf('/')).toBe('index.html');
    expect(fileOf('/notes/neuron/')).toBe('notes/neuron/index.html');
    expect(fileOf('/en/notes/neuron/#section-2')).toBe('en/notes/neuron/index.html');
    expect(fileOf('/diagrams/a.svg?v=2')).toBe('diagrams/a.svg');
    expect(fileOf('/diagrams/%E5%9B%BE.svg')).toBe('diagrams/图.svg');
    expect(fileOf('../../diagrams/a.svg', 'en/notes/neuron/index.html')).toBe('en/diagrams/a.svg');
    expect(fileOf('./a.svg', 'notes/neuron/index.html')).toBe('notes/neuron/a.svg');
  });

  it('ignores other sites and schemes', () => {
    for (const href of [
      'https://example.org/a.svg',
      '//cdn.example.org/a.svg',
      'data:image/png;base64,AA',
      'mailto:a@b',
    ])
      expect(fileOf(href)).toBeUndefined();
  });
});

describe('roadmapPages', () => {
  it('lists the roadmap notes in order, once each, ignoring links outside the roadmap and without a slug', () => {
    const html = [
      '<style>.roadmap-list{margin:0}</style>',
      '<nav><a href="/notes/elsewhere/" data-progress-slug="elsewhere">x</a></nav>',
      '<ol class="roadmap-list"><li><ol class="roadmap-list__notes">',
      '<li><a href="/notes/roadmap/" data-progress-slug="roadmap">学习路线</a></li>',
      '<li><a class="x" href="/notes/neuron/" data-progress-slug="neuron">神经元</a></li>',
      '<li><a href="/tags/math/">math</a></li>',
      '<li><a href="/notes/roadmap/" data-progress-slug="roadmap">again</a></li>',
      '</ol></li></ol>',
    ].join('');
    expect(roadmapPages(html)).toEqual(['notes/roadmap/index.html', 'notes/neuron/index.html']);
    expect(roadmapPages('<ol class="note-list"><a href="/notes/x/" data-progress-slug="x">x</a></ol>')).toEqual([]);
  });
});

describe('imageSources', () => {
  it('returns the files of the page’s own images', () => {
    const html =
      '<img src="/diagrams/neuron-diagram.svg" alt="a" loading="lazy"/>' +
      '<img alt="b" src="plot.svg?x=1&amp;y=2">' +
      '<img src="https://example.org/remote.png">' +
      '<img src="/diagrams/neuron-diagram.svg">' +
      '<image href="/diagrams/not-an-img.svg"/>';
    expect(imageSources(html, 'en/notes/neuron/index.html')).toEqual([
      'diagrams/neuron-diagram.svg',
      'en/notes/neuron/plot.svg',
    ]);
  });
});

describe('interleave', () => {
  it('takes the n-th item of each list before any (n+1)-th', () => {
    expect(interleave(['a1', 'a2', 'a3'], ['b1'], [], ['c1', 'c2'])).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3']);
    expect(interleave()).toEqual([]);
  });
});

describe('planPrecache', () => {
  const shell = [
    file('_astro/site.css', 20 * KiB),
    file('index.html', 30 * KiB),
    file('en/index.html', 30 * KiB),
    file('offline/index.html', 10 * KiB),
    file('pagefind/pagefind.js', 50 * KiB),
    file('pagefind/pagefind.en_1.pf_meta', 5 * KiB),
  ];
  const notes = [
    file('notes/a/index.html', 100 * KiB),
    file('notes/b/index.html', 100 * KiB),
    file('notes/c/index.html', 100 * KiB),
    file('en/notes/a/index.html', 100 * KiB),
    file('en/notes/b/index.html', 100 * KiB),
  ];
  const search = [file('pagefind/index/en_1.pf_index', 40 * KiB), file('pagefind/fragment/en_1.pf_fragment', 40 * KiB)];
  const other = [file('graph/index.html', 60 * KiB), file('search/index.html', 10 * KiB)];
  const site = [...shell, ...notes, ...search, ...other];
  const shellBytes = bytes(shell); // 145 KiB
  const priority = interleave(
    ['notes/b/index.html', 'notes/a/index.html'],
    ['en/notes/b/index.html', 'en/notes/a/index.html'],
  );

  it('precaches the whole site when it fits, exactly as before the budget existed', () => {
    const plan = planPrecache(site, { budget: bytes(site), priority });
    expect(urls(plan.precache)).toEqual(urls(site));
    expect(plan.runtime).toEqual([]);
    expect(plan.oversizedShell).toEqual([]);
  });

  it('over the budget: the shell, then notes in priority order, the rest left to runtime caching', () => {
    const plan = planPrecache(site, { budget: shellBytes + 250 * KiB, priority });
    // Two notes of 100 KiB fit; the search index (80 KiB) does not fit the 50 KiB left; the 10 KiB search page does.
    expect(urls(plan.precache)).toEqual([
      ...urls(shell),
      'notes/b/index.html',
      'en/notes/b/index.html',
      'search/index.html',
    ]);
    expect(urls(plan.runtime)).toEqual([
      'notes/a/index.html',
      'notes/c/index.html',
      'en/notes/a/index.html',
      'pagefind/index/en_1.pf_index',
      'pagefind/fragment/en_1.pf_fragment',
      'graph/index.html',
    ]);
    expect(bytes(plan.precache)).toBeLessThanOrEqual(shellBytes + 250 * KiB);
    expect(bytes(plan.precache) + bytes(plan.runtime)).toBe(bytes(site));
  });

  it('puts notes missing from the priority list after it, by path', () => {
    const plan = planPrecache(site, { budget: shellBytes + 400 * KiB, priority: ['notes/c/index.html'] });
    // notes/c first, then by path: en/notes/a, en/notes/b, notes/a; notes/b no longer fits.
    expect(urls(plan.precache).filter((u) => fileRole(u) === 'note')).toEqual([
      'notes/a/index.html',
      'notes/c/index.html',
      'en/notes/a/index.html',
      'en/notes/b/index.html',
    ]);
    expect(urls(plan.runtime)).toContain('notes/b/index.html');
  });

  it('skips a note that does not fit and takes a later one that does', () => {
    const files = [...shell, file('notes/big/index.html', 300 * KiB), file('notes/small/index.html', 50 * KiB)];
    const plan = planPrecache(files, {
      budget: shellBytes + 100 * KiB,
      priority: ['notes/big/index.html', 'notes/small/index.html'],
    });
    expect(urls(plan.precache)).toContain('notes/small/index.html');
    expect(urls(plan.runtime)).toEqual(['notes/big/index.html']);
  });

  it('precaches a note together with its images, or neither', () => {
    const files = [
      ...shell,
      file('notes/a/index.html', 50 * KiB),
      file('notes/b/index.html', 50 * KiB),
      file('diagrams/a.svg', 30 * KiB),
      file('diagrams/b.svg', 60 * KiB),
      file('diagrams/unused.svg', 5 * KiB),
    ];
    const assets = new Map([
      ['notes/a/index.html', ['diagrams/a.svg', 'diagrams/missing.svg']],
      ['notes/b/index.html', ['diagrams/a.svg', 'diagrams/b.svg']],
    ]);
    const plan = planPrecache(files, {
      budget: shellBytes + 100 * KiB,
      priority: ['notes/b/index.html', 'notes/a/index.html'],
      assets,
    });
    // b with both images (140 KiB) does not fit; a with its image (80 KiB) does; then the unused 5 KiB image.
    expect(urls(plan.precache).slice(shell.length)).toEqual([
      'notes/a/index.html',
      'diagrams/a.svg',
      'diagrams/unused.svg',
    ]);
    expect(urls(plan.runtime)).toEqual(['notes/b/index.html', 'diagrams/b.svg']);
  });

  it('takes the search index whole or not at all, after the notes and before other pages', () => {
    const withIndex = planPrecache(site, { budget: shellBytes + 500 * KiB + 80 * KiB, priority });
    expect(urls(withIndex.precache)).toEqual(expect.arrayContaining(urls(search)));
    expect(urls(withIndex.runtime)).toEqual(['graph/index.html', 'search/index.html']);

    const without = planPrecache(site, { budget: shellBytes + 500 * KiB + 79 * KiB, priority });
    expect(urls(without.runtime)).toEqual(expect.arrayContaining(urls(search)));
    expect(urls(without.precache)).toContain('graph/index.html'); // 60 KiB: fits where the 80 KiB index did not
  });

  it('always precaches the shell, even beyond the budget, and nothing else then', () => {
    const plan = planPrecache(site, { budget: 10 * KiB, priority });
    expect(urls(plan.precache)).toEqual(urls(shell));
    expect(plan.runtime).toHaveLength(site.length - shell.length);
  });

  it('never precaches a file over the size limit; a shell file over it is reported', () => {
    const files = [...shell, file('previews.json', MAX_PRECACHED_FILE + 1), file('_astro/huge.js', 6 * MiB)];
    const plan = planPrecache(files, { budget: 100 * MiB, priority: [] });
    expect(urls(plan.runtime)).toEqual(['previews.json']);
    expect(urls(plan.oversizedShell)).toEqual(['_astro/huge.js']);
    expect(urls(plan.precache)).toEqual(urls(shell));
  });

  it('on random sites: precache and runtime split the files, the shell is in, the budget holds', () => {
    const random = mulberry32(20240601);
    const kinds = ['notes/n%/index.html', 'en/notes/n%/index.html', 'pagefind/index/c%.pf_index', 'tags/t%/index.html'];
    for (let round = 0; round < 50; round++) {
      const files = [...shell];
      for (let i = 0; i < 40; i++)
        files.push(
          file(
            kinds[Math.floor(random.next() * kinds.length)]!.replace('%', `${i}`),
            Math.floor(random.next() * 200 * KiB),
          ),
        );
      const budget = shellBytes + Math.floor(random.next() * bytes(files));
      const order = files.filter((f) => fileRole(f.url) === 'note' && random.next() < 0.5).map((f) => f.url);
      const plan = planPrecache(files, { budget, priority: order });
      expect([...urls(plan.precache), ...urls(plan.runtime)].sort()).toEqual(urls(files).sort());
      expect(urls(plan.precache)).toEqual(expect.arrayContaining(urls(shell)));
      expect(bytes(plan.precache)).toBeLessThanOrEqual(budget);
      // Nothing left out would still have fitted (the plan does not waste the budget on a site of single files).
      const left = budget - bytes(plan.precache);
      const indexOut = plan.runtime.filter((f) => fileRole(f.url) === 'search');
      for (const f of plan.runtime.filter((f) => fileRole(f.url) !== 'search')) expect(f.size).toBeGreaterThan(left);
      if (indexOut.length > 0) expect(bytes(indexOut)).toBeGreaterThan(left);
    }
  });
});

describe('describePlan', () => {
  it('says what is precached, and what is left to runtime caching when the budget applies', () => {
    const precache = [file('index.html', 3 * MiB), file('notes/a/index.html', MiB / 2)];
    expect(describePlan({ precache, runtime: [], oversizedShell: [] }, 20 * MiB)).toBe(
      'service worker precaches 2 files (3.50 MiB)',
    );
    const runtime = Array.from({ length: 1234 }, (_, i) => file(`notes/n${i}/index.html`, 100 * KiB));
    expect(describePlan({ precache, runtime, oversizedShell: [] }, 20 * MiB)).toBe(
      'service worker precaches 2 files (3.50 MiB); 1,234 files (120.51 MiB) over the 20 MiB budget left to runtime caching',
    );
  });
});
