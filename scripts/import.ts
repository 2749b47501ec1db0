// `npm run import -- <Jekyll site | _posts folder | notes folder | file>… [--lang zh|en] [--from jekyll|notes]`:
// brings notes written elsewhere into content/notes/<lang>/. A Jekyll site or posts (`scripts/import/jekyll.ts`),
// or a folder of notes kept in Obsidian or Typora (`scripts/import/vault.ts`): which one is seen from the folder
// (`_config.yml` or `_posts/`, `.obsidian/`, dated post names), or named with --from. It prints one record per
// file (created, with a line for each change it made; skipped and why; failed and why) and exits 1 when one failed.
// --notes-dir, --public-dir, --tags-file and --bibliography point it elsewhere (the tests use them).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { isLang } from '../src/lib/content/lang.ts';
import { slugProblem } from '../src/lib/content/slug.ts';
import { parseJekyllPost } from '../src/lib/import/front-matter.ts';
import { importJekyll } from './import/jekyll.ts';
import { ImportSession } from './import/session.ts';
import { POST_EXTENSIONS, postsIn, siteRootOf } from './import/site-files.ts';
import { importVault, vaultRootOf } from './import/vault.ts';

const USAGE = `Usage: npm run import -- <folder | file>… [--lang zh|en] [--from jekyll|notes] [--force] [--tags a,b] [--slug s]
  <folder | file>   a Jekyll site (the folder with _posts/ or _config.yml: its _posts/ are imported), Jekyll posts,
                    or a folder of notes kept in Obsidian or Typora (Markdown with [[links]], ![[images]], #tags)
  --lang            language of the notes: zh (default) or en
  --from            jekyll or notes, when the folder does not tell
  --force           overwrite a note that already exists
  --tags            tags added to every imported note (ids or labels; new ones are added to the registry)
  --slug            the slug, instead of the one made from the file name (one Jekyll post only)`;

function usageError(message: string): never {
  console.error(`✗ ${message}\n${USAGE}`);
  process.exit(2);
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      lang: { type: 'string', default: 'zh' },
      from: { type: 'string' },
      force: { type: 'boolean', default: false },
      tags: { type: 'string' },
      slug: { type: 'string' },
      'notes-dir': { type: 'string', default: 'content/notes' },
      'public-dir': { type: 'string', default: 'public' },
      'tags-file': { type: 'string', default: 'content/tags.json' },
      bibliography: { type: 'string', default: 'content/references.bib' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
let parsed: ReturnType<typeof parse>;
try {
  parsed = parse();
} catch (error) {
  usageError((error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const lang = values.lang;
if (!isLang(lang)) usageError(`--lang must be zh or en, not "${lang}"`);
if (values.from !== undefined && values.from !== 'jekyll' && values.from !== 'notes')
  usageError(`--from must be jekyll or notes, not "${values.from}"`);
if (positionals.length === 0) usageError('give at least one folder or file');
if (values.slug !== undefined) {
  const problem = slugProblem(values.slug);
  if (problem) usageError(`invalid --slug "${values.slug}": ${problem}`);
}

/** Whether a file opens with the front matter of a post (`layout:` or `title:`), or one too broken to read. */
function hasPostFrontMatter(file: string): boolean {
  try {
    const { frontMatter } = parseJekyllPost(readFileSync(file, 'utf8'));
    return 'layout' in frontMatter || 'title' in frontMatter;
  } catch {
    return true; // the Jekyll importer reports it with its line
  }
}

/**
 * A Jekyll input: inside a Jekyll site, posts named by date (`2017-09-22-title.md`), or files with a post's front
 * matter. Never an Obsidian vault; a folder of Markdown without front matter is a notes folder (Typora).
 */
function isJekyll(input: string, files: readonly string[]): boolean {
  if (existsSync(join(vaultRootOf(input), '.obsidian'))) return false;
  if (siteRootOf(input) !== undefined) return true;
  return files.some((file) => /^\d{4}-\d{2}-\d{2}-./.test(basename(file)) || hasPostFrontMatter(file));
}

const session = new ImportSession({
  lang,
  notesDir: values['notes-dir'],
  publicDir: values['public-dir'],
  tagsFile: values['tags-file'],
  bibliography: values.bibliography,
  force: values.force,
  slug: values.slug,
  extraTags: values.tags
    ?.split(',')
    .map((t) => t.trim())
    .filter((t) => t !== ''),
});
const posts: string[] = [];
const vaults: string[] = [];
for (const input of positionals) {
  if (!existsSync(input)) {
    session.fail(input, 'no such file or folder');
    continue;
  }
  const files = postsIn(input);
  if (statSync(input).isFile() && !POST_EXTENSIONS.has(input.slice(input.lastIndexOf('.')).toLowerCase())) {
    session.fail(input, `not a Markdown file (${[...POST_EXTENSIONS].join(', ')})`);
    continue;
  }
  if (files.length === 0) {
    session.skip(input, `no Markdown files (${[...POST_EXTENSIONS].join(', ')}) in it`);
    continue;
  }
  if ((values.from ?? (isJekyll(input, files) ? 'jekyll' : 'notes')) === 'jekyll') posts.push(...files);
  else vaults.push(input);
}
if (values.slug !== undefined && (posts.length > 1 || vaults.length > 0))
  usageError(`--slug names one Jekyll post, but ${posts.length + vaults.length} inputs were given`);

await importJekyll(posts, session);
importVault(vaults, session);
process.exit(session.finish());
