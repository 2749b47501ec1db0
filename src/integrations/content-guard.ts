// Why: Astro's own schema errors name the field but not the line, accept rolled-over dates
// (2024-02-30 → March 1st) and silently skip files outside the collection's glob. This integration checks
// every note before Astro reads any of them and stops the build with file:line, the problem and the fix.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { checkFrontmatter, formatProblems, type ContentProblem } from '../lib/frontmatter-check.ts';
import { isLang } from '../lib/lang.ts';
import { slugProblem } from '../lib/slug.ts';
import { findCycle } from '../lib/graph.ts';
import { nearest } from '../lib/nearest.ts';
import { parseDocument } from 'yaml';
import { unclosedFence } from '../lib/markdown-checks.ts';
import { isUtf8 } from 'node:buffer';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every problem in the notes folder: misplaced files, bad names, duplicate slugs and frontmatter errors. */
export function checkNotesFolder(notesDir: string, tagIds: readonly string[], root = process.cwd()): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const notes: NoteSource[] = [];
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
    if (other)
      problems.push({ file, message: `the slug "${slug}" is already used by ${other}: keep one of .md and .mdx` });
    seen.set(key, file);
    const bytes = readFileSync(path);
    if (!isUtf8(bytes)) {
      problems.push({ file, message: 'the file is not UTF-8: save it as UTF-8 (other encodings garble Chinese text)' });
      continue;
    }
    const source = bytes.toString('utf8');
    const fence = unclosedFence(source);
    if (fence) {
      problems.push({
        file,
        line: fence,
        message: 'this code fence is never closed: add the closing ``` (or ~~~) line',
      });
    }
    const own = checkFrontmatter(source, file, tagIds);
    problems.push(...own);
    if (own.length === 0) notes.push({ file, slug, source });
  }
  problems.push(...checkPrerequisites(notes));
  problems.push(
    ...checkOriginals([...seen].map(([key, file]) => ({ file, lang: key.split('/')[0]!, slug: key.split('/')[1]! }))),
  );
  return problems;
}

/** An English note translates a Chinese one: an English slug without a Chinese note is a mistake. */
function checkOriginals(files: ReadonlyArray<{ file: string; lang: string; slug: string }>): ContentProblem[] {
  const zh = files.filter((f) => f.lang === 'zh').map((f) => f.slug);
  return files
    .filter((f) => f.lang === 'en' && !zh.includes(f.slug))
    .map((f) => {
      const guess = nearest(f.slug, zh);
      return {
        file: f.file,
        message:
          `this translation has no Chinese original content/notes/zh/${f.slug}.md` +
          (guess ? `: did you mean the slug "${guess}"?` : ': add the Chinese note first, with the same slug'),
      };
    });
}

interface NoteSource {
  file: string;
  slug: string;
  source: string;
}

/** Prerequisites must name notes that exist, and must not form a cycle (the build could not order them). */
function checkPrerequisites(notes: readonly NoteSource[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const slugs = [...new Set(notes.map((n) => n.slug))];
  const edges: Array<{ from: string; to: string }> = [];
  for (const note of notes) {
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(note.source)?.[1] ?? '';
    const prerequisites =
      (parseDocument(frontmatter).toJS() as { prerequisites?: string[] } | null)?.prerequisites ?? [];
    const line = frontmatter.split('\n').findIndex((l) => l.startsWith('prerequisites:')) + 2;
    for (const prerequisite of prerequisites) {
      if (slugs.includes(prerequisite)) {
        edges.push({ from: prerequisite, to: note.slug });
        continue;
      }
      const guess = nearest(prerequisite, slugs);
      problems.push({
        file: note.file,
        line,
        field: 'prerequisites',
        message: `prerequisite "${prerequisite}" is not a note${guess ? `: did you mean "${guess}"?` : ''} Use the slug (file name) of an existing note.`,
      });
    }
  }
  const cycle = findCycle(slugs, edges);
  if (cycle) {
    const file = notes.find((n) => n.slug === cycle[0])?.file ?? 'content/notes';
    problems.push({
      file,
      field: 'prerequisites',
      message: `prerequisites form a cycle: ${cycle.join(' → ')}. A note cannot (indirectly) require itself: remove one of these prerequisites.`,
    });
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
