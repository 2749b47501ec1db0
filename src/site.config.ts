import { normalizeBasePath } from './lib/text/base-path.ts';

/**
 * The one place for site-wide settings. `astro.config.mjs`, the layouts and the scripts read from here.
 * SITE_URL and REPO_URL may be overridden at build time by the environment (for forks and mirrors).
 */
export const SITE = {
  /** Canonical origin of the published site (no path: see `base`), used for canonical URLs, the sitemap, RSS and Open Graph. */
  url: process.env.SITE_URL ?? 'https://deep-learning-notes.pages.dev',
  /**
   * The path the site is served under, `/` or `/<repo>/` (BASE_PATH, for GitHub Pages project sites). Pages and
   * notes link root-absolute (`/notes/x/`); the build moves every URL under this path at the end.
   */
  base: normalizeBasePath(process.env.BASE_PATH),
  /** Repository on its host; "edit this page" links point into it. */
  repoUrl: process.env.REPO_URL ?? 'https://github.com/deep-learning-notes/deep-learning-notes',
  /** Branch that "edit this page" links edit. */
  repoBranch: 'main',
  title: { zh: '深度学习笔记', en: 'Deep Learning Notes' },
  tagline: {
    zh: '从神经元到现代图像模型：一份可以动手运行的中英双语深度学习知识库。',
    en: 'From the neuron to modern image models: a bilingual deep-learning knowledge base you can run.',
  },
  author: 'Deep Learning Notes contributors',
} as const;
