// Under a sub-path (BASE_PATH, src/site.config.ts) the build moves the URLs written in pages; the ones scripts
// build at run time go through here. `<html data-base>` names the base; without it the site is at the root.

/** A site path (`/notes/x/`) as this page must request it. */
export function siteUrl(path: string): string {
  const base = document.documentElement.dataset.base ?? '/';
  return base + path.replace(/^\//, '');
}
