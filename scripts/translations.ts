// `npm run translations:stamp -- <English notes…> | --all`: records in each English note (`translationOf`) the
// hash of the Chinese note it translates, as it is now. Run it after bringing a translation up to date.
// `npm run translations:check`: lists English notes whose Chinese original changed since they were stamped
// (exit 1) and translations without a stamp (a warning). `npm run check` runs it.
// --notes-dir points it at another notes folder (the tests use it).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  contentHash,
  readStamp,
  splitFrontmatter,
  STAMP_PATTERN,
  translationState,
  withStamp,
} from '../src/lib/content/translation.ts';

const USAGE = `Usage:
  npm run translations:stamp -- <content/notes/en/slug.md …>   stamp the given English notes
  npm run translations:stamp -- --all                          stamp every English note that has a Chinese original
  npm run translations:check                                   list stale and unstamped translations`;

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      all: { type: 'boolean', default: false },
      'notes-dir': { type: 'string', default: 'content/notes' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const { values, positionals } = parsed;
const [command, ...targets] = positionals;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const notesDir = values['notes-dir'];

/** A path as short as it is clear: relative inside the project, absolute outside it. */
function show(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? resolve(path) : rel;
}

const slugOf = (file: string) => basename(file).replace(/\.mdx?$/, '');
/** The note of `slug` in `lang`, .md or .mdx. */
const noteFile = (lang: string, slug: string) =>
  ['md', 'mdx'].map((ext) => join(notesDir, lang, `${slug}.${ext}`)).find((f) => existsSync(f));
const englishNotes = () =>
  existsSync(join(notesDir, 'en'))
    ? readdirSync(join(notesDir, 'en'))
        .filter((name) => /\.mdx?$/.test(name))
        .sort()
        .map((name) => join(notesDir, 'en', name))
    : [];
const bodyHash = (file: string) => contentHash(splitFrontmatter(readFileSync(file, 'utf8')).body);

if (command === 'stamp') {
  if (values.all === targets.length > 0) fail(`give English notes to stamp, or --all (not both).\n${USAGE}`);
  let files: string[];
  if (values.all) {
    files = englishNotes().filter((file) => noteFile('zh', slugOf(file)));
  } else {
    files = targets.map((target) => {
      // A bare slug is accepted too: `npm run translations:stamp -- neuron`.
      const file = /\.mdx?$/.test(target) ? target : noteFile('en', target);
      if (!file || !existsSync(file)) fail(`${target}: no such English note`);
      return file;
    });
  }
  for (const file of files) {
    const original = noteFile('zh', slugOf(file));
    if (!original) fail(`${show(file)}: there is no Chinese note ${slugOf(file)} to be a translation of`);
    const source = readFileSync(file, 'utf8');
    const stamp = bodyHash(original);
    let updated: string;
    try {
      updated = withStamp(source, stamp);
    } catch (error) {
      fail(`${show(file)}: ${(error as Error).message}`);
    }
    if (updated === source) console.log(`  unchanged ${show(file)} (translationOf: ${stamp})`);
    else {
      writeFileSync(file, updated);
      console.log(`✓ stamped   ${show(file)} (translationOf: ${stamp}, from ${show(original)})`);
    }
  }
} else if (command === 'check') {
  if (targets.length > 0) fail(`check takes no arguments.\n${USAGE}`);
  const stale: string[] = [];
  const unstamped: string[] = [];
  const invalid: string[] = [];
  let current = 0;
  for (const file of englishNotes()) {
    const original = noteFile('zh', slugOf(file));
    if (!original) continue; // Written in English first: not a translation.
    const stamp = readStamp(readFileSync(file, 'utf8'));
    if (stamp !== undefined && !STAMP_PATTERN.test(stamp)) {
      invalid.push(`  ${show(file)}  translationOf "${stamp}" is not 12 hex digits`);
      continue;
    }
    const state = translationState(stamp, splitFrontmatter(readFileSync(original, 'utf8')).body);
    if (state === 'stale')
      stale.push(
        `  ${show(file)}  ${show(original)} changed since this translation (stamp ${stamp}, now ${bodyHash(original)})`,
      );
    else if (state === 'unstamped') unstamped.push(`  ${show(file)}  no translationOf stamp`);
    else current++;
  }
  if (unstamped.length > 0) {
    console.warn(
      `! ${unstamped.length} translation${unstamped.length > 1 ? 's have' : ' has'} no stamp, so drift cannot be detected:\n${unstamped.join('\n')}\n` +
        '  If the translation matches its Chinese original, stamp it: npm run translations:stamp -- <file>',
    );
  }
  if (stale.length + invalid.length > 0) {
    console.error(
      `✗ ${stale.length + invalid.length} translation${stale.length + invalid.length > 1 ? 's are' : ' is'} out of date:\n${[...stale, ...invalid].join('\n')}\n` +
        '  Bring the English text up to date with the Chinese note (git diff on the Chinese file shows what changed), then\n' +
        '  stamp it: npm run translations:stamp -- <file>',
    );
    process.exit(1);
  }
  console.log(`✓ translations: ${current} up to date${unstamped.length ? `, ${unstamped.length} unstamped` : ''}`);
} else {
  fail(`${command ? `unknown command "${command}"` : 'give a command'}: stamp or check.\n${USAGE}`);
}
