import { z } from 'zod';
import { nearest } from '../text/nearest.ts';

export const DESCRIPTION_MAX = 200;

/**
 * The frontmatter of a note. Strict: an unknown key (a typo such as `titel:`) is an error,
 * because a silently ignored field is a lost edit.
 *
 * Each field's `.describe()` text is the reference table in CONTRIBUTING.md
 * (`npm run docs:frontmatter` writes it; a unit test fails when the two differ).
 *
 * @param tagIds ids of the tag registry (`content/tags.json`); an unknown tag suggests the nearest id.
 */
export function noteSchema(tagIds: readonly string[]) {
  return z.strictObject({
    /** Title shown on the page, in the tab and in search results. */
    title: z
      .string()
      .trim()
      .min(1, 'title must not be empty')
      .describe('Title shown on the page, in the tab and in search results.'),
    /** One or two sentences for previews, search results and `<meta name="description">`; at most 200 characters. */
    description: z
      .string()
      .trim()
      .min(1, 'description must not be empty')
      .max(DESCRIPTION_MAX, `description must be at most ${DESCRIPTION_MAX} characters`)
      .describe(
        `One or two sentences for previews, search results and \`<meta name="description">\`; at most ${DESCRIPTION_MAX} characters.`,
      ),
    /** First publication date, `YYYY-MM-DD`. */
    date: z.coerce.date().describe('First publication date, `YYYY-MM-DD`.'),
    /** Date of the last substantial revision, `YYYY-MM-DD`; not before `date`. */
    updated: z.coerce
      .date()
      .optional()
      .describe('Date of the last substantial revision, `YYYY-MM-DD`; not before `date`.'),
    /** At least one tag id from the registry in `content/tags.json`. */
    tags: z
      .array(z.string())
      .min(1, 'give at least one tag')
      .superRefine((tags, ctx) => {
        tags.forEach((tag, index) => {
          if (tagIds.includes(tag)) return;
          const suggestion = nearest(tag, tagIds);
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message:
              `unknown tag "${tag}"` +
              (suggestion ? `: did you mean "${suggestion}"?` : '') +
              ' Tags must be ids from content/tags.json (add a new one there with its zh and en label).',
          });
        });
      })
      .describe('At least one tag id from the registry in `content/tags.json`.'),
    /** Slugs of the notes to read first; they order the roadmap and draw the concept graph. */
    prerequisites: z
      .array(z.string().regex(/^[^\s/]+$/, 'a prerequisite is a note slug such as "neuron"'))
      .optional()
      .default([])
      .describe(
        'Slugs of the notes to read first (e.g. `[neuron]`). They order the roadmap and the sidebar and draw the concept graph; an unknown slug or a cycle stops the build.',
      ),
    /** English notes only: the hash of the Chinese note this translates, written by `npm run translations:stamp`. */
    translationOf: z
      .string()
      .regex(/^[0-9a-f]{12}$/, 'translationOf is 12 hexadecimal digits: let `npm run translations:stamp` write it')
      .optional()
      .describe(
        'English notes only: the version of the Chinese note this translates (12 hex digits, written by `npm run translations:stamp`). When the Chinese note changes, the page says so and `npm run check` lists the note.',
      ),
    /** A draft is built in development only and left out of production builds. */
    draft: z
      .boolean()
      .optional()
      .default(false)
      .describe('A draft is built in development only and left out of production builds.'),
  });
}

export type NoteFrontmatter = z.output<ReturnType<typeof noteSchema>>;
