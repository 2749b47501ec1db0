// The post-build stage: what happens to the site Astro wrote before it replaces the last good one. Each pass may
// start early (Pagefind's first full index runs beside the read of the pages), look at every page during the one
// read of the site (a scan, whose findings are remembered per page, or a visitor), then finish in list order. A
// pass that fails stops the build before the passes after it. scripts/build.ts runs POSTBUILD_PASSES; the README
// lists them (tests/unit/docs/pipeline.test.ts keeps the two in step).
import type { BuiltFiles, PageScan, PageVisitor } from './built-pages.ts';
import { siteChecks } from './check-links.ts';
import { checkSvgs } from './svg-check.ts';
import { basePathRewrite } from './base-path.ts';
import { SITE } from '../../site.config.ts';
import { precacheInputs, writeServiceWorker } from './service-worker.ts';
import { searchIndex } from '../../search/indexer.ts';
import { katexGlyphScan, subsetKatexFonts } from '../../katex/subset-fonts.ts';

/** A pass found the site unfit to publish: the build stops and the last good site stays. */
export class PassError extends Error {
  override name = 'PassError';
}

export interface PassContext {
  /** The freshly built site (the staging folder). */
  dir: string;
  /** This site's folder in the build cache, already keyed by the code of the passes. */
  cacheDir: string;
}

/** One pass at work on one build. */
export interface RunningPass {
  /** Work that needs nothing of the built site, done while Astro still builds it. */
  prepare?(): void;
  /**
   * Work on the built site that reads no page through the page pass (Pagefind's full index): it runs beside the one
   * read of the site, or before it when a pass rewrites pages (`rewritesPages`).
   */
  start?(): Promise<void>;
  scan?: PageScan<unknown>;
  visit?: PageVisitor;
  /** Whether `visit` changes pages: the passes' `start` then runs before the read of the site, not beside it. */
  rewritesPages?: boolean;
  /** Given the site's files that are not pages; returns the build log's line, or throws PassError. */
  finish(files: BuiltFiles): Promise<string>;
}

export interface PostBuildPass {
  name: string;
  /** What it does, for the README. */
  does: string;
  create(context: PassContext): RunningPass;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const checks: PostBuildPass = {
  name: 'checks',
  does:
    'every internal link, `#anchor` and image resolves; every page has one `<h1>`, a title and a description, ' +
    'no id twice and no URL that runs script',
  create() {
    const site = siteChecks();
    return {
      scan: site.scan,
      finish: (files) => {
        const broken = site.brokenLinks(files.others);
        if (broken.length > 0)
          throw new PassError(`${plural(broken.length, 'broken internal link')}:\n  ${broken.join('\n  ')}`);
        const basics = site.pagesWithoutBasics();
        if (basics.length > 0)
          throw new PassError(`${plural(basics.length, 'problem')} in pages:\n  ${basics.join('\n  ')}`);
        return Promise.resolve(
          'internal links, anchors and images; every page has one <h1>, a title and a description, no id twice ' +
            'and no script URL',
        );
      },
    };
  },
};

const svgSafety: PostBuildPass = {
  name: 'svg-safety',
  does:
    'every SVG the site serves (diagrams, images, icons, images a note links) has no script, event handler, ' +
    '`javascript:` URL or external reference',
  create({ dir, cacheDir }) {
    return {
      finish: (files) => {
        const svgs = checkSvgs(dir, files.others, `${cacheDir}/svg-safety.json`);
        if (svgs.problems.length > 0)
          throw new PassError(
            `${plural(svgs.problems.length, 'problem')} in SVGs the site would serve:\n  ${svgs.problems.join('\n  ')}\n` +
              'An SVG opened on its own runs its scripts as this site: remove them, and inline what it loads from ' +
              'elsewhere (or point at an #id inside it).',
          );
        return Promise.resolve(`${plural(svgs.checked, 'SVG')}: no script, event handler or external reference`);
      },
    };
  },
};

const search: PostBuildPass = {
  name: 'search',
  does:
    'Pagefind indexes the pages (a large site in shards of about 160 MiB of HTML, one Pagefind run after another, ' +
    'so its memory stays under 1 GiB); a rebuild indexes only the pages changed since the last full index, as a delta',
  create({ dir, cacheDir }) {
    const index = searchIndex(dir, `${cacheDir}/search-index`);
    return {
      start: () => index.start(),
      visit: index.visit,
      async finish() {
        const written = await index.write();
        if (written.errors.length > 0)
          throw new PassError(`Pagefind could not index the site:\n  ${written.errors.join('\n  ')}`);
        const counts = Object.entries(written.languages)
          .map(([lang, n]) => `${n} ${lang}`)
          .join(', ');
        const shards = written.shards.length > 0 ? `, in ${written.shards.length + 1} shards` : '';
        if (written.kind === 'full') return `search index: ${counts} pages${shards}`;
        return counts
          ? `search index: the last full index, plus ${counts} pages changed since`
          : 'search index: the last full index (no page changed since)';
      },
    };
  },
};

const katexFonts: PostBuildPass = {
  name: 'katex-fonts',
  does: 'each KaTeX font is subset to the characters the formulas draw in it',
  create({ dir }) {
    const glyphs = katexGlyphScan();
    return {
      prepare: glyphs.prepare,
      scan: glyphs.scan,
      finish: async () => (await subsetKatexFonts(dir, glyphs.glyphs)).summary,
    };
  },
};

const basePath: PostBuildPass = {
  name: 'base-path',
  does:
    'with `BASE_PATH` set, every URL of the site moves under it: pages, stylesheets, feeds, sitemap, web app ' +
    'manifest and headers',
  create({ dir }) {
    const rewrite = basePathRewrite(dir, SITE.base, SITE.url);
    return {
      visit: rewrite.visit,
      rewritesPages: SITE.base !== '/',
      finish: (files) => Promise.resolve(rewrite.finish(files)),
    };
  },
};

// Last: it records the revision of every file it precaches, fonts and search index included.
const serviceWorker: PostBuildPass = {
  name: 'service-worker',
  does: 'a Workbox service worker precaches the site under a byte budget, most important notes first',
  create({ dir, cacheDir }) {
    const precache = precacheInputs();
    return {
      scan: precache.scan,
      async finish() {
        const sw = await writeServiceWorker(dir, precache, { revisionsFile: `${cacheDir}/sw-revisions.json` });
        if (sw.warnings.length > 0)
          throw new PassError(`the service worker could not precache everything:\n  ${sw.warnings.join('\n  ')}`);
        return sw.summary;
      },
    };
  },
};

export const POSTBUILD_PASSES: readonly PostBuildPass[] = [
  checks,
  svgSafety,
  search,
  katexFonts,
  basePath,
  serviceWorker,
];

/** The modules whose code the passes run: remembered findings are keyed by it (src/pipeline/code-digest.ts). */
export const POSTBUILD_CODE = ['src/pipeline/postbuild/passes.ts'];
