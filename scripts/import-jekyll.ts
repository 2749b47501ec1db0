// `npm run import -- <file or folder>… [--lang zh|en] [--force] [--tags a,b] [--slug s]`: converts Jekyll
// posts (kramdown, as in the seed document) into notes. The conversion itself is `src/lib/import/jekyll.ts`;
// this file does the file work: finding posts, images and the tag registry, and writing the results.
// It prints one line per post: created (with an indented line for each change it made), skipped (why) or failed
// (why), and exits 1 when one failed.
// --notes-dir, --public-dir and --tags-file point it elsewhere (the tests use them).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
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
import { parseJekyllPost, jekyllCategories, jekyllDate } from '../src/lib/import/front-matter.ts';
import { postPermalink } from '../src/lib/import/permalinks.ts';
import { PostIndex, type IndexedPost } from '../src/lib/import/post-index.ts';
import { parseBibtex } from '../src/lib/content/bibtex.ts';
import { isLang } from '../src/lib/content/lang.ts';
import { slugProblem } from '../src/lib/content/slug.ts';
import { dateFromFileName, slugFromFileName, slugify } from '../src/lib/text/slugify.ts';
import { tagRegistry } from '../src/lib/content/tags.ts';
import { addTagsToRegistryText } from '../src/lib/content/tags-file.ts';
import {
  findImage,
  POST_EXTENSIONS,
  postsIn,
  readSiteConfig,
  siteRootOf,
  type SiteConfig,
} from './import/site-files.ts';

const USAGE = `Usage: npm run import -- <site folder | _posts folder | file>… [--lang zh|en] [--force] [--tags a,b] [--slug s]
  <site folder>     a Jekyll site (the folder with _posts/ or _config.yml): its _posts/ are imported
  <folder | file>   Jekyll posts (.md, .markdown); folders are searched recursively
  --lang            language of the posts: zh (default) or en
  --force           overwrite a note that already exists
  --tags            tags added to every imported note (ids or labels; new ones are added to the registry)
  --slug            the slug, instead of the one made from the file name (one post only)`;

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

const existingSlugs = new Set(
  existsSync(join(notesDir, lang)) ? readdirSync(join(notesDir, lang)).map((f) => f.replace(/\.mdx?$/, '')) : [],
);
const citationKeys = new Set(
  existsSync(values.bibliography)
    ? parseBibtex(readFileSync(values.bibliography, 'utf8'), values.bibliography).map((e) => e.key)
    : [],
);

// First pass: every post's slug and the URLs it was published at, so that links between the posts of this
// import resolve whatever their order. Two posts with one slug: the later one takes its date as a suffix.
interface PlannedPost {
  path: string;
  root: string;
  config: SiteConfig;
  slug: string | undefined;
  renamedFrom?: string;
}
const configs = new Map<string, SiteConfig>();
const claimed = new Map<string, string>();
const planned: PlannedPost[] = [];
const indexed: IndexedPost[] = [];
for (const post of inputs) {
  const root = siteRootOf(post) ?? dirname(resolve(post));
  const config = configs.get(root) ?? readSiteConfig(root);
  configs.set(root, config);
  let slug: string | undefined = values.slug ?? slugFromFileName(post);
  let frontMatter: Record<string, unknown> = {};
  try {
    frontMatter = parseJekyllPost(readFileSync(post, 'utf8')).frontMatter;
  } catch {
    // Reported when the post is converted.
  }
  const date = jekyllDate(frontMatter.date) ?? dateFromFileName(post) ?? '';
  let renamedFrom: string | undefined;
  if (slug && claimed.has(slug)) {
    renamedFrom = slug;
    slug = slugify(`${slug}-${date}`);
    if (slug && claimed.has(slug)) slug = undefined;
  }
  if (slug) claimed.set(slug, show(post));
  planned.push({ path: post, root, config, slug, ...(renamedFrom ? { renamedFrom } : {}) });
  if (!slug) continue;
  const identity = {
    date: typeof frontMatter.date === 'string' ? frontMatter.date : date,
    fileTitle: basename(post, extname(post)).replace(/^\d{4}-\d{2}-\d{2}-/, ''),
    slug: typeof frontMatter.slug === 'string' ? frontMatter.slug : undefined,
    categories: jekyllCategories(frontMatter),
  };
  const own = typeof frontMatter.permalink === 'string' ? [frontMatter.permalink] : [];
  indexed.push({ fileName: basename(post), slug, urls: [...own, postPermalink(config.permalink, identity)] });
}
const indexes = new Map<string, PostIndex>();
const indexOf = (root: string, config: SiteConfig) => {
  let index = indexes.get(root);
  if (!index) {
    index = new PostIndex(indexed, { lang, baseurl: config.baseurl, siteUrl: config.url, existingSlugs });
    indexes.set(root, index);
  }
  return index;
};

