import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PageScan } from './built-pages.ts';
import { findBrokenLinks, pageProblems, scanHtml, type PageLinks } from './link-check.ts';

/** The Markdown source of a note page, so a broken link can be reported where it is written. */
function sourceOf(pagePath: string, notesDir: string): string | undefined {
  const m = /^\/(en\/)?notes\/([^/]+)\/$/.exec(pagePath);
  if (!m) return undefined;
  const base = join(notesDir, m[1] ? 'en' : 'zh', m[2]!);
  for (const ext of ['.md', '.mdx']) {
    try {
      statSync(base + ext);
      return base + ext;
    } catch {
      /* try the next extension */
    }
  }
  return undefined;
}

function lineOf(file: string, href: string): number | undefined {
  const lines = readFileSync(file, 'utf8').split('\n');
  const found = lines.findIndex((line) => line.includes(href) || line.includes(encodeURI(href)));
  return found >= 0 ? found + 1 : undefined;
}

/** A built page's path as a link names it: `notes/x/index.html` → `/notes/x/`. */
const pagePath = (file: string) => `/${file}`.replace(/(^|\/)index\.html$/, '$1');

/**
 * The checks of a built site, fed one page at a time (`scan`, see src/pipeline/postbuild/built-pages.ts), so the site is read once:
 * every internal link and anchor resolves, every page has one `<h1>`, a title and a description, and no page
 * repeats an id or holds a URL that runs script.
 */
export function siteChecks(notesDir = process.env.NOTES_DIR ?? 'content/notes') {
  const pages: PageLinks[] = [];
  const withoutBasics: string[] = [];
  const scan: PageScan<{ ids: string[]; hrefs: string[]; basics: string[] }> = {
    name: 'links',
    scan: (_, html) => {
      const facts = scanHtml(html);
      return { ids: [...new Set(facts.ids)], hrefs: facts.hrefs, basics: pageProblems(facts) };
    },
    add: (file, { ids, hrefs, basics }) => {
      const path = pagePath(file);
      pages.push({ path, ids: new Set(ids), hrefs });
      const source = basics.length > 0 ? sourceOf(path, notesDir) : undefined;
      for (const problem of basics)
        withoutBasics.push(`${source ? `${source} (page ${path})` : `page ${path}`} ${problem}`);
    },
  };
  return {
    scan,

    /**
     * Every broken internal link or anchor, as `source:line  page → href: problem`, given the site's files
     * that are not pages. A link written in a note is reported at its source line; one that comes from a
     * layout or component (the same on many pages) is reported once, with the pages it appears on.
     */
    brokenLinks(otherFiles: readonly string[]): string[] {
      const files = new Set(otherFiles.map((file) => `/${file}`));
      const fromNotes: string[] = [];
      const fromTemplates = new Map<string, string[]>();
      for (const { page, href, problem } of findBrokenLinks(pages, files)) {
        const source = sourceOf(page, notesDir);
        const line = source ? lineOf(source, href) : undefined;
        if (source && line) {
          fromNotes.push(`${source}:${line} (page ${page})  link "${href}": ${problem}`);
          continue;
        }
        const key = `link "${href}": ${problem}`;
        fromTemplates.set(key, [...(fromTemplates.get(key) ?? []), page]);
      }
      const templated = [...fromTemplates].map(([key, on]) => {
        const shown = [...new Set(on)];
        return `${key} (in a layout or component; on ${shown.length} page${shown.length > 1 ? 's' : ''}: ${shown.slice(0, 3).join(', ')}${shown.length > 3 ? ', …' : ''})`;
      });
      return [...fromNotes, ...templated];
    },

    /**
     * Pages without exactly one h1, a title or a description, or with an id twice or a script URL, as
     * `source (page) problem` lines.
     */
    pagesWithoutBasics: (): readonly string[] => withoutBasics,
  };
}
