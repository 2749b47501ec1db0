// Why: Astro's own schema errors name the field but not the line, accept rolled-over dates
// (2024-02-30 → March 1st) and silently skip files outside the collection's glob. This integration checks
// every note before Astro reads any of them and stops the build with file:line, the problem and the fix.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import {
  checkFrontmatter,
  extractFrontmatter,
  formatProblems,
  type ContentProblem,
} from '../../lib/content/frontmatter-check.ts';
import { BUILD_CACHE_DIR } from '../build-cache.ts';
import { codeDigest } from '../code-digest.ts';
import { settledIdentity } from '../file-identity.ts';
import { isLang } from '../../lib/content/lang.ts';
import { slugProblem } from '../../lib/content/slug.ts';
import { findCycle } from '../../lib/content/graph.ts';
import { nearest } from '../../lib/text/nearest.ts';
import { parseDocument } from 'yaml';
import { MAX_NESTING, tooDeeplyNested, unclosedFence } from '../../lib/content/markdown-checks.ts';
import { localImages, mdxSyntaxProblem, type LocalImage } from '../../lib/content/body-checks.ts';
import { studyBlockProblems } from '../../lib/study/study-blocks.ts';
import { isUtf8 } from 'node:buffer';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path).isDirectory());
    return isFolder ? walk(path) : [path];
  });
}

/** What checking one note file found: its problems and, when it is valid, what the checks across notes need. */
export interface FileCheck {
  problems: ContentProblem[];
  note?: { slug: string; prerequisites: string[]; line: number; images?: LocalImage[] };
}

/**
 * Each file's check with the digest of the bytes it checked, and the file's identity when it was read
 * (src/pipeline/file-identity.ts). A rebuild after one edit re-checks one file instead of parsing the YAML of
 * every note again (about a second at 2,000 notes), and reads only the files whose identity changed.
 */
export interface RememberedCheck {
  digest: string;
  identity?: string;
  check: FileCheck;
}
export type RememberedChecks = Map<string, RememberedCheck>;

/** The checks of one note file on its own: encoding, code fences, frontmatter, exercises and self-checks. */
function checkNoteFile(file: string, slug: string, bytes: Buffer, tagIds: readonly string[]): FileCheck {
  if (!isUtf8(bytes)) {
    return {
      problems: [{ file, message: 'the file is not UTF-8: save it as UTF-8 (other encodings garble Chinese text)' }],
    };
  }
  const source = bytes.toString('utf8');
  const problems: ContentProblem[] = [];
  const deep = tooDeeplyNested(source);
  if (deep !== undefined) {
    const message = `lists or quotes nest deeper than ${MAX_NESTING} levels here: flatten them (no parser reads this in reasonable time)`;
    return { problems: [{ file, line: deep, message }] };
  }
  const fence = unclosedFence(source);
  if (fence) {
    problems.push({ file, line: fence, message: 'this code fence is never closed: add the closing ``` (or ~~~) line' });
  }
  const own = checkFrontmatter(source, file, tagIds);
  problems.push(...own);
  if (own.length > 0) return { problems };
  const isMdx = file.endsWith('.mdx');
  const syntax = isMdx ? mdxSyntaxProblem(source) : undefined;
  if (syntax) return { problems: [...problems, { file, ...syntax }] };
  problems.push(...studyBlockProblems(source, isMdx).map((problem) => ({ file, ...problem })));
  const frontmatter = extractFrontmatter(source)?.yaml ?? '';
  const prerequisites = (parseDocument(frontmatter).toJS() as { prerequisites?: string[] } | null)?.prerequisites ?? [];
  const line = frontmatter.split('\n').findIndex((l) => l.startsWith('prerequisites:')) + 2;
  const images = localImages(source, isMdx);
  return { problems, note: { slug, prerequisites, line, ...(images.length > 0 ? { images } : {}) } };
}

/**
 * Relative images must exist beside the note. Checked on every build, outside the remembered checks: whether a
 * file exists is not part of the note's bytes.
 */
