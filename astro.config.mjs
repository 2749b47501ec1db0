// @ts-check
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import remarkToc from 'remark-toc';
import { SITE } from './src/site.config.ts';
import { THEME_INIT } from './src/client/theme-init.ts';
import { IFRAME_HOSTS } from './src/pipeline/render/rehype-safe-html.ts';
import { TAG_IDS } from './src/pipeline/content/registry.ts';
import contentGuard from './src/pipeline/content/guard.ts';
import katexAssets from './src/katex/assets.ts';
import leanLazyImports from './src/pipeline/render/lean-lazy-imports.ts';
import remarkNoteMeta from './src/pipeline/render/remark-note-meta.ts';
import { citations } from './src/pipeline/render/remark-citations.ts';
import rehypeKatexStrict from './src/katex/rehype-katex-strict.ts';
import rehypeHeadingAnchors from './src/pipeline/render/rehype-heading-anchors.ts';
import rehypeExternalLinks from './src/pipeline/render/rehype-external-links.ts';
import rehypeCodeBlocks from './src/pipeline/render/rehype-code-blocks.ts';
import rehypeTocNav from './src/pipeline/render/rehype-toc-nav.ts';
import rehypeSafeHtml from './src/pipeline/render/rehype-safe-html.ts';
import rehypeTableScroll from './src/pipeline/render/rehype-table-scroll.ts';
import rehypeImageSize from './src/pipeline/render/rehype-image-size.ts';

const NOTES_DIR = process.env.NOTES_DIR ?? './content/notes';
// Astro caches the content layer in cacheDir. The site's own builds keep one cache per output folder
// (parallel builds do not collide); builds of another notes folder (test fixtures) get a throwaway cache in
// the OS temp folder, so their entries never leak into the site and node_modules does not fill up.
const OUT_DIR = process.env.ASTRO_OUT_DIR ?? './dist';
const CACHE_DIR = process.env.NOTES_DIR
  ? join(tmpdir(), 'dln-astro-cache', `${NOTES_DIR}-${OUT_DIR}`.replace(/[^a-z0-9]+/gi, '-').slice(-80))
  : `./node_modules/.astro/${OUT_DIR.replace(/[^a-z0-9]+/gi, '-').slice(-60)}`;

const processor = unified({
  remarkPlugins: [
    remarkMath,
    // [@key] cites content/references.bib; before remark-toc so the generated References heading is listed.
    citations(),
    // A heading "目录" or "Contents" is filled with the note's table of contents.
    [remarkToc, { heading: '目录|contents|table of contents', maxDepth: 3, tight: true }],
    remarkNoteMeta,
  ],
  rehypePlugins: [
    rehypeSafeHtml,
    // trust: false keeps \href, \url and \includegraphics from emitting links or loading anything;
    // maxExpand bounds macro expansion so a malicious formula cannot stall the build.
    [rehypeKatexStrict, { strict: 'error', trust: false, maxExpand: 1000, maxSize: 50 }],
    rehypeHeadingAnchors,
    rehypeTocNav,
    rehypeExternalLinks,
    rehypeCodeBlocks,
    rehypeTableScroll,
    rehypeImageSize,
  ],
  remarkRehype: {
    footnoteLabel: '脚注 · Footnotes',
  },
  gfm: true,
  smartypants: false,
});

export default defineConfig({
  site: SITE.url,
  trailingSlash: 'always',
  outDir: OUT_DIR,
  cacheDir: CACHE_DIR,
  // Every stylesheet inline (the site's is ~5 KiB gzipped): a linked one blocks the first paint for a round trip.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  markdown: {
    processor,
    shikiConfig: {
      // The high-contrast GitHub themes: the plain ones have token colours below WCAG AA (4.5:1).
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: false,
    },
  },
  integrations: [
    contentGuard({ notesDir: NOTES_DIR, tagIds: TAG_IDS }),
    katexAssets(),
    leanLazyImports(),
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'zh', locales: { zh: 'zh-CN', en: 'en' } },
      filter: (page) => !page.includes('/404'),
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
});
