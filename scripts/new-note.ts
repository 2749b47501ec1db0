// `npm run new -- <slug> [--lang zh|en] [--title "…"] [--tags a,b] [--draft]`: creates
// content/notes/<lang>/<slug>.md from the template, with valid frontmatter and today's date.
// Refuses an invalid slug or one that is taken, saying why. A slug whose note exists in the other
// language makes a translation: its tags are taken from that note unless --tags is given.
// --notes-dir and --tags-file point it elsewhere (the tests use them).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkFrontmatter, extractFrontmatter, formatProblems } from '../src/lib/content/frontmatter-check.ts';
import { mapTags } from '../src/lib/import/tag-mapping.ts';
import { isLang, otherLang, type Lang } from '../src/lib/content/lang.ts';
import { nearest } from '../src/lib/text/nearest.ts';
import { DESCRIPTION_PLACEHOLDER, isoDate, noteTemplate } from '../src/lib/content/note-template.ts';
import { slugProblem } from '../src/lib/content/slug.ts';
import { slugify } from '../src/lib/text/slugify.ts';
import { tagRegistry } from '../src/lib/content/tags.ts';
import { parse as parseYaml } from 'yaml';

const USAGE = `Usage: npm run new -- <slug> [--lang zh|en] [--title "…"] [--tags a,b] [--draft]
  <slug>       the file name and URL: lowercase a-z, 0-9, Chinese characters, single hyphens
  --lang       zh (default) or en; a slug that exists in the other language makes its translation
  --title      the title (default: made from the slug)
  --tags       tag ids or labels from content/tags.json (default: the translation's tags, else deep-learning)
  --draft      mark the note as a draft (built in development only)`;

const DEFAULT_TAG = 'deep-learning';

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      lang: { type: 'string', default: 'zh' },
      title: { type: 'string' },
      tags: { type: 'string' },
      draft: { type: 'boolean', default: false },
      'notes-dir': { type: 'string', default: 'content/notes' },
      'tags-file': { type: 'string', default: 'content/tags.json' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
try {
  args = parse();
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const { values, positionals } = args;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) fail(`give exactly one slug (got ${positionals.length}).\n${USAGE}`);
const slug = positionals[0]!;
const lang = values.lang;
if (!isLang(lang)) fail(`--lang must be zh or en, not "${lang}"`);

const problem = slugProblem(slug);
if (problem) {
  const suggestion = slugify(slug);
  fail(
    `invalid slug "${slug}": ${problem}${suggestion && suggestion !== slug ? `. Try: npm run new -- ${suggestion}` : ''}`,
  );
}

const notesDir = values['notes-dir'];
/** A path as short as it is clear: relative inside the project, absolute outside it. */
function show(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? resolve(path) : rel;
}
const existing = (l: Lang) =>
  ['md', 'mdx'].map((ext) => join(notesDir, l, `${slug}.${ext}`)).find((f) => existsSync(f));
const taken = existing(lang);
if (taken) fail(`${show(taken)} already exists: choose another slug, or edit that note`);
const original = existing(otherLang(lang));

const registry = tagRegistry(JSON.parse(readFileSync(values['tags-file'], 'utf8')) as Record<string, unknown>);
const tagIds = Object.keys(registry);
let tags: string[];
if (values.tags !== undefined) {
  const wanted = values.tags
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (wanted.length === 0) fail('--tags is empty: give at least one tag id from content/tags.json');
  const { ids, added } = mapTags(wanted, registry);
  if (added.length > 0) {
    fail(
      added
        .map((id) => {
          const suggestion = nearest(id, tagIds);
          return `unknown tag "${id}"${suggestion ? `: did you mean "${suggestion}"?` : ''}`;
        })
        .join('\n  ') +
        `\n  Tags are ids from ${values['tags-file']}; add a new one there with its zh and en label first.`,
    );
  }
  tags = ids;
} else {
  const fromOriginal = original
    ? (parseYaml(extractFrontmatter(readFileSync(original, 'utf8'))?.yaml ?? '') as { tags?: unknown })?.tags
    : undefined;
  tags = Array.isArray(fromOriginal) ? fromOriginal.map(String).filter((t) => tagIds.includes(t)) : [];
  if (tags.length === 0) tags = [DEFAULT_TAG];
}

const words = slug.split('-').join(' ');
const title = values.title?.trim() || (lang === 'en' ? words.charAt(0).toUpperCase() + words.slice(1) : words);
const target = join(notesDir, lang, `${slug}.md`);
const text = noteTemplate(lang, {
  title,
  description: DESCRIPTION_PLACEHOLDER[lang],
  date: isoDate(new Date()),
  tags,
  draft: values.draft,
});
// The template is checked like any note before it is written, so `new` can never create a note the build rejects.
const problems = checkFrontmatter(text, show(target), tagIds);
if (problems.length > 0) fail(`the new note would not be valid:\n${formatProblems(problems)}`);

mkdirSync(join(notesDir, lang), { recursive: true });
writeFileSync(target, text, { flag: 'wx' });
console.log(
  `created ${show(target)}${original ? ` (the ${lang === 'en' ? 'English' : 'Chinese'} translation of ${show(original)})` : ''}`,
);
console.log(
  `  tags: ${tags.join(', ')}${values.tags === undefined ? (original ? ' (from the translation)' : ' (default: change them)') : ''}`,
);
console.log('  next: write the description and the body; to place the note on the roadmap, add its slug to');
console.log('  content/sections.json; then `npm run dev` to read it, `npm run check` and `npm test` before a PR.');
