// VitePress as a peer for `npm run bench -- peers`: the default theme, bilingual like the site (Chinese at the
// root, English under /en/), its built-in local search and its documented math support (markdown-it-mathjax3).
// scripts/bench/peers.ts copies the corpus into corpus/ and sets PEER_OUT_DIR.
import { defineConfig } from 'vitepress';

export default defineConfig({
  title: 'Deep Learning Notes',
  srcDir: 'corpus',
  outDir: process.env.PEER_OUT_DIR ?? 'dist',
  markdown: { math: true },
  locales: {
    root: { label: '简体中文', lang: 'zh-CN' },
    en: { label: 'English', lang: 'en' },
  },
  themeConfig: { search: { provider: 'local' } },
});
