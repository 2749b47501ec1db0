// `npm run import -- <file or folder>… [--lang zh|en] [--force] [--tags a,b] [--slug s]`: converts Jekyll
// posts (kramdown, as in the seed document) into notes. The conversion itself is `src/lib/import/jekyll.ts`;
// this file does the file work: finding posts, images and the tag registry, and writing the results.
// It prints one line per post: created, skipped (why) or failed (why), and exits 1 when one failed.
// --notes-dir, --public-dir and --tags-file point it elsewhere (the tests use them).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import katex from 'katex';
import {
  formatProblem,
  ImportError,
  importJekyllPost,
  languageTable,
  type LanguageTable,
  type MathCheck,
} from '../src/lib/import/jekyll.ts';
import { isLang } from '../src/lib/content/lang.ts';
import { slugProblem } from '../src/lib/content/slug.ts';
import { slugFromFileName, slugify } from '../src/lib/text/slugify.ts';
import { tagRegistry } from '../src/lib/content/tags.ts';
import { addTagsToRegistryText } from '../src/lib/content/tags-file.ts';

const USAGE = `Usage: npm run import -- <file or folder>… [--lang zh|en] [--force] [--tags a,b] [--slug s]
  <file or folder>  Jekyll posts (.md, .markdown); folders are searched recursively
  --lang            language of the posts: zh (default) or en
  --force           overwrite a note that already exists
  --tags            tags added to every imported note (ids or labels; new ones are added to the registry)
  --slug            the slug, instead of the one made from the file name (one post only)`;

const POST_EXTENSIONS = new Set(['.md', '.markdown', '.mkd', '.mkdn', '.mdown']);
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif']);

function usageError(message: string): never {
  console.error(`✗ ${message}\n${USAGE}`);
  process.exit(2);
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      lang: { type: 'string', default: 'zh' },
      force: { type: 'boolean', default: false },
      tags: { type: 'string' },
      slug: { type: 'string' },
      'notes-dir': { type: 'string', default: 'content/notes' },
      'public-dir': { type: 'string', default: 'public' },
      'tags-file': { type: 'string', default: 'content/tags.json' },
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
if (positionals.length === 0) usageError('give at least one Jekyll post or folder');
if (values.slug !== undefined) {
  const problem = slugProblem(values.slug);
  if (problem) usageError(`invalid --slug "${values.slug}": ${problem}`);
}
/** A path as short as it is clear: relative inside the project, absolute outside it. */
function show(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? resolve(path) : rel;
}

/** Shiki's languages, from the copy Astro highlights with (so the ids are the ones the build knows). */
async function shikiLanguages(): Promise<LanguageTable> {
  const fromAstro = createRequire(createRequire(import.meta.url).resolve('astro/package.json'));
  const shiki = (await import(pathToFileURL(fromAstro.resolve('shiki')).href)) as {
    bundledLanguagesInfo: Array<{ id: string; aliases?: string[] }>;
  };
  return languageTable(shiki.bundledLanguagesInfo);
}

/** A formula is kept only if KaTeX renders it with the options of the site's build (strict). */
const checkMath: MathCheck = (tex, display) => {
  try {
    katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'error' });
    return true;
  } catch {
    return false;
  }
};

function postsIn(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !name.startsWith('.') && name !== 'node_modules')
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      return statSync(child).isDirectory()
        ? postsIn(child)
        : POST_EXTENSIONS.has(extname(name).toLowerCase())
          ? [child]
          : [];
    });
}

/** The root of the Jekyll site a post belongs to: the folder holding `_posts`, else the post's folder. */
function siteRoot(post: string): string {
  const parts = resolve(post).split(sep);
  const at = parts.lastIndexOf('_posts');
  return at > 0 ? parts.slice(0, at).join(sep) || sep : dirname(resolve(post));
}

/**
 * Where a post's image is on disk. Jekyll resolves a relative link against the page URL, which is not
 * the post's folder, so both the post's folder and the site root are tried (`../img/a.png` → `img/a.png`).
 */
