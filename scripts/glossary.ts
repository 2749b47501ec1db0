// `npm run glossary [-- --write]`: renders content/glossary.json into the glossary notes' tables (between
// the glossary markers) and into src/search/synonyms.json, the names search treats as one term.
// Without --write it only reports whether they are up to date (tests/unit/content/glossary.test.ts checks).
import { readFileSync, writeFileSync } from 'node:fs';
import { raw } from 'hast-util-raw';
import type { Root } from 'hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import {
  glossaryMarkdown,
  glossaryProblems,
  synonymSets,
  type Glossary,
  type GlossaryTerm,
} from '../src/lib/content/glossary.ts';
import type { Lang } from '../src/lib/content/lang.ts';
import { LineIndex } from '../src/lib/text/line-index.ts';
import { scriptUrls } from '../src/pipeline/render/script-urls.ts';

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

const GLOSSARY_FILE = 'content/glossary.json';
const markdownToHtml = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true });

/** The script URLs (`javascript:`…) a term's Markdown would put in the glossary notes, read as a note's are. */
function scriptUrlsOf(term: GlossaryTerm): string[] {
  const texts = [term.term, term.termZh ?? '', term.zh, term.en, term.definition.zh, term.definition.en];
  return texts.flatMap((text) => {
    const tree = raw(markdownToHtml.runSync(markdownToHtml.parse(text))) as Root;
    return scriptUrls(tree).map((problem) => problem.message);
  });
}

/**
 * Refuses a glossary whose rendering would ship a script URL or break out of its table, naming
 * content/glossary.json and the line of the term. (The build checks the glossary notes again, as every note.)
 */
export function checkGlossary(source: string, glossary: Glossary): void {
  const lines = new LineIndex(source);
  const lineOf = (term: string) => {
    const at = source.indexOf(`"term": ${JSON.stringify(term)}`);
    return at < 0 ? '' : `:${lines.lineOf(at)}`;
  };
  const problems = [
    ...glossaryProblems(glossary),
    ...glossary.groups.flatMap((g) =>
      g.terms.flatMap((t) => scriptUrlsOf(t).map((message) => ({ term: t.term, message }))),
    ),
  ].map(({ term, message }) => `  ${GLOSSARY_FILE}${lineOf(term)}  term "${term}": ${message}`);
  if (problems.length > 0) throw new Error(`The glossary cannot be rendered:\n${problems.join('\n')}`);
}

/** The expected contents of each generated file. */
export function renderGlossary(): Record<string, string> {
  const source = readFileSync(GLOSSARY_FILE, 'utf8');
  const glossary = JSON.parse(source) as Glossary;
  checkGlossary(source, glossary);
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