const allNewTags: string[] = [];
let created = 0;
let skipped = 0;
for (const { path: post, root, config, slug, renamedFrom } of planned) {
  const name = show(post);
  if (!POST_EXTENSIONS.has(extname(post).toLowerCase())) {
    lines.push(`failed  ${name}: not a Markdown post (${[...POST_EXTENSIONS].join(', ')})`);
    failed++;
    continue;
  }
  if (!slug) {
    lines.push(
      renamedFrom
        ? `skipped ${name}: slug "${renamedFrom}" is taken twice in this import; pass --slug to import it alone`
        : `failed  ${name}: the file name gives no slug; rename the file or pass --slug`,
    );
    if (renamedFrom) skipped++;
    else failed++;
    continue;
  }
  const target = join(notesDir, lang, `${slug}.md`);
  const other = join(notesDir, lang, `${slug}.mdx`);
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
  const refusedImages: string[] = [];
  const resolveImage = (src: string): string | undefined => {
    const found = findImage(post, root, src);
    if (found && 'refused' in found) refusedImages.push(`${src}: ${found.refused}`);
    if (!found || !('file' in found)) return undefined;
    const ext = extname(found.file).toLowerCase();
    const stem = slugify(basename(found.file, extname(found.file))) ?? 'image';
    let file = `${stem}${ext}`;
    for (let n = 2; [...copies.values()].includes(file) && copies.get(found.file) !== file; n++)
      file = `${stem}-${n}${ext}`;
    copies.set(found.file, file);
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
      links: { resolveLink: (url) => indexOf(root, config).resolve(url), citationKeys },
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
  if (note.newTags.length > 0) {
    registryText = addTagsToRegistryText(registryText, note.newTags);
    allNewTags.push(...note.newTags);
  }
  created++;

  const refused = new Set(refusedImages.map((r) => r.slice(0, r.indexOf(': '))));
  const notFound = note.missingImages.filter((src) => !refused.has(src));
  const details = [
    renamedFrom ? `slug "${renamedFrom}" is taken by another post of this import: imported as "${slug}"` : '',
    note.descriptionFrom === 'subtitle' ? '' : `description from the ${note.descriptionFrom}`,
    note.newTags.length > 0
      ? `new tag${note.newTags.length > 1 ? 's' : ''} added to ${show(tagsFile)}: ${note.newTags.join(', ')}`
      : '',
    copies.size > 0
      ? `${copies.size} image${copies.size > 1 ? 's' : ''} copied to ${show(join(publicDir, 'images', slug))}`
      : '',
    notFound.length > 0
      ? `image${notFound.length > 1 ? 's' : ''} not found (alt text kept): ${notFound.join(', ')}`
      : '',
    ...refusedImages.map((r) => `image ${r}`),
    note.escapedDollars > 0
      ? `${note.escapedDollars} non-math dollar sign${note.escapedDollars > 1 ? 's' : ''} escaped as \\$`
      : '',
    ...note.warnings.map((warning) => (warning.line === undefined ? warning.message : formatProblem(name, warning))),
  ].filter((d) => d !== '');
  // One line for the note, then one indented line for each thing the import changed or could not do.
  lines.push(
    [`created ${show(target)}${overwrote ? ' (overwritten)' : ''} ← ${name}`, ...details.map((d) => `    ${d}`)].join(
      '\n',
    ),
  );
}

if (allNewTags.length > 0) writeFileSync(tagsFile, registryText);
for (const line of lines) console.log(line);
console.log(
  `${created} created, ${skipped} skipped, ${failed} failed` +
    (allNewTags.length > 0 ? `; give the new tags real labels in ${show(tagsFile)}: ${allNewTags.join(', ')}` : ''),
);
if (failed > 0) process.exit(1);
