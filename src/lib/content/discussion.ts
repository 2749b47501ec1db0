// Discussion under each note: GitHub Discussions through giscus (https://giscus.app), off unless a repository
// and a category are configured. Each note's discussion is found by a term that does not depend on where the
// site is published (its path without the base), so moving the site keeps its discussions.
import type { Lang } from './lang.ts';

export const GISCUS_ORIGIN = 'https://giscus.app';

/** The Content-Security-Policy directive a page showing the discussion adds to the site's. */
export const DISCUSSION_FRAME_SOURCE = `frame-src ${GISCUS_ORIGIN}`;

export interface DiscussionConfig {
  /** `owner/name` of a public repository with Discussions and the giscus app installed. */
  repo: string;
  repoId: string;
  /** The Discussions category new threads go in (giscus.app gives both ids). */
  category: string;
  categoryId: string;
}

const VARIABLES = {
  repo: 'GISCUS_REPO',
  repoId: 'GISCUS_REPO_ID',
  category: 'GISCUS_CATEGORY',
  categoryId: 'GISCUS_CATEGORY_ID',
} as const satisfies Record<keyof DiscussionConfig, string>;

/**
 * The configuration from the environment: all four variables, or none (discussion off). Some but not all is a
 * mistake the build names rather than silently leaving the discussion out.
 */
export function discussionConfig(env: Readonly<Record<string, string | undefined>>): DiscussionConfig | undefined {
  const entries = Object.entries(VARIABLES).map(([key, name]) => [key, name, env[name]?.trim() ?? ''] as const);
  const missing = entries.filter(([, , value]) => value === '').map(([, name]) => name);
  if (missing.length === entries.length) return undefined;
  if (missing.length > 0) {
    throw new Error(
      `giscus discussions are half configured: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. ` +
        'Set all four (https://giscus.app gives the ids for a repository and category), or none to turn them off.',
    );
  }
  const config = Object.fromEntries(entries.map(([key, , value]) => [key, value])) as unknown as DiscussionConfig;
  if (!/^[\w.-]+\/[\w.-]+$/.test(config.repo)) {
    throw new Error(`GISCUS_REPO "${config.repo}" is not owner/name (for example octocat/deep-learning-notes).`);
  }
  return config;
}

/** The thread of a note in a language: `notes/neuron/` or `en/notes/neuron/`. */
export function discussionTerm(lang: Lang, slug: string): string {
  return `${lang === 'zh' ? '' : 'en/'}notes/${slug}/`;
}

/** Where a reader finds the thread on GitHub without giscus (offline, the offline bundle, no JavaScript). */
export function discussionSearchUrl(config: DiscussionConfig, term: string): string {
  return `https://github.com/${config.repo}/discussions?discussions_q=${encodeURIComponent(`"${term}"`)}`;
}

/** giscus's language codes for the site's languages. */
export const GISCUS_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };
