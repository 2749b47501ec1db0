// Why: notes come from pull requests, and Markdown lets a contributor write raw HTML. This parses that HTML
// and keeps only an allow-list (GitHub's, plus what our pipeline itself emits): no <script>, no on*
// handlers, no javascript: URLs, no <iframe> except from the hosts below. It runs right after Shiki and
// before KaTeX, so the allow-list needs Shiki's output but not KaTeX's. MDX notes are code, not checked
// here: they are accepted only under review (CONTRIBUTING.md).
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { visit, SKIP } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';

/** Hosts whose embeds a note may include with <iframe>. */
export const IFRAME_HOSTS = ['www.youtube-nocookie.com', 'player.bilibili.com'];

const base = defaultSchema.attributes ?? {};

export const SAFE_SCHEMA: Schema = {
  ...defaultSchema,
  // Heading ids are added after this step; footnote ids already carry remark-rehype's prefix.
  clobberPrefix: '',
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'mark', 'abbr', 'kbd', 'iframe', 'nav'],
  attributes: {
    ...base,
    '*': [...(base['*'] ?? []), 'className'],
    pre: [...(base.pre ?? []), 'style', 'tabIndex', 'dataLanguage'],
    span: [...(base.span ?? []), 'style'],
    code: [...(base.code ?? []), 'className'],
    img: [...(base.img ?? []), 'alt', 'title', 'width', 'height', 'loading'],
    iframe: ['src', 'title', 'width', 'height', 'allow', 'allowFullScreen', 'loading'],
  },
  protocols: { ...defaultSchema.protocols, src: ['http', 'https'] },
};

function allowedIframe(node: Element): boolean {
  const src = node.properties.src;
  if (typeof src !== 'string') return false;
  try {
    return IFRAME_HOSTS.includes(new URL(src).host);
  } catch {
    return false;
  }
}

export default function rehypeSafeHtml() {
  return function transform(tree: Root, file: VFile): Root | undefined {
    if (file.path?.endsWith('.mdx')) return undefined;
    const parsed = raw(tree, { file }) as Root;
    const clean = sanitize(parsed, SAFE_SCHEMA) as Root;
    visit(clean, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'iframe' && !allowedIframe(node) && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      return undefined;
    });
    return clean;
  };
}
