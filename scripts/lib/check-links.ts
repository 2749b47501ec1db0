import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { findBrokenLinks, scanHtml, type PageLinks } from '../../src/lib/link-check.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The Markdown source of a note page, so a broken link can be reported where it is written. */
function sourceOf(pagePath: string): string | undefined {
  const m = /^\/(en\/)?notes\/([^/]+)\/$/.exec(pagePath);
  if (!m) return undefined;
  const base = `content/notes/${m[1] ? 'en' : 'zh'}/${m[2]}`;
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
  const needle = href.split('#')[0] || href;
  const index = lines.findIndex((line) => line.includes(`(${href}`) || line.includes(href));
  const fallback = lines.findIndex((line) => line.includes(needle));
  const found = index >= 0 ? index : fallback;
  return found >= 0 ? found + 1 : undefined;
}

/** Every broken internal link or anchor of a built site, as `source:line  page → href: problem`. */
export function checkBuiltLinks(dir: string): string[] {
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
  return findBrokenLinks(pages, files).map(({ page, href, problem }) => {
    const source = sourceOf(page);
    const line = source ? lineOf(source, href) : undefined;
    const where = source ? `${source}${line ? `:${line}` : ''} (page ${page})` : `page ${page}`;
    return `${where}  link "${href}": ${problem}`;
  });
}
