import { describe, expect, it } from 'vitest';
import { discussionConfig, discussionSearchUrl, discussionTerm } from '../../../../src/lib/content/discussion.ts';

const FULL = {
  GISCUS_REPO: 'octocat/deep-learning-notes',
  GISCUS_REPO_ID: 'R_kgDOExample',
  GISCUS_CATEGORY: 'Notes',
  GISCUS_CATEGORY_ID: 'DIC_kwDOExample',
};

describe('discussionConfig', () => {
  it('is off when nothing is set', () => {
    expect(discussionConfig({})).toBeUndefined();
    expect(discussionConfig({ GISCUS_REPO: '  ' })).toBeUndefined();
  });

  it('reads all four variables', () => {
    expect(discussionConfig(FULL)).toEqual({
      repo: 'octocat/deep-learning-notes',
      repoId: 'R_kgDOExample',
      category: 'Notes',
      categoryId: 'DIC_kwDOExample',
    });
  });

  it('names what is missing when only some are set', () => {
    expect(() => discussionConfig({ ...FULL, GISCUS_CATEGORY_ID: '' })).toThrow(
      /half configured: GISCUS_CATEGORY_ID is not set/,
    );
    expect(() => discussionConfig({ GISCUS_REPO: FULL.GISCUS_REPO })).toThrow(
      /GISCUS_REPO_ID, GISCUS_CATEGORY, GISCUS_CATEGORY_ID are not set/,
    );
  });

  it('refuses a repository that is not owner/name', () => {
    expect(() => discussionConfig({ ...FULL, GISCUS_REPO: 'https://github.com/octocat/x' })).toThrow(/not owner\/name/);
  });
});

describe('a note’s thread', () => {
  it('is named by the note’s path without the base, per language', () => {
    expect(discussionTerm('zh', 'neuron')).toBe('notes/neuron/');
    expect(discussionTerm('en', 'neuron')).toBe('en/notes/neuron/');
  });

  it('is found on GitHub by a quoted search for that name', () => {
    const url = new URL(discussionSearchUrl(discussionConfig(FULL)!, 'en/notes/neuron/'));
    expect(url.origin + url.pathname).toBe('https://github.com/octocat/deep-learning-notes/discussions');
    expect(url.searchParams.get('discussions_q')).toBe('"en/notes/neuron/"');
  });
});
