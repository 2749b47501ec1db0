// `npm run glossary [-- --write]`: renders content/glossary.json into the glossary notes' tables (between
// the glossary markers) and into src/search/synonyms.json, the names search treats as one term.
// Without --write it only reports whether they are up to date (tests/unit/content/glossary.test.ts checks).
import { readFileSync, writeFileSync } from 'node:fs';
import { glossaryMarkdown, synonymSets, type Glossary } from '../src/lib/content/glossary.ts';
import type { Lang } from '../src/lib/content/lang.ts';

export const START =
  '<!-- glossary:start — generated from content/glossary.json by `npm run glossary -- --write`; edit the JSON, not this table -->';
export const END = '<!-- glossary:end -->';
export const SYNONYMS_FILE = 'src/search/synonyms.json';

function noteTitles(lang: Lang): Record<string, string> {
  const titles: Record<string, string> = {};
  const slugs = (JSON.parse(readFileSync('content/glossary.json', 'utf8')) as Glossary).groups.flatMap((g) =>
    g.terms.map((t) => t.note),
  );
  for (const slug of new Set(slugs)) {
    for (const ext of ['md', 'mdx']) {
      try {
        const source = readFileSync(`content/notes/${lang}/${slug}.${ext}`, 'utf8');
        titles[slug] = /^title:\s*["']?(.*?)["']?\s*$/m.exec(source)?.[1] ?? slug;
      } catch {
        /* the other extension */
      }
    }
  }
  return titles;
}

/** The expected contents of each generated file. */
export function renderGlossary(): Record<string, string> {
  const glossary = JSON.parse(readFileSync('content/glossary.json', 'utf8')) as Glossary;
  const files: Record<string, string> = {};
  for (const lang of ['zh', 'en'] as const) {
    const file = `content/notes/${lang}/glossary.md`;
    const source = readFileSync(file, 'utf8');
    const start = source.indexOf(START);
    const end = source.indexOf(END);
    if (start < 0 || end < start) throw new Error(`${file}: the ${START.slice(0, 22)}… and ${END} markers are missing`);
    files[file] =
      `${source.slice(0, start + START.length)}\n\n${glossaryMarkdown(glossary, lang, noteTitles(lang))}\n\n${source.slice(end)}`;
  }
  files[SYNONYMS_FILE] = `${JSON.stringify(synonymSets(glossary))}\n`;
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const write = process.argv.includes('--write');
  let stale = 0;
  for (const [file, expected] of Object.entries(renderGlossary())) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      /* missing counts as stale */
    }
    if (current === expected) continue;
    stale++;
    if (write) writeFileSync(file, expected);
    console.log(`${write ? 'updated' : 'out of date'}: ${file}`);
  }
  if (!write && stale > 0) {
    console.error('Run `npm run glossary -- --write`.');
    process.exit(1);
  }
  if (stale === 0) console.log('glossary tables and search synonyms are up to date');
}
