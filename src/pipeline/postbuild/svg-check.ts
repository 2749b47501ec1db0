// Why: an SVG opened on its own is a document, served from the site's origin: a script in it runs with the
// site's storage, and a reference to another origin leaks the reader's visit. Every SVG the build writes is
// checked, wherever it came from (public/diagrams, public/images, icons, or an image a note links, which Astro
// copies into _astro/), with the checker the importer uses (src/lib/content/svg-safety.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { svgProblems, type SvgProblem } from '../../lib/content/svg-safety.ts';

export interface SvgCheck {
  /** How many SVG files the site has. */
  checked: number;
  /** `file:line  problem`, one per problem, naming the file a contributor edits where it is known. */
  problems: string[];
}

/** What the check found in an SVG, by the SHA-1 of its bytes. */
type Findings = Record<string, SvgProblem[]>;

/**
 * Checks the SVGs among `files` (site-relative paths under `dir`). What an SVG's check found is remembered in
 * `findingsFile` by the file's digest (the check is a function of the bytes alone), so a rebuild at 2,000 notes
 * reads and hashes the SVGs but parses only the new ones.
 */
export function checkSvgs(dir: string, files: readonly string[], findingsFile: string, publicDir = 'public'): SvgCheck {
  const remembered = readFindings(findingsFile);
  const findings: Findings = {};
  const problems: string[] = [];
  const svgs = files.filter((path) => path.toLowerCase().endsWith('.svg'));
  for (const path of svgs) {
    const bytes = readFileSync(join(dir, path));
    const digest = createHash('sha1').update(bytes).digest('hex');
    const found = (findings[digest] = remembered[digest] ?? svgProblems(bytes.toString('utf8')));
    const where = sourceOf(path, publicDir);
    for (const { line, message } of found) problems.push(`${where.file}:${line}  ${message}${where.note}`);
  }
  mkdirSync(dirname(findingsFile), { recursive: true });
  writeFileSync(findingsFile, JSON.stringify(findings));
  return { checked: svgs.length, problems };
}

/** The file to fix: the one in public/ it was copied from, else the built file (a note's image, which Astro renames). */
function sourceOf(path: string, publicDir: string): { file: string; note: string } {
  const inPublic = join(publicDir, path);
  if (existsSync(inPublic)) return { file: inPublic, note: '' };
  return { file: `/${path}`, note: path.startsWith('_astro/') ? ' (an image a note links, renamed by Astro)' : '' };
}

function readFindings(file: string): Findings {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Findings) : {};
  } catch {
    return {}; // a damaged file only costs a full check
  }
}
