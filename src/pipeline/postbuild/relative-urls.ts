/**
 * Offline bundles are opened from file://, where a root-absolute URL such as `/notes/neuron/` points at the
 * root of the disk and a folder URL shows a directory listing. These helpers rewrite a built page's URLs
 * relative to the page, with `index.html` spelled out.
 */

/** `a/b/index.html` → `../../` : the way from a page file back to the site root. */
export function rootPrefix(pageFile: string): string {
  const depth = pageFile.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

/**
 * A root-absolute URL made relative to the page file: folders get `index.html`, query and fragment stay.
 * Anything that is not root-absolute (external, protocol-relative, `#x`, relative, data:) is returned as is.
 */
export function relativeUrl(url: string, pageFile: string): string {
  if (!url.startsWith('/') || url.startsWith('//')) return url;
  const match = /^([^?#]*)(.*)$/.exec(url)!;
  let path = match[1]!;
  const rest = match[2]!;
  if (path.endsWith('/')) path += 'index.html';
  else if (!/\.[a-z0-9]+$/i.test(path.split('/').pop()!)) path += '/index.html';
  return rootPrefix(pageFile) + path.slice(1) + rest;
}

/** Rewrites href, src, srcset-free `action` and `poster` attributes of a page's HTML. */
export function rewriteHtml(html: string, pageFile: string): string {
  return html.replace(
    /(\s(?:href|src|action|poster|data-href)=")(\/[^"]*)"/g,
    (_, attr: string, url: string) => `${attr}${relativeUrl(url, pageFile)}"`,
  );
}

/** Rewrites `url(/…)` in a stylesheet that lives at `cssFile` (a path relative to the site root). */
export function rewriteCss(css: string, cssFile: string): string {
  return css.replace(
    /url\((['"]?)(\/[^'")]+)\1\)/g,
    (_, quote: string, url: string) => `url(${quote}${relativeUrl(url, cssFile)}${quote})`,
  );
}

/** Rewrites `url(/…)` in a page's `<style>` elements: inlined CSS resolves its URLs against the page. */
export function rewriteStyleElements(html: string, pageFile: string): string {
  return html.replace(
    /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g,
    (_, open: string, css: string, close: string) => open + rewriteCss(css, pageFile) + close,
  );
}
