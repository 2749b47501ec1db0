// The file work of an import that must not be fooled: what a post names is looked up inside its site's root
// only. A path that climbs out (`../../x`, `/../../x`), a symlink, or an SVG that fails the safety check is
// refused with the reason, and never copied.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { svgProblems } from '../../src/lib/content/svg-safety.ts';

export const POST_EXTENSIONS = new Set(['.md', '.markdown', '.mkd', '.mkdn', '.mdown']);
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif']);
/** Folders of a Jekyll site that hold no posts of its own: the build output, dependencies, drafts. */
const NOT_POSTS = new Set(['_site', 'node_modules', 'vendor', '_drafts', '.git', '.jekyll-cache']);

/** The folder a Jekyll site lives in: the nearest one, from `path` up, holding `_posts/` or `_config.yml`. */
export function siteRootOf(path: string): string | undefined {
  let folder = resolve(path);
  if (existsSync(folder) && !statSync(folder).isDirectory()) folder = dirname(folder);
  for (;;) {
    if (existsSync(join(folder, '_config.yml')) || existsSync(join(folder, '_posts'))) return folder;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

export interface SiteConfig {
  url?: string | undefined;
  baseurl?: string | undefined;
  permalink: string;
}

/** The keys of `_config.yml` an import needs; Jekyll's defaults when the file or a key is missing. */
export function readSiteConfig(root: string): SiteConfig {
  const file = join(root, '_config.yml');
  let data: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      const parsed: unknown = parseYaml(readFileSync(file, 'utf8'), { schema: 'core', maxAliasCount: 100 });
      if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
    } catch {
      // A broken _config.yml only costs the permalink and the original site's URL.
    }
  }
  const text = (key: string) => (typeof data[key] === 'string' ? data[key].trim() : undefined);
  return { url: text('url') || undefined, baseurl: text('baseurl'), permalink: text('permalink') ?? 'date' };
}

/**
 * The posts an input names: a site folder → its `_posts/`; any other folder → its Markdown files, recursively
 * (without a Jekyll site's build output and dependencies); a file → itself.
 */
export function postsIn(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const posts = join(path, '_posts');
  if (siteRootOf(path) === resolve(path) && existsSync(posts)) return postsIn(posts);
  return readdirSync(path)
    .filter((name) => !name.startsWith('.') && !NOT_POSTS.has(name))
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      if (lstatSync(child).isSymbolicLink()) return [];
      if (statSync(child).isDirectory()) return postsIn(child);
      return POST_EXTENSIONS.has(extname(name).toLowerCase()) ? [child] : [];
    });
}

/** Why `path` may not be read for a site rooted at `root`; `undefined` when it may. */
function refusal(root: string, path: string): string | undefined {
  const inside = (p: string, r: string) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep);
  if (!inside(resolve(path), resolve(root))) return 'outside the site folder: not copied';
  if (lstatSync(path).isSymbolicLink()) return 'a symbolic link: not copied';
  if (!inside(realpathSync(path), realpathSync(root))) return 'reached through a symbolic link: not copied';
  return undefined;
}

export type ImageLookup = { file: string } | { refused: string } | undefined;

/**
 * Where a post's image is on disk. Jekyll resolves a relative link against the page URL, which is not the post's
 * folder, so both the post's folder and the site root are tried (`../img/a.png` → `img/a.png`).
 */
export function findImage(post: string, root: string, src: string): ImageLookup {
  let path: string;
  try {
    path = decodeURI(src.replace(/[?#].*$/, ''));
  } catch {
    path = src;
  }
  const candidates = path.startsWith('/')
    ? [join(root, path)]
    : [resolve(dirname(post), path), join(root, path.replace(/^(?:\.\.?\/)+/, ''))];
  let refused: string | undefined;
  for (const candidate of candidates) {
    if (!existsSync(candidate) && !isSymbolicLink(candidate)) continue;
    const why = refusal(root, candidate);
    if (why) {
      refused ??= why;
      continue;
    }
    if (!statSync(candidate).isFile() || !IMAGE_EXTENSIONS.has(extname(candidate).toLowerCase())) continue;
    const unsafe = unsafeSvg(root, candidate);
    if (unsafe) return { refused: unsafe };
    return { file: candidate };
  }
  return refused ? { refused } : undefined;
}

/** Why an SVG may not be served from the site's origin (script, handlers, external references); else `undefined`. */
function unsafeSvg(root: string, file: string): string | undefined {
  if (extname(file).toLowerCase() !== '.svg') return undefined;
  const problems = svgProblems(readFileSync(file, 'utf8'));
  if (problems.length === 0) return undefined;
  const where = relative(root, file);
  return `unsafe SVG, not copied: ${problems.map((p) => `${where}:${p.line} ${p.message}`).join('; ')}`;
}

/** An attachment found by name in a notes folder: the same checks as a Jekyll image. */
export function checkedAttachment(root: string, file: string): ImageLookup {
  const why = refusal(root, file) ?? unsafeSvg(root, file);
  return why ? { refused: why } : { file };
}

/** Whether `path` is a symbolic link (one whose target is missing included). */
export function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
