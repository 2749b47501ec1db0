// @ts-check
import { createHash } from 'node:crypto';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { SITE } from './src/site.config.ts';
import { astroCacheDir } from './src/pipeline/build-cache.ts';
import { THEME_INIT } from './src/client/theme-init.ts';
import { IFRAME_HOSTS } from './src/pipeline/render/rehype-safe-html.ts';
import { TAG_IDS } from './src/pipeline/content/registry.ts';
import contentGuard from './src/pipeline/content/guard.ts';
import lazyContentModulesInDev from './src/pipeline/content/lazy-content-modules.ts';
import katexAssets from './src/katex/assets.ts';
import { markdownProcessor, shikiConfig } from './src/pipeline/render/processor.ts';
import leanLazyImports from './src/pipeline/render/lean-lazy-imports.ts';
import restoreByLink from './src/pipeline/render/restore-by-link.ts';
import { sitemapTranslations } from './src/pipeline/render/sitemap-translations.ts';

const NOTES_DIR = process.env.NOTES_DIR ?? './content/notes';
const OUT_DIR = process.env.ASTRO_OUT_DIR ?? './dist';
const CACHE_DIR = astroCacheDir(process.env.NOTES_DIR, OUT_DIR);
const SITEMAP_TRANSLATIONS = sitemapTranslations(new URL('/', SITE.url).href, 'zh', { zh: 'zh-CN', en: 'en' });

// Not `defineConfig` from 'astro/config': that entry point also loads SVGO and CSSO (265 modules, a tenth of a
// second of every build and dev start), and `defineConfig` only returns its argument.
/** @type {import('astro').AstroUserConfig} */
const config = {
  site: SITE.url,
  trailingSlash: 'always',
  outDir: OUT_DIR,
  cacheDir: CACHE_DIR,
  // Pages restored from the incremental cache are counted in the build's log, not listed one by one.
  logger: { entrypoint: './src/pipeline/render/build-log.mjs' },
  // Every stylesheet inline (the site's is ~5 KiB gzipped): a linked one blocks the first paint for a round trip.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  markdown: {
    processor: markdownProcessor,
    shikiConfig,
  },
  integrations: [
    contentGuard({ notesDir: NOTES_DIR, tagIds: TAG_IDS }),
    lazyContentModulesInDev(),
    katexAssets(),
    leanLazyImports(),
    restoreByLink(),
    mdx(),
    // The links between a page and its translations, as the sitemap's `i18n` option would add them.
    sitemap({
      filter: (page) => !page.includes('/404') && SITEMAP_TRANSLATIONS.collect(page),
      serialize: (item) => SITEMAP_TRANSLATIONS.serialize(item),
    }),
  ],
  devToolbar: { enabled: false },
  experimental: {
    // A rebuild re-renders only the pages whose inputs changed: note pages return a cacheKey from
    // getStaticPaths (src/pipeline/content/notes.ts notePageKey); Astro also hashes each page's code.
    incrementalBuild: true,
  },
  // A strict Content-Security-Policy as a <meta> in every page: scripts only from this site or by hash (no
  // 'unsafe-inline', no 'unsafe-eval'); Pagefind's WebAssembly needs 'wasm-unsafe-eval'. Styles allow inline
  // style attributes, which KaTeX and Shiki need to position glyphs and colour tokens. Headers a host should
  // add on top (frame-ancestors cannot be set in a meta): public/_headers.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        `frame-src ${IFRAME_HOSTS.map((host) => `https://${host}`).join(' ')}`,
      ],
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [`sha256-${createHash('sha256').update(THEME_INIT).digest('base64')}`],
      },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
};

export default config;
