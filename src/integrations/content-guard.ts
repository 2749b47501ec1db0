// Why: Astro's own schema errors name the field but not the line, accept rolled-over dates
// (2024-02-30 → March 1st) and silently skip files outside the collection's glob. This integration checks
// every note before Astro reads any of them and stops the build with file:line, the problem and the fix.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { checkFrontmatter, formatProblems, type ContentProblem } from '../lib/frontmatter-check.ts';
import { isLang } from '../lib/lang.ts';
import { slugProblem } from '../lib/slug.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every problem in the notes folder: misplaced files, bad names, duplicate slugs and frontmatter errors. */
export function checkNotesFolder(notesDir: string, tagIds: readonly string[], root = process.cwd()): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Map<string, string>();
  for (const path of walk(notesDir)) {
    const file = relative(root, path);
    const parts = relative(notesDir, path).split(/[\\/]/);
    const name = parts.at(-1)!;
    const ext = /\.(md|mdx)$/.exec(name)?.[1];
    if (!ext) continue;
    if (parts.length !== 2 || !isLang(parts[0]!)) {
      problems.push({ file, message: 'notes must sit in content/notes/zh/ or content/notes/en/: move the file there' });
      continue;
    }
    const slug = name.slice(0, -(ext.length + 1));
    const nameProblem = slugProblem(slug);
    if (nameProblem) problems.push({ file, message: `the file name is not a valid slug: ${nameProblem}` });
    const key = `${parts[0]}/${slug}`;
    const other = seen.get(key);
    if (other) problems.push({ file, message: `the slug "${slug}" is already used by ${other}: keep one of .md and .mdx` });
    seen.set(key, file);
    problems.push(...checkFrontmatter(readFileSync(path, 'utf8'), file, tagIds));
  }
  return problems;
}

export class ContentError extends Error {
  override name = 'ContentError';
}

export default function contentGuard(options: { notesDir: string; tagIds: readonly string[] }): AstroIntegration {
  return {
    name: 'deep-learning-notes:content-guard',
    hooks: {
      'astro:config:setup': () => {
        const problems = checkNotesFolder(options.notesDir, options.tagIds);
        if (problems.length === 0) return;
        const message = `${problems.length} problem${problems.length > 1 ? 's' : ''} in the notes:\n${formatProblems(problems)}`;
        throw new ContentError(message);
      },
    },
  };
}
