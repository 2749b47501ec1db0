import { readFileSync } from 'node:fs';
import { close, createIndex } from 'pagefind';

export interface SearchIndexSummary {
  errors: string[];
  /** Indexed pages per Pagefind language, e.g. `{ 'zh-cn': 12, en: 12 }`. */
  languages: Record<string, number>;
}

/**
 * Indexes a built site with Pagefind into `<dir>/pagefind/`. Only `data-pagefind-body` (the note's article)
 * is indexed; KaTeX's rendered HTML and MathML are excluded because their glyph soup pollutes results.
 */
export async function buildSearchIndex(dir: string): Promise<SearchIndexSummary> {
  const { index, errors } = await createIndex({
    excludeSelectors: ['.katex-html', '.katex-mathml semantics > :not(annotation)'],
  });
  if (!index) return { errors, languages: {} };
  const added = await index.addDirectory({ path: dir });
  const written = await index.writeFiles({ outputPath: `${dir}/pagefind` });
  await close();
  const entry = JSON.parse(readFileSync(`${dir}/pagefind/pagefind-entry.json`, 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const languages = Object.fromEntries(Object.entries(entry.languages).map(([lang, v]) => [lang, v.page_count]));
  return { errors: [...added.errors, ...written.errors], languages };
}
