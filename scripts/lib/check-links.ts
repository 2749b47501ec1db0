import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { findBrokenLinks, pageBasicsProblems, scanHtml, type PageLinks } from '../../src/lib/link-check.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

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

/** Every broken internal link or anchor of a built site, as `source:line  page → href: problem`. */
export function checkBuiltLinks(dir: string, notesDir = process.env.NOTES_DIR ?? 'content/notes'): string[] {
  const pages: PageLinks[] = [];
  const files = new Set<string>();
  for (const file of walk(dir)) {
    const urlPath = `/${relative(dir, file).split(sep).join('/')}`;
    if (!file.endsWith('.html')) {
      files.add(urlPath);
      continue;
    }
    const path = urlPath.endsWith('/index.html') ? urlPath.slice(0, -'index.html'.length) : urlPath;
    pages.push({ path, ...scanHtml(readFileSync(file, 'utf8')) });
  }
  // A link written in a note is reported at its source line; one that comes from a layout or component
  // (the same on many pages) is reported once, with the pages it appears on.
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
}

/** Pages without exactly one h1, a title or a description, as `page: problem` lines. */
export function checkPageBasics(dir: string): string[] {
  return walk(dir)
    .filter((file) => file.endsWith('.html'))
    .flatMap((file) => {
      const page = `/${relative(dir, file).split(sep).join('/')}`.replace(/index\.html$/, '');
      return pageBasicsProblems(readFileSync(file, 'utf8')).map((problem) => `page ${page} ${problem}`);
    });
}
