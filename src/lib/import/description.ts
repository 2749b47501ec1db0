import type { Nodes, Root } from 'mdast';
import type { Lang } from '../content/lang.ts';
import { DESCRIPTION_MAX } from '../content/note-schema.ts';
import { TOC_HEADING } from '../content/note-template.ts';
import { parseSiteMarkdown } from './markdown-tree.ts';

/** The text a reader sees in Markdown, line breaks kept: no HTML, no images, formulas with their `$`. */
function visibleText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'inlineMath':
      return `$${node.value}$`;
    case 'break':
      return '\n';
    case 'html':
    case 'image':
    case 'imageReference':
      return '';
    default:
      return 'children' in node ? node.children.map(visibleText).join('') : '';
  }
}

/** Joins wrapped lines: no space between two Chinese characters, one space otherwise. */
function joinLines(lines: readonly string[]): string {
  return lines.reduce((text, line) => {
    const next = line.trim();
    if (text === '') return next;
    if (next === '') return text;
    return /[\p{Script=Han}，。、；：！？）]$/u.test(text) && /^[\p{Script=Han}（]/u.test(next)
      ? text + next
      : `${text} ${next}`;
  }, '');
}

function plainTextOf(node: Nodes): string {
  return joinLines(visibleText(node).split('\n')).replace(/\s+/g, ' ').trim();
}

/** Markdown inline syntax (a front matter `subtitle`, say) → plain text, for a description. */
export function plainText(markdown: string): string {
  return plainTextOf(parseSiteMarkdown(markdown));
}

/** Shortens text to at most `max` characters, at the end of a sentence when one ends late enough. */
export function truncate(text: string, max = DESCRIPTION_MAX): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join('');
  const sentenceEnd = Math.max(...['。', '！', '？', '. ', '! ', '? '].map((p) => head.lastIndexOf(p)));
  if (sentenceEnd >= max / 2) return head.slice(0, sentenceEnd + 1).trim();
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * The first paragraph of prose in a converted body, as plain text: headings, lists, quotes, tables,
 * code, math and HTML are skipped, and so is a paragraph of images only. `undefined` when there is none.
 */
export function firstParagraph(body: string | Root, standIns: readonly string[] = []): string | undefined {
  const tree = typeof body === 'string' ? parseSiteMarkdown(body) : body;
  const skipped = new Set(standIns.map((alt) => plainText(alt)));
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const text = plainTextOf(node);
    if (text !== '' && !skipped.has(text)) return text;
  }
  return undefined;
}

/** The text of the body's `##` headings, without the table-of-contents heading. */
export function sectionHeadings(body: string | Root): string[] {
  const tree = typeof body === 'string' ? parseSiteMarkdown(body) : body;
  const toc: readonly string[] = Object.values(TOC_HEADING);
  return tree.children.flatMap((node) => {
    if (node.type !== 'heading' || node.depth !== 2) return [];
    const text = plainTextOf(node);
    return text === '' || toc.includes(text) ? [] : [text];
  });
}

/**
 * A description from the title and the section headings, for a post that has neither a subtitle nor a
 * paragraph of prose (the seed document is all headings and lists): `深度学习：路线图、人工智能分类……`.
 * As many headings as fit in `max` characters.
 */
export function outlineDescription(
  title: string,
  headings: readonly string[],
  lang: Lang,
  max = DESCRIPTION_MAX,
): string | undefined {
  if (headings.length === 0) return undefined;
  const [lead, separator, end, more] = lang === 'zh' ? ['：', '、', '。', '等。'] : [': ', ', ', '.', ', …'];
  let text = `${title}${lead}${headings[0]}`;
  for (const heading of headings.slice(1)) {
    const next = `${text}${separator}${heading}`;
    if ([...next].length + more.length > max)
      return [...text].length + more.length <= max ? `${text}${more}` : undefined;
    text = next;
  }
  return [...text].length + end.length <= max ? `${text}${end}` : undefined;
}