function findImage(post: string, src: string): string | undefined {
  let path: string;
  try {
    path = decodeURI(src.replace(/[?#].*$/, ''));
  } catch {
    path = src;
  }
  const root = siteRoot(post);
  const candidates = path.startsWith('/')
    ? [join(root, path)]
    : [resolve(dirname(post), path), join(root, path.replace(/^(?:\.\.?\/)+/, ''))];
  return candidates.find(
    (c) => existsSync(c) && statSync(c).isFile() && IMAGE_EXTENSIONS.has(extname(c).toLowerCase()),
  );
}

const notesDir = values['notes-dir'];
const publicDir = values['public-dir'];
const tagsFile = values['tags-file'];
let registryText = readFileSync(tagsFile, 'utf8');
const extraTags = values.tags
  ?.split(',')
  .map((t) => t.trim())
  .filter((t) => t !== '');
const languages = await shikiLanguages();

const inputs: string[] = [];
const lines: string[] = [];
let failed = 0;
for (const input of positionals) {
  if (!existsSync(input)) {
    lines.push(`failed  ${input}: no such file or folder`);
    failed++;
    continue;
  }
  const posts = postsIn(input);
  if (posts.length === 0) lines.push(`skipped ${input}: no Markdown posts (${[...POST_EXTENSIONS].join(', ')}) in it`);
  inputs.push(...posts);
}
if (values.slug !== undefined && inputs.length > 1)
  usageError(`--slug names one note, but ${inputs.length} posts were given`);

const claimed = new Map<string, string>();
const allNewTags: string[] = [];
let created = 0;
let skipped = 0;
for (const post of inputs) {
  const name = show(post);
  if (!POST_EXTENSIONS.has(extname(post).toLowerCase())) {
    lines.push(`failed  ${name}: not a Markdown post (${[...POST_EXTENSIONS].join(', ')})`);
    failed++;
    continue;
  }
  const slug = values.slug ?? slugFromFileName(post);
  if (!slug) {
    lines.push(`failed  ${name}: the file name gives no slug; rename the file or pass --slug`);
    failed++;
    continue;
  }
  const target = join(notesDir, lang, `${slug}.md`);
  const other = join(notesDir, lang, `${slug}.mdx`);
  if (claimed.has(slug)) {
    lines.push(
      `skipped ${name}: same slug "${slug}" as ${claimed.get(slug)} in this import; pass --slug to import it alone`,
    );
    skipped++;
    continue;
  }
  if (existsSync(other)) {
    lines.push(`skipped ${name}: ${show(other)} exists (an MDX note with the same slug; remove it first)`);
    skipped++;
    continue;
  }
  if (existsSync(target) && !values.force) {
    lines.push(`skipped ${name}: ${show(target)} exists (pass --force to overwrite it)`);
    skipped++;
    continue;
  }

  // Images are copied only once the post has converted; names are made safe and unique per note.
  const copies = new Map<string, string>();
  const resolveImage = (src: string): string | undefined => {
    const found = findImage(post, src);
    if (!found) return undefined;
    const ext = extname(found).toLowerCase();
    const stem = slugify(basename(found, extname(found))) ?? 'image';
    let file = `${stem}${ext}`;
    for (let n = 2; [...copies.values()].includes(file) && copies.get(found) !== file; n++) file = `${stem}-${n}${ext}`;
    copies.set(found, file);
    return `/images/${slug}/${file}`;
  };

  let note: ReturnType<typeof importJekyllPost>;
  try {
    note = importJekyllPost(readFileSync(post, 'utf8'), {
      fileName: basename(post),
      lang,
      languages,
      registry: tagRegistry(JSON.parse(registryText) as Record<string, unknown>),
      extraTags,
      resolveImage,
      checkMath,
    });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    lines.push(`failed  ${formatProblem(name, error)}`);
    failed++;
    continue;
  }

  for (const [from, file] of copies) {
    mkdirSync(join(publicDir, 'images', slug), { recursive: true });
    copyFileSync(from, join(publicDir, 'images', slug, file));
  }
  mkdirSync(dirname(target), { recursive: true });
  const overwrote = existsSync(target);
  writeFileSync(target, note.text);
  claimed.set(slug, name);
  if (note.newTags.length > 0) {
    registryText = addTagsToRegistryText(registryText, note.newTags);
    allNewTags.push(...note.newTags);
  }
  created++;

  const details = [
    note.descriptionFrom === 'subtitle' ? '' : `description from the ${note.descriptionFrom}`,
    note.newTags.length > 0
      ? `new tag${note.newTags.length > 1 ? 's' : ''} added to ${show(tagsFile)}: ${note.newTags.join(', ')}`
      : '',
    copies.size > 0
      ? `${copies.size} image${copies.size > 1 ? 's' : ''} copied to ${show(join(publicDir, 'images', slug))}`
      : '',
    note.missingImages.length > 0
      ? `image${note.missingImages.length > 1 ? 's' : ''} not found: ${note.missingImages.join(', ')}`
      : '',
    note.escapedDollars > 0
      ? `${note.escapedDollars} non-math dollar sign${note.escapedDollars > 1 ? 's' : ''} escaped as \\$`
      : '',
    ...note.warnings.map((warning) => (warning.line === undefined ? warning.message : formatProblem(name, warning))),
  ].filter((d) => d !== '');
  lines.push(
    `created ${show(target)}${overwrote ? ' (overwritten)' : ''} ← ${name}${details.length > 0 ? ` (${details.join('; ')})` : ''}`,
  );
}

if (allNewTags.length > 0) writeFileSync(tagsFile, registryText);
for (const line of lines) console.log(line);
console.log(
  `${created} created, ${skipped} skipped, ${failed} failed` +
    (allNewTags.length > 0 ? `; give the new tags real labels in ${show(tagsFile)}: ${allNewTags.join(', ')}` : ''),
);
if (failed > 0) process.exit(1);
