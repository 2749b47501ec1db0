// Why: notes come from pull requests, and Markdown lets a contributor write raw HTML. This parses that HTML
// and keeps only an allow-list (GitHub's, plus what our pipeline itself emits): no <script>, no on*
// handlers, no <iframe> except from the hosts below; ids, names, classes and styles as raw-html-rules.ts says.
// A URL that runs script (`javascript:`…) stops the build with file:line, wherever the note writes it. It runs
// right after Shiki and before KaTeX, so the allow-list needs Shiki's output but not KaTeX's. MDX notes have no
// raw HTML but write HTML elements as JSX: the same rules hold for them (mdx-html-rules.ts).
import { raw } from 'hast-util-raw';
import { find, html } from 'property-information';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { EXIT, SKIP, visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { applyMdxHtmlRules } from './mdx-html-rules.ts';
import { applyRawHtmlRules, markPipelineElements, pipelineElements } from './raw-html-rules.ts';
import { scriptUrls, type NoteProblem } from './script-urls.ts';
import { linesBeforeBody } from './source-lines.ts';

/** Hosts whose embeds a note may include with <iframe>. */
export const IFRAME_HOSTS = ['www.youtube-nocookie.com', 'player.bilibili.com'];

const base = defaultSchema.attributes ?? {};

export const SAFE_SCHEMA: Schema = {
  ...defaultSchema,
  // Ids and names of raw HTML are prefixed before this (raw-html-rules.ts); footnote ids already carry
  // remark-rehype's prefix, and heading ids are added after this step.
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

export class UnsafeHtmlError extends Error {
  override name = 'UnsafeHtmlError';
}

/** Whether an element may stay: an iframe only from the hosts above. */
function allowedElement(tagName: string, properties: Readonly<Record<string, unknown>>): boolean {
  if (tagName !== 'iframe') return true;
  const src = properties.src;
  if (typeof src !== 'string') return false;
  try {
    return IFRAME_HOSTS.includes(new URL(src).host);
  } catch {
    return false;
  }
}

function refuse(problems: readonly NoteProblem[], file: VFile): never {
  const where = file.path ?? 'a note';
  const offset = linesBeforeBody(file);
  const lines = [...problems]
    .sort((a, b) => (a.node.position?.start.line ?? 0) - (b.node.position?.start.line ?? 0))
    .map(({ node, message }) => {
      const line = node.position?.start.line;
      return `  ${where}${line === undefined ? '' : `:${line + offset}`}  ${message}`;
    });
  throw new UnsafeHtmlError(
    `${problems.length === 1 ? 'Something' : `${problems.length} things`} in this note cannot be published:\n` +
      `${lines.join('\n')}\n` +
      'A note may link only to http(s), mailto and relative URLs; CONTRIBUTING.md says which HTML it may use.',
  );
}

/**
 * Properties as hast names them (`class` → className, `tabindex` → tabIndex), which the sanitizer's schema is
 * written in. Plugins such as Astro's Shiki write some as HTML attribute names; the re-parse used to fix that.
 */
function normalizeProperties(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    for (const [key, value] of Object.entries(node.properties)) {
      const info = find(html, key);
      if (info.property === key) continue;
      delete node.properties[key];
      node.properties[info.property] =
        info.spaceSeparated && typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value;
    }
  });
}

function hasRawHtml(tree: Root): boolean {
  let found = false;
  visit(tree, 'raw', () => {
    found = true;
    return EXIT;
  });
  return found;
}

export default function rehypeSafeHtml() {
  return function transform(tree: Root, file: VFile): Root | undefined {
    if (file.path?.endsWith('.mdx')) {
      const problems = [...scriptUrls(tree), ...applyMdxHtmlRules(tree, SAFE_SCHEMA, allowedElement)];
      if (problems.length > 0) refuse(problems, file);
      return undefined;
    }
    // Parsing the tree again as HTML (hast-util-raw) is only needed for the author's raw HTML: a note without
    // any is most notes, and the re-parse was a tenth of the build's time at 2,000 notes.
    let parsed = tree;
    let problems: NoteProblem[];
    if (hasRawHtml(tree)) {
      const mark = markPipelineElements(tree);
      parsed = raw(tree, { file }) as Root;
      const made = pipelineElements(parsed, mark);
      problems = [...scriptUrls(parsed), ...applyRawHtmlRules(parsed, made)];
    } else {
      normalizeProperties(tree);
      problems = scriptUrls(tree);
    }
    if (problems.length > 0) refuse(problems, file);
    const clean = sanitize(parsed, SAFE_SCHEMA) as Root;
    visit(clean, 'element', (node: Element, index, parent) => {
      if (!allowedElement(node.tagName, node.properties) && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      return undefined;
    });
    return clean;
  };
}
