import { discussionConfig } from './lib/content/discussion.ts';
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
  /**
   * Discussion under each note (GitHub Discussions through giscus): off unless GISCUS_REPO, GISCUS_REPO_ID,
   * GISCUS_CATEGORY and GISCUS_CATEGORY_ID are set, or a configuration is written here instead, for example
   * `{ repo: 'owner/name', repoId: 'R_…', category: 'Notes', categoryId: 'DIC_…' }` (https://giscus.app gives the ids).
   */
  discussion: discussionConfig(process.env),
} as const;

/** A path of the site (`/notes/x/`) as an absolute URL where the site is published, base path included. */
export function absoluteUrl(path: string): string {
  return new URL(SITE.base + path.replace(/^\//, ''), SITE.url).href;
}

/** What a page's HTML depends on besides its content: part of the incremental build's page keys. */
export const SITE_ENVIRONMENT = [SITE.url, SITE.repoUrl, SITE.base, SITE.discussion ?? null];
