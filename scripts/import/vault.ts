// A folder of notes kept in Obsidian or Typora → notes. The conversion is `src/lib/import/vault.ts`; this file
// finds the notes and attachments of the folder (Obsidian links by file name, wherever the file is), gives every
// note its slug before any is converted (so `[[links]]` resolve whatever their order), and dates each note by its
// last commit, else its modification time.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import GithubSlugger from 'github-slugger';
import { noteUrl } from '../../src/lib/content/slug.ts';
import { ImportError } from '../../src/lib/import/problems.ts';
import { importVaultNote } from '../../src/lib/import/vault.ts';
import { slugify } from '../../src/lib/text/slugify.ts';
import { ImageCopies } from './image-copies.ts';
import type { ImportSession } from './session.ts';
import { checkedAttachment, isSymbolicLink, POST_EXTENSIONS, type ImageLookup } from './site-files.ts';

/** Obsidian's settings, trash and the usual tool folders: not notes. */
const NOT_NOTES = new Set(['.obsidian', '.trash', '.git', 'node_modules', '.typora']);

/** The folder a note belongs to: the nearest one, from the note up, holding `.obsidian/`; else the input folder. */
export function vaultRootOf(input: string): string {
  const start = resolve(input);
  const folder = existsSync(start) && statSync(start).isDirectory() ? start : dirname(start);
  for (let at = folder; ; at = dirname(at)) {
    if (existsSync(join(at, '.obsidian'))) return at;
    if (dirname(at) === at) return folder;
  }
}

/** Every file below `root`, without hidden folders and links (a link could lead out of the vault). */
function filesIn(root: string): string[] {
  return readdirSync(root)
    .filter((name) => !NOT_NOTES.has(name) && !name.startsWith('.'))
    .sort()
    .flatMap((name) => {
      const path = join(root, name);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) return [];
      return stat.isDirectory() ? filesIn(path) : [path];
    });
}

/** `YYYY-MM-DD` of the file's last commit, else of its modification time. */
function fileDate(path: string): string {
  const git = spawnSync('git', ['log', '-1', '--format=%cs', '--', basename(path)], {
    cwd: dirname(path),
    encoding: 'utf8',
  });
  const committed = git.status === 0 ? git.stdout.trim() : '';
  return /^\d{4}-\d{2}-\d{2}$/.test(committed) ? committed : statSync(path).mtime.toISOString().slice(0, 10);
}

/** Lookups by what Obsidian links with: the file name without extension, or the path inside the vault. */
function byName(root: string, files: readonly string[], dropExtension: boolean): Map<string, string> {
  const map = new Map<string, string>();
  for (const file of files) {
    const inside = relative(root, file).split(sep).join('/');
    const strip = (name: string) => (dropExtension ? name.replace(/\.[^./]+$/, '') : name).toLowerCase();
    map.set(strip(inside), file);
    if (!map.has(strip(basename(file)))) map.set(strip(basename(file)), file);
  }
  return map;
}

export function importVault(inputs: readonly string[], session: ImportSession): void {
  const { lang } = session.options;
  for (const input of inputs) {
    const root = vaultRootOf(input);
    const all = filesIn(root);
    const notes = all.filter((file) => POST_EXTENSIONS.has(extname(file).toLowerCase()));
    const chosen = statSync(input).isDirectory()
      ? notes.filter((file) => file.startsWith(resolve(input) + sep) || resolve(input) === root)
      : [resolve(input)];
    const noteFiles = byName(root, notes, true);
    const attachments = byName(root, all, false);

    const slugs = new Map<string, string>();
    // A slug the site or this import already has gets a number, unless --force asks to overwrite the site's note.
    const taken = new Set(session.options.force ? [] : session.existingSlugs);
    const renamed = new Map<string, string>();
    for (const file of notes) {
      const stem = basename(file, extname(file));
      let slug = slugify(stem);
      for (let n = 2; slug && taken.has(slug) && chosen.includes(file); n++) slug = slugify(`${stem}-${n}`);
      if (slug && chosen.includes(file)) taken.add(slug);
      if (slug && slug !== slugify(stem))
        renamed.set(file, `the slug "${slugify(stem)}" is taken: imported as "${slug}"`);
      if (slug) slugs.set(file, slug);
    }
    const imported = new Set(
      [...chosen.flatMap((file) => slugs.get(file) ?? []), ...session.existingSlugs].map((slug) => noteUrl(lang, slug)),
    );
    const noteSlug = (name: string) => {
      const key = name.replace(/\.md$/i, '').toLowerCase();
      const file = noteFiles.get(key) ?? noteFiles.get(key.replace(/^.*\//, ''));
      if (file && chosen.includes(file)) return slugs.get(file);
      const slug = slugify(name.replace(/^.*\//, ''));
      return slug && session.existingSlugs.has(slug) ? slug : undefined;
    };

    for (const file of chosen) {
      const slug = slugs.get(file);
      if (!slug) {
        session.fail(file, 'the file name gives no slug: rename the file');
        continue;
      }
      const target = session.target(file, slug);
      if (!target) continue;
      const images = new ImageCopies(slug);
      const lookup = (path: string | undefined): ImageLookup => (path ? checkedAttachment(root, path) : undefined);
      const folderTag = relative(root, dirname(file)).split(sep)[0];
      try {
        const note = importVaultNote(readFileSync(file, 'utf8'), {
          lang,
          fileName: basename(file),
          fileDate: fileDate(file),
          registry: session.registry,
          extraTags: session.options.extraTags,
          fallbackTags: folderTag ? [folderTag] : [],
          noteSlug,
          noteUrl: (s) => noteUrl(lang, s),
          attachment: (name) =>
            images.urlFor(
              name,
              lookup(attachments.get(name.toLowerCase()) ?? attachments.get(basename(name).toLowerCase())),
            ),
          resolveImage: (src) => {
            const candidate = resolve(dirname(file), safeDecode(src));
            return images.urlFor(
              src,
              existsSync(candidate) || isSymbolicLink(candidate) ? lookup(candidate) : undefined,
            );
          },
          links: {
            resolveLink: (url) => {
              // The note URLs the [[links]] became, and Markdown links to another note's file (`other.md#part`).
              if (imported.has(url.replace(/#.*$/, ''))) return { url };
              const [path = '', fragment] = url.split('#');
              const slugOf = /\.md$/i.test(path) ? noteSlug(safeDecode(path)) : undefined;
              // The note keeps its headings, so a heading's id is the site's slug of its text.
              const anchor = fragment ? `#${new GithubSlugger().slug(safeDecode(fragment))}` : '';
              return slugOf ? { url: `${noteUrl(lang, slugOf)}${anchor}` } : undefined;
            },
            citationKeys: session.citationKeys,
          },
        });
        session.write(file, target, { ...note, notes: [renamed.get(file)] }, images);
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        session.fail(file, error);
      }
    }
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
