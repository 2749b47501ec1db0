import type { Definition, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { rangeOf } from './markdown-tree.ts';
import type { Edit } from './source-text.ts';

/**
 * The images of a post: Markdown images (inline or by reference) and `<img>` in HTML. A local one is handed
 * to `resolve`, and its path is replaced in the source by the URL it returns; one that is not found is
 * replaced, whole, by its alt text (the caller reports it).
 */

export interface ImageOptions {
  /**
   * Called for each image with a local path (relative, or root-absolute in the Jekyll site). Returns the
   * URL to link instead (after copying the file), or `undefined` when the file is not found.
   */
  resolve?: ((src: string) => string | undefined) | undefined;
  /** Chirpy's `media_subpath` (older `img_path`): the folder relative image paths are in. */
  base?: string | undefined;
}

function isLocal(src: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(src);
}

/** What stands for an image that was not found: its alt text, so the reader loses no words and sees no broken image. */
function altMarkdown(alt: string): string {
  return alt.replace(/[\\`*_[\]<>#|~$!]/g, '\\$&');
}

/** The offsets of the destination in `![alt](dest "title")` or `[label]: dest`, from the start of the `(` or `:`. */
function destinationAt(text: string, from: number, end: number): [number, number] | undefined {
  let at = from;
  while (at < end && /\s/.test(text[at]!)) at++;
  if (text[at] === '<') {
    const close = text.indexOf('>', at);
    return close < 0 || close > end ? undefined : [at + 1, close];
  }
  let depth = 0;
  let stop = at;
  for (; stop < end; stop++) {
    const char = text[stop]!;
    if (char === '\\') stop++;
    else if (char === '(') depth++;
    else if (char === ')' && depth-- === 0) break;
    else if (/\s/.test(char)) break;
  }
  return stop > at ? [at, stop] : undefined;
}

/** Where the `(` after an image's `![alt]` is, counting nested brackets and escapes. */
function afterLabel(text: string, start: number, end: number): number | undefined {
  let depth = 0;
  for (let at = start + 1; at < end; at++) {
    const char = text[at];
    if (char === '\\') at++;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return text[at + 1] === '(' ? at + 2 : undefined;
  }
  return undefined;
}

const HTML_IMAGE = /<img\b[^>]*?\bsrc=(["'])([^"']+)\1[^>]*>/gi;

/** The edits for every image of the tree, and the local images that were not found. */
export function imageEdits(
  tree: Root,
  text: string,
  options: ImageOptions,
): { edits: Edit[]; missing: string[]; standIns: string[] } {
  const edits: Edit[] = [];
  const missing: string[] = [];
  /** The alt texts that now stand where a missing image stood: not prose to describe the note with. */
  const standIns: string[] = [];
  const base = options.base?.replace(/\/*$/, '/');
  /** The path of a local image and the URL to write for it (`null`: not found); `undefined` for others. */
  const resolve = (src: string): { path: string; url: string | null } | undefined => {
    if (!isLocal(src)) return undefined;
    const path = base && !src.startsWith('/') ? base + src.replace(/^\.\//, '') : src;
    const url = options.resolve ? options.resolve(path) : path;
    if (url === undefined) missing.push(path);
    return { path, url: url ?? null };
  };
  const replace = (start: number, end: number, found: { path: string; url: string | null }, alt: string) => {
    if (found.url === null) standIns.push(alt);
    edits.push({ start, end, text: found.url ?? alt });
  };

  const definitions = new Map<string, { found: ReturnType<typeof resolve>; node: Definition }>();
  const definitionOf = (identifier: string) => {
    let found = definitions.get(identifier);
    if (found) return found;
    let node: Definition | undefined;
    visit(tree, 'definition', (d) => (d.identifier === identifier ? ((node = d), false) : undefined));
    if (!node) return undefined;
    found = { found: resolve(node.url), node };
    definitions.set(identifier, found);
    const [start, end] = rangeOf(node);
    const colon = text.indexOf(']:', start);
    const dest = colon < 0 ? undefined : destinationAt(text, colon + 2, end);
    if (dest && found.found?.url) edits.push({ start: dest[0], end: dest[1], text: found.found.url });
    return found;
  };

  visit(tree, (node) => {
    if (node.type === 'image') {
      const [start, end] = rangeOf(node);
      const found = resolve(node.url);
      if (!found) return;
      const open = afterLabel(text, start, end);
      const dest = open === undefined ? undefined : destinationAt(text, open, end);
      if (found.url === null) replace(start, end, found, altMarkdown(node.alt ?? ''));
      else if (dest) replace(dest[0], dest[1], found, '');
    } else if (node.type === 'imageReference') {
      const found = definitionOf(node.identifier)?.found;
      const [start, end] = rangeOf(node);
      if (found?.url === null) replace(start, end, found, altMarkdown(node.alt ?? ''));
    } else if (node.type === 'html') {
      const [start, end] = rangeOf(node);
      for (const m of text.slice(start, end).matchAll(HTML_IMAGE)) {
        const found = resolve(m[2]!);
        if (!found) continue;
        const at = start + m.index;
        if (found.url === null) {
          replace(at, at + m[0].length, found, /\balt=["']([^"']*)/i.exec(m[0])?.[1] ?? '');
        } else {
          const srcAt = at + m[0].indexOf(m[2]!, m[0].search(/\bsrc=/i));
          replace(srcAt, srcAt + m[2]!.length, found, '');
        }
      }
    }
  });
  return { edits, missing, standIns };
}
