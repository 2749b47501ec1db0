import type { Lang } from '../content/lang.ts';
import { TOC_HEADING } from '../content/note-template.ts';
import { noteUrl } from '../content/slug.ts';
import { slugFromFileName } from '../text/slugify.ts';
import type { Warn } from './block-structure.ts';
import { visit } from 'unist-util-visit';
import { literalRanges, parseMarkdown, rangeOf, RangeSet, type Range } from './markdown-tree.ts';
import { LineIndex, type Edit, type SourceText } from './source-text.ts';

/**
 * The Liquid tags of a post that are not blocks (those are settled first): the ones with a meaning this site
 * can keep become Markdown, the rest stay as they are, each with a warning. Tags inside code or math are
 * text the author shows, and are left alone.
 */

const TAG = /\{\{-?([\s\S]*?)-?\}\}|\{%-?([\s\S]*?)-?%\}/g;
/** Openers of the blocks `block-structure.ts` settles: one left here was already reported as unclosed. */
const REPORTED = new Set(['highlight', 'comment', 'raw']);
const SITE_ROOT = /^site\.(?:baseurl|url)$/;
/** `'/assets/a.png' | relative_url`: the filters that only put the site's address in front of a path. */
const ROOTED_LITERAL =
  /^(["'])([^"']*)\1((?:\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.(?:baseurl|url)))*)\s*$/;
const ARGUMENT = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g;

/** `key="value"` arguments of an include; unquoted values are Liquid variables, kept as `undefined`. */
function includeArguments(text: string): Map<string, string | undefined> {
  const args = new Map<string, string | undefined>();
  for (const m of text.matchAll(ARGUMENT)) args.set(m[1]!, m[2] ?? m[3]);
  return args;
}

function markdownDestination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

function htmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function markdownLabel(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}

/** The note a post name (`2010-07-21-name`, `_posts/2010-07-21-name.md`) will be imported as. */
function postLink(name: string, lang: Lang): string | undefined {
  const slug = slugFromFileName(/\.\w+$/.test(name) ? name : `${name}.md`);
  return slug ? noteUrl(lang, slug) : undefined;
}

interface Place {
  /** The tag is alone on its line(s), so it can become a block. */
  alone: boolean;
  /** The tag is inside raw HTML, where Markdown is not read. */
  inHtml: boolean;
  /** The container prefix (`> `, list indentation) for more lines. */
  indent: string;
}

/** What replaces a tag (`undefined`: left as text), and why not when it is left. */
function replacement(output: string | undefined, tag: string, place: Place, lang: Lang): string | undefined {
  if (output !== undefined) {
    const expression = output.trim();
    if (SITE_ROOT.test(expression) || /^site\.url\s*\|\s*append:\s*site\.baseurl$/.test(expression)) return '';
    return ROOTED_LITERAL.exec(expression)?.[2];
  }
  const [name = '', ...rest] = tag.trim().split(/\s+/);
  const args = rest.join(' ');
  switch (name) {
    case 'post_url':
      return postLink(args, lang);
    case 'link': {
      const path = args.replace(/^\//, '');
      if (path.includes('_posts/')) return postLink(path.split('/').at(-1)!, lang);
      return /\.(?:md|markdown|html?)$/i.test(path) || path === '' ? undefined : `/${path}`;
    }
    case 'include':
      return includeReplacement(rest[0] ?? '', includeArguments(args), place, lang);
    default:
      return undefined;
  }
}

function includeReplacement(
  file: string,
  args: Map<string, string | undefined>,
  place: Place,
  lang: Lang,
): string | undefined {
  const name = file.replace(/\.(?:html|liquid)$/, '');
  if (name === 'toc') return place.alone ? `## ${TOC_HEADING[lang]}` : undefined;
  if (name === 'figure') {
    // Minimal Mistakes writes image_path/alt/caption; al-folio path/title/caption.
    const path = args.get('image_path') ?? args.get('path');
    if (!path) return undefined;
    const alt = args.get('alt') ?? args.get('title') ?? '';
    const caption = args.get('caption')?.trim() ?? '';
    if (place.inHtml) {
      const image = `<img src="${htmlAttribute(path)}" alt="${htmlAttribute(alt)}">`;
      return caption === '' ? image : `<figure>${image}<figcaption>${caption}</figcaption></figure>`;
    }
    const image = `![${markdownLabel(alt)}](${markdownDestination(path)}`;
    if (caption === '') return `${image})`;
    if (!place.alone) return `${image} "${caption.replace(/"/g, '&quot;')}")`;
    return `${image})\n${place.indent}\n${place.indent}${caption.includes('*') ? caption : `*${caption}*`}`;
  }
  const youtube =
    name === 'embed/youtube'
      ? args.get('id')
      : name === 'video' && args.get('provider') === 'youtube'
        ? args.get('id')
        : undefined;
  if (youtube && /^[\w-]+$/.test(youtube)) return `[YouTube: ${youtube}](https://www.youtube.com/watch?v=${youtube})`;
  return undefined;
}

/** Converts or reports every Liquid tag outside code and math. */
export function convertLiquidTags(doc: SourceText, lang: Lang, warn: Warn): SourceText {
  const text = doc.text;
  if (!text.includes('{{') && !text.includes('{%')) return doc;
  const tree = parseMarkdown(text);
  const literal = new RangeSet(literalRanges(tree));
  const html: Range[] = [];
  visit(tree, 'html', (node) => void html.push(rangeOf(node)));
  const inHtml = new RangeSet(html);
  const lines = new LineIndex(text);
  const edits: Edit[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    if (literal.has(m.index)) continue;
    const end = m.index + m[0].length;
    const prefix = text.slice(lines.lineStart(m.index), m.index);
    const place = {
      alone: /^[ \t>]*$/.test(prefix) && /^[ \t]*$/.test(text.slice(end, lines.lineEnd(end))),
      inHtml: inHtml.has(m.index),
      indent: lines.continuationAt(m.index),
    };
    const name = /^\s*(\w+)/.exec(m[2] ?? '')?.[1] ?? '';
    const converted = replacement(m[1], m[2] ?? '', place, lang);
    if (converted !== undefined) edits.push({ start: m.index, end, text: converted });
    else if (!REPORTED.has(name)) {
      const shown = m[0].replace(/\s+/g, ' ');
      warn(
        doc.originalOffset(m.index),
        `Liquid tag ${shown.length > 60 ? `${shown.slice(0, 57)}…` : shown} left as text`,
      );
    }
  }
  return doc.edit(edits);
}