function checkImages(file: string, path: string, images: readonly LocalImage[], root: string): ContentProblem[] {
  return images.flatMap(({ src, line }) => {
    let decoded = src;
    try {
      decoded = decodeURI(src.replace(/[?#].*$/, ''));
    } catch {
      // kept as written
    }
    const target = resolve(dirname(path), decoded);
    if (existsSync(target)) return [];
    return [
      {
        file,
        line,
        message: `image "${src}" not found (looked for ${relative(root, target)}): add the file or fix the path`,
      },
    ];
  });
}

/** Every problem in the notes folder: misplaced files, bad names, duplicate slugs and frontmatter errors. */
export function checkNotesFolder(
  notesDir: string,
  tagIds: readonly string[],
  root = process.cwd(),
  remembered: RememberedChecks = new Map(),
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const notes: NoteSource[] = [];
  const seen = new Map<string, string>();
  const checked: RememberedChecks = new Map();
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
    const known = remembered.get(file);
    const identity = settledIdentity(path);
    let entry = identity !== undefined && known?.identity === identity ? known : undefined;
    if (!entry) {
      const bytes = readFileSync(path);
      const digest = createHash('sha1').update(bytes).digest('hex');
      const check = known?.digest === digest ? known.check : checkNoteFile(file, slug, bytes, tagIds);
      entry = { digest, ...(identity !== undefined ? { identity } : {}), check };
    }
    const { check } = entry;
    checked.set(file, entry);
    problems.push(...check.problems);
    if (check.note) notes.push({ file, ...check.note });
    if (check.note?.images) problems.push(...checkImages(file, path, check.note.images, root));
  }
  remembered.clear();
  for (const [file, entry] of checked) remembered.set(file, entry);
  problems.push(...checkPrerequisites(notes));
  const hints = lonelyTranslationHints(
    [...seen].map(([key, file]) => ({ file, lang: key.split('/')[0]!, slug: key.split('/')[1]! })),
  );
  for (const hint of hints) console.warn(`⚠ ${hint}`);
  return problems;
}

/**
 * A note may exist in one language only (the other side shows that it is not translated yet). One whose slug is
 * a near miss of a slug in the other language is more likely a misnamed translation: that is said, not refused.
 * Only notes without a translation can be each other's, and the hint is given only for two that are each other's
 * nearest: one Chinese note beside an imported English vault is not offered as the translation of every note in it.
 */
export function lonelyTranslationHints(
  files: ReadonlyArray<{ file: string; lang: string; slug: string }>,
): string[] {
  const slugs = new Map<string, Set<string>>();
  for (const f of files) slugs.set(f.lang, (slugs.get(f.lang) ?? new Set()).add(f.slug));
  const otherLang = (lang: string) => (lang === 'zh' ? 'en' : 'zh');
  const lonely = files.filter((f) => !slugs.get(otherLang(f.lang))?.has(f.slug));
  const lonelySlugs = new Map<string, string[]>();
  for (const f of lonely) {
    if (!lonelySlugs.has(f.lang)) lonelySlugs.set(f.lang, []);
    lonelySlugs.get(f.lang)!.push(f.slug);
  }
  const guesses = new Map<string, string | undefined>();
  const guessFor = (lang: string, slug: string) => {
    const key = `${lang}/${slug}`;
    if (!guesses.has(key)) guesses.set(key, nearest(slug, lonelySlugs.get(otherLang(lang)) ?? []));
    return guesses.get(key);
  };
  return lonely.flatMap((f) => {
    const guess = guessFor(f.lang, f.slug);
    return guess !== undefined && guessFor(otherLang(f.lang), guess) === f.slug
      ? [`${f.file}: no note of this slug in the other language; is it the translation of "${guess}"? Rename it if so.`]
      : [];
  });
}

interface NoteSource {
  file: string;
  slug: string;
  prerequisites: string[];
  /** The line of `prerequisites:` in the file. */
  line: number;
}

/** Prerequisites must name notes that exist, and must not form a cycle (the build could not order them). */
function checkPrerequisites(notes: readonly NoteSource[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const slugs = [...new Set(notes.map((n) => n.slug))];
  const known = new Set(slugs);
  const edges: Array<{ from: string; to: string }> = [];
  for (const { prerequisites, line, ...note } of notes) {
    for (const prerequisite of prerequisites) {
      if (known.has(prerequisite)) {
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

/**
 * Where the checks are remembered: one file per notes folder and tag registry, named after the code that checks
 * (its import graph, src/pipeline/code-digest.ts), so a change to a check re-runs it on every note and a change
 * to anything else does not.
 */
/** This module, from the project root (Astro may load it from a bundled copy of the config). */
const GUARD_MODULE = 'src/pipeline/content/guard.ts';

function checksFile(options: { notesDir: string; tagIds: readonly string[] }): string {
  const hash = createHash('sha256').update(resolve(options.notesDir)).update(options.tagIds.join('\n'));
  hash.update(codeDigest([GUARD_MODULE]));
  return join(BUILD_CACHE_DIR, 'content-guard', `${hash.digest('hex').slice(0, 16)}.json`);
}

function readRemembered(file: string): RememberedChecks {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, RememberedCheck>));
  } catch {
    return new Map(); // none yet, or damaged: every note is checked
  }
}

function writeRemembered(file: string, remembered: RememberedChecks): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(Object.fromEntries(remembered)));
}

export default function contentGuard(options: { notesDir: string; tagIds: readonly string[] }): AstroIntegration {
  return {
    name: 'deep-learning-notes:content-guard',
    hooks: {
      'astro:config:setup': () => {
        const memo = checksFile(options);
        const remembered = readRemembered(memo);
        const problems = checkNotesFolder(options.notesDir, options.tagIds, process.cwd(), remembered);
        writeRemembered(memo, remembered);
        if (problems.length === 0) return;
        const message = `${problems.length} problem${problems.length > 1 ? 's' : ''} in the notes:\n${formatProblems(problems)}`;
        throw new ContentError(message);
      },
    },
  };
}
