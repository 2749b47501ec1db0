import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Checks of a note's body that Astro makes later and worse: Astro stops on a missing relative image with
 * "Could not find requested image `./x.png`" and on a broken MDX expression with a compiler trace, neither naming
 * the line of the note. Read on the syntax tree (remark, and remark-mdx for .mdx), so code blocks are not mistaken
 * for images and the lines are the parser's.
 */

/** An image the note loads from a path relative to its own file, which Astro's image pipeline must find. */
export interface LocalImage {
  src: string;
  /** 1-based line in the whole file (front matter included). */
  line: number;
}

// Math as the site reads it: `{` in a formula is TeX, not an MDX expression.
const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
const mdx = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkMdx);

/** Quick test before parsing: only a note with `](` followed by a relative path can hold a local image. */
const MAYBE_LOCAL = /\]\(\s*<?(?![a-z][a-z0-9+.-]*:|\/|#)/i;

function isRelative(src: string): boolean {
  return src !== '' && !/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(src);
}

/** The body of a note file and the number of lines before it (the front matter). */
export function noteBody(source: string): { body: string; linesBefore: number } {
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!frontMatter) return { body: source, linesBefore: 0 };
  return { body: source.slice(frontMatter[0].length), linesBefore: frontMatter[0].split('\n').length - 1 };
}

/** A note body's syntax tree as the site reads it (MDX for .mdx), or undefined when MDX cannot parse it. */
export function parseBody(body: string, isMdx: boolean): Root | undefined {
  try {
    return (isMdx ? mdx : markdown).parse(body);
  } catch {
    return undefined; // an MDX syntax error, reported by mdxSyntaxProblem
  }
}

/** The images of a Markdown or MDX body given as paths relative to the note. */
export function localImages(source: string, isMdx: boolean): LocalImage[] {
  const { body, linesBefore } = noteBody(source);
  if (!MAYBE_LOCAL.test(body)) return [];
  let tree: Root;
  try {
    tree = (isMdx ? mdx : markdown).parse(body);
  } catch {
    return []; // an MDX syntax error, reported by mdxSyntaxProblem
  }
  const images: LocalImage[] = [];
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => void definitions.set(node.identifier, node.url));
  visit(tree, (node) => {
    const src =
      node.type === 'image' ? node.url : node.type === 'imageReference' ? definitions.get(node.identifier) : undefined;
    if (src === undefined || !isRelative(src)) return;
    images.push({ src, line: (node.position?.start.line ?? 1) + linesBefore });
  });
  return images;
}

/** The first syntax error of an MDX body, with its line in the whole file; `undefined` when it parses. */
export function mdxSyntaxProblem(source: string): { line?: number; message: string } | undefined {
  const { body, linesBefore } = noteBody(source);
  try {
    mdx.parse(body);
    return undefined;
  } catch (error) {
    // remark-mdx throws a VFileMessage: the reason, and the line in the text it parsed.
    const message = error as { line?: unknown; reason?: string };
    const line = typeof message.line === 'number' ? message.line + linesBefore : undefined;
    return {
      ...(line === undefined ? {} : { line }),
      message:
        `MDX cannot read this: ${(message.reason ?? String(error)).replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/g, '')}. ` +
        'In .mdx, `{` starts a JavaScript expression and `<` a component: write \\{ and \\<, or use a .md note',
    };
  }
}
