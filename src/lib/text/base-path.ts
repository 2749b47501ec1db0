// A site published under a sub-path (GitHub Pages project sites: https://owner.github.io/<repo>/) must move every
// URL of its own under that path. The site is written with root-absolute URLs (`/notes/x/`, what authors write
// too); the build moves them once, at the end (src/pipeline/postbuild/base-path.ts), with the rules below.

/** `BASE_PATH` as written (`repo`, `/repo`, `/repo/`, `/a/b`) → `/repo/`; unset, empty or `/` → `/`. */
export function normalizeBasePath(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim();
  if (trimmed === '' || trimmed === '/') return '/';
  const segments = trimmed.split('/').filter((segment) => segment !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || !/^[A-Za-z0-9._~!$&'()*+,;=:@%-]+$/.test(segment)) {
      throw new Error(
        `BASE_PATH "${raw}" is not a URL path: use path segments of letters, digits, "-", "_", "." and "~" ` +
          `(for example BASE_PATH=/deep-learning-notes/), without "..", spaces, "?" or "#".`,
      );
    }
  }
  return `/${segments.join('/')}/`;
}

/**
 * One URL moved under `base`: root-absolute ones (`/x`) and absolute ones on the site's own origin. Others
 * (other sites, `//host`, `#x`, relative, `data:`) and URLs already under the base stay as they are.
 */
export function rebaseUrl(url: string, base: string, origin?: string): string {
  if (base === '/') return url;
  if (url.startsWith('/') && !url.startsWith('//')) return underBase(url, base);
  if (origin && url.startsWith(`${origin}/`)) return origin + underBase(url.slice(origin.length), base);
  if (origin && url === origin) return origin + base;
  return url;
}

function underBase(path: string, base: string): string {
  if (path.startsWith(base) || `${path}/` === base) return path;
  return base + path.slice(1);
}

/** Each candidate URL of a `srcset` through `map`, its descriptor kept. */
export function mapSrcset(srcset: string, map: (url: string) => string): string {
  return srcset.replace(/(^|,)(\s*)(\S+)/g, (_, comma: string, space: string, url: string) => comma + space + map(url));
}

/** Each root-absolute `url(/x)` of a stylesheet, quoted or not, through `map`. */
export function mapCssUrls(css: string, map: (url: string) => string): string {
  return css.replace(
    /url\(\s*(['"]?)(\/[^'")]*)\1\s*\)/g,
    (_, quote: string, url: string) => `url(${quote}${map(url)}${quote})`,
  );
}

/** `srcset="/a.png 1x, /b.png 2x"`: each candidate moved under the base. */
export const rebaseSrcset = (srcset: string, base: string) => mapSrcset(srcset, (url) => rebaseUrl(url, base));

/** `url(/x)` in CSS moved under the base. */
export const rebaseCss = (css: string, base: string) =>
  base === '/' ? css : mapCssUrls(css, (url) => rebaseUrl(url, base));

/** `/base/notes/x/` → `/notes/x/`: the path a file has in the built folder. Paths outside the base stay. */
export function stripBase(path: string, base: string): string {
  if (base === '/' || !path.startsWith(base)) return path;
  return `/${path.slice(base.length)}`;
}
