import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { settledIdentity } from '../file-identity.ts';

/** The files of a built site as site-relative paths (`notes/x/index.html`), pages and the rest apart. */
export interface BuiltFiles {
  pages: string[];
  others: string[];
}

/** Every file under `dir` (one directory walk), in path order. */
export function listBuiltFiles(dir: string): BuiltFiles {
  const files: BuiltFiles = { pages: [], others: [] };
  const visit = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) visit(join(folder, entry.name), `${path}/`);
      else (path.endsWith('.html') ? files.pages : files.others).push(path);
    }
  };
  visit(dir, '');
  files.pages.sort();
  files.others.sort();
  return files;
}

/** A page of the built site as the build's later steps see it. */
export interface BuiltPage {
  /** Site-relative, `notes/x/index.html`. */
  path: string;
  /** SHA-1 of the file. */
  digest: string;
  /** The HTML, decoded on first use: a page whose findings are remembered is never decoded. */
  html(): string;
}

/**
 * Something the build wants to know of every page (its links, its images, the characters of its formulas):
 * `scan` finds it in one page (JSON-serialisable, a function of the page alone), `add` takes it in.
 */
export interface PageScan<T> {
  name: string;
  scan(path: string, html: string): T;
  add(path: string, found: T): void;
}

/** Anything else that looks at each page (the search index wants digests, and the HTML of changed pages). */
export type PageVisitor = (page: BuiltPage) => void;

/** What the scans found on each page at the last build, with the page's digest and file identity. */
export type Findings = Record<string, { digest: string; file?: string; found: Record<string, unknown> }>;

/** Pages read between two turns of the event loop, which other work (Pagefind's runs) then gets. */
const PAGES_PER_TURN = 16;

/**
 * Reads each page once and hands it to every scan and visitor. At 2,000 notes the pages weigh about 200 MB, and
 * a rebuild after one edit changes a handful: what a scan found on a page is kept in `findingsFile` with the
 * page's digest and reused while the page is unchanged. A page that is the very file the last build read
 * (src/pipeline/file-identity.ts) is not read again unless a visitor asks for its HTML. It yields to the event
 * loop every few pages, so that work started beside it goes on.
 */
export async function visitPages(
  dir: string,
  pages: readonly string[],
  {
    scans = [],
    visitors = [],
    findingsFile,
    remembered = findingsFile ? rememberedFindings(findingsFile) : {},
  }: {
    scans?: ReadonlyArray<PageScan<unknown>>;
    visitors?: readonly PageVisitor[];
    /** Where the findings are remembered for the next build. */
    findingsFile?: string;
    /** The findings of the last build, if already read from `findingsFile` (scripts/build.ts reads them early). */
    remembered?: Findings;
  },
): Promise<void> {
  const findings: Findings = {};
  for (const [i, path] of pages.entries()) {
    if (i % PAGES_PER_TURN === PAGES_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    // A page restored by Astro is a hard link to its cached copy (src/pipeline/render/restore-by-link.ts): the very
    // file the last build read. A page rendered again is a new file.
    const file = settledIdentity(join(dir, path));
    const before = remembered[path];
    // The same file as last time: its digest and findings are known, and it is read only if a visitor asks.
    const same = file !== undefined && before?.file === file && before.digest !== undefined;
    let bytes: Buffer | undefined;
    const read = () => (bytes ??= readFileSync(join(dir, path)));
    const digest = same ? before.digest : createHash('sha1').update(read()).digest('hex');
    let html: string | undefined;
    const page: BuiltPage = { path, digest, html: () => (html ??= read().toString('utf8')) };
    const known = before?.digest === digest ? before.found : {};
    const found: Record<string, unknown> = {};
    for (const { name, scan, add } of scans) {
      found[name] = name in known ? known[name] : detached(scan(path, page.html()));
      add(path, found[name]);
    }
    findings[path] = { digest, ...(file === undefined ? {} : { file }), found };
    for (const visit of visitors) visit(page);
  }
  if (findingsFile) {
    mkdirSync(dirname(findingsFile), { recursive: true });
    writeFileSync(findingsFile, JSON.stringify(findings));
  }
}

/**
 * A copy of what a scan found that shares no memory with the page. A string a scan cuts from the HTML (a link, an
 * id) is, to V8, a slice that keeps the whole page alive: kept for every page, the findings of 10,000 notes held
 * 1.8 GB of their HTML (the build's peak then); copied, 0.1 GB.
 */
function detached(found: unknown): unknown {
  return found === undefined ? found : JSON.parse(JSON.stringify(found));
}

/** The findings the last build remembered in `file`; none if there are none or the file is damaged. */
export function rememberedFindings(file: string): Findings {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Findings) : {};
  } catch {
    return {}; // a damaged file only costs a full scan
  }
}
