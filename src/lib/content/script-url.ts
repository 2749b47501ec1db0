// Why: a link or image in a note, a BibTeX `url` or an MDX attribute can carry a URL that runs script when it is
// followed (`javascript:`, `vbscript:`, an HTML document in a `data:` URL). The build refuses them wherever they
// come from, and must read a URL the way a browser does: `java\tscript:`, ` JavaScript:` and `javascript\n:` all run.

/** Schemes whose URLs run script in the page that follows them. */
const SCRIPT_SCHEMES = new Set(['javascript', 'vbscript']);

/**
 * The scheme of `url` as the URL Standard's parser reads it: leading and trailing C0 controls and spaces are
 * dropped, and tabs and newlines anywhere are removed, before `scheme:` is matched (case-insensitively).
 */
function schemeOf(url: string): { scheme: string; rest: string } | undefined {
  // eslint-disable-next-line no-control-regex -- the URL Standard strips exactly these code points
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match ? { scheme: match[1]!.toLowerCase(), rest: cleaned.slice(match[0].length) } : undefined;
}

/**
 * Why `url` may not appear in a page, or undefined when it may: `"a javascript: URL"`, `"a data: URL of type
 * text/html"`. A `data:` URL is allowed only for an image (an SVG image runs no script where an image is shown).
 */
export function scriptUrlReason(url: string): string | undefined {
  const parsed = schemeOf(url);
  if (!parsed) return undefined;
  if (SCRIPT_SCHEMES.has(parsed.scheme)) return `a ${parsed.scheme}: URL`;
  if (parsed.scheme !== 'data') return undefined;
  const type = (/^[^,;]*/.exec(parsed.rest)?.[0] ?? '').trim().toLowerCase();
  return type.startsWith('image/') ? undefined : `a data: URL of type ${type || 'text/plain'}`;
}

/** The first 60 characters of a URL, for a message. */
export function shownUrl(url: string): string {
  const oneLine = url.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}
