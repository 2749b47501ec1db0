// Why: an <img> without width and height shifts the text below it when it loads (layout shift, and a
// Lighthouse finding). For local SVG diagrams the size is in the file's viewBox (or width/height), read at
// build time; `loading="lazy"` and `decoding="async"` keep below-the-fold diagrams off the critical path.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { visitProse } from './visit-prose.ts';
import type { Element, Root } from 'hast';

/** The intrinsic size of an SVG document, from width/height or else the viewBox. */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)(px)?"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)(px)?"/.exec(root)?.[1]);
  if (width > 0 && height > 0) return { width: Math.round(width), height: Math.round(height) };
  const box = /\sviewBox="[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(root);
  return box ? { width: Math.round(Number(box[1])), height: Math.round(Number(box[2])) } : undefined;
}

export default function rehypeImageSize(options: { publicDir?: string; digest?: string } = {}) {
  const publicDir = options.publicDir ?? 'public';
  const cache = new Map<string, { width: number; height: number } | undefined>();
  return function transform(tree: Root) {
    visitProse(tree, (node: Element) => {
      if (node.tagName !== 'img') return;
      node.properties.loading ??= 'lazy';
      node.properties.decoding ??= 'async';
      const src = node.properties.src;
      if (typeof src !== 'string' || !src.startsWith('/') || !src.endsWith('.svg')) return;
      if (!cache.has(src)) {
        try {
          cache.set(src, svgSize(readFileSync(join(publicDir, decodeURIComponent(src)), 'utf8')));
        } catch {
          cache.set(src, undefined); // a missing file is reported by the link check after the build
        }
      }
      const size = cache.get(src);
      if (size && node.properties.width === undefined) {
        node.properties.width = size.width;
        node.properties.height = size.height;
      }
    });
  };
}

/** Every SVG under `dir` (site-relative paths), for the digest below. */
function svgFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) return path === 'vendor' ? [] : svgFiles(dir, `${path}/`);
    return path.endsWith('.svg') ? [path] : [];
  });
}

/**
 * The plugin with its options, for the processor. Astro keeps each rendered note until the note's own file
 * changes, so a diagram redrawn at another size would keep its old width and height; the digest of the SVGs in
 * the options changes Astro's config digest, which makes it render the notes again.
 */
export function imageSize(publicDir = 'public'): [typeof rehypeImageSize, { publicDir: string; digest: string }] {
  const hash = createHash('sha256');
  for (const file of svgFiles(publicDir).sort()) hash.update(file).update(readFileSync(join(publicDir, file)));
  return [rehypeImageSize, { publicDir, digest: hash.digest('hex').slice(0, 16) }];
}
