// `BASE_PATH=/repo/ npm run build`: the site is published under a sub-path. Astro writes it with root-absolute
// URLs, as authors write their links; this step moves every URL of the site under the base, once, in the staging
// folder: each page as the build reads it, then the stylesheets, feeds, sitemap, web app manifest and host
// headers. The scans of the other passes read the pages as Astro wrote them, so their remembered findings do not
// depend on the base; the service worker comes after and precaches the moved files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFileSync } from './replace-file.ts';
import { rebaseCss, rebaseSrcset, rebaseUrl } from '../../lib/text/base-path.ts';
import { rewriteHtmlUrls, type UrlRewriter } from '../../lib/text/html-urls.ts';
import type { BuiltFiles, BuiltPage } from './built-pages.ts';

export function pageRewriter(base: string, origin: string): UrlRewriter {
  return {
    url: (url) => rebaseUrl(url, base, origin),
    css: (css) => rebaseCss(css, base),
    srcset: (srcset) => rebaseSrcset(srcset, base),
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Absolute URLs on the site's origin in a feed, sitemap or robots.txt. */
export function rebaseOriginUrls(text: string, base: string, origin: string): string {
  const pattern = new RegExp(`${escapeRegExp(origin)}(?=[/<"'\\s]|$)[^<"'\\s]*`, 'g');
  return text.replace(pattern, (url) => rebaseUrl(url, base, origin));
}

interface WebManifest {
  start_url?: string;
  scope?: string;
  id?: string;
  icons?: { src: string }[];
  shortcuts?: { url: string; icons?: { src: string }[] }[];
}

export function rebaseManifest(json: string, base: string): string {
  const manifest = JSON.parse(json) as WebManifest;
  for (const key of ['start_url', 'scope', 'id'] as const) {
    const url = manifest[key];
    if (url !== undefined) manifest[key] = rebaseUrl(url, base);
  }
  for (const icon of manifest.icons ?? []) icon.src = rebaseUrl(icon.src, base);
  for (const shortcut of manifest.shortcuts ?? []) {
    shortcut.url = rebaseUrl(shortcut.url, base);
    for (const icon of shortcut.icons ?? []) icon.src = rebaseUrl(icon.src, base);
  }
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Netlify/Cloudflare `_headers`: each rule's path line (`/diagrams/*`) moved under the base. */
export function rebaseHeaders(text: string, base: string): string {
  return text.replace(/^\/\S*/gm, (path) => rebaseUrl(path, base));
}

/** The step: `visit` moves each page's URLs, `finish` the other files'. Nothing happens at the root. */
export function basePathRewrite(dir: string, base: string, siteUrl: string) {
  const origin = new URL(siteUrl).origin;
  const rewriter = pageRewriter(base, origin);
  let pages = 0;
  const rewriteFile = (file: string, rewrite: (text: string) => string) => {
    const path = join(dir, file);
    const before = readFileSync(path, 'utf8');
    const after = rewrite(before);
    if (after !== before) replaceFileSync(path, after);
  };
  return {
    visit(page: BuiltPage): void {
      if (base === '/') return;
      const html = page.html();
      const moved = rewriteHtmlUrls(html, rewriter);
      if (moved !== html) replaceFileSync(join(dir, page.path), moved);
      pages++;
    },
    finish(files: BuiltFiles): string {
      if (base === '/') return 'served at the root of its host (BASE_PATH unset)';
      for (const file of files.others) {
        if (file.endsWith('.css')) rewriteFile(file, (css) => rebaseCss(css, base));
        else if (/\.(?:xml|txt)$/.test(file)) rewriteFile(file, (text) => rebaseOriginUrls(text, base, origin));
        else if (file.endsWith('.webmanifest')) rewriteFile(file, (json) => rebaseManifest(json, base));
        else if (file === '_headers') rewriteFile(file, (text) => rebaseHeaders(text, base));
      }
      return `every URL moved under ${base}: ${pages} pages, stylesheets, feeds, sitemap, manifest, headers`;
    },
  };
}
