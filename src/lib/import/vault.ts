import type { Lang } from '../content/lang.ts';
import { rawDateProblem } from '../content/frontmatter-check.ts';
import { renderFrontmatter, type NoteFields } from '../content/note-template.ts';
import type { TagRegistry } from '../content/tags.ts';
import { firstParagraph, plainText, truncate } from './description.ts';
import { jekyllDate, parseJekyllPost } from './front-matter.ts';
import { imageEdits } from './images.ts';
import { convertLinks, type LinkOptions } from './links.ts';
import { parseMarkdown, parseSiteMarkdown, rangeOf } from './markdown-tree.ts';
import { ImportError, type ImportWarning } from './problems.ts';
import { LineIndex, SourceText } from './source-text.ts';
import { mapTags } from './tag-mapping.ts';
import { convertVaultSyntax, dropComments, type VaultSyntaxOptions } from './vault-syntax.ts';

/**
 * A note of an Obsidian vault or a Typora folder → a note of this site. Such notes have no front matter, or
 * only some of it: the title comes from the first `#` heading or the file name, the date from the front matter
 * or the file's time, the description from the first paragraph. Keys the site does not know are dropped and
 * reported. Pure: files are found and copied by the caller (`scripts/import/vault.ts`).
 */

export interface VaultNoteOptions extends VaultSyntaxOptions {
  lang: Lang;
  /** The file name without its folder: the title when there is no other. */
  fileName: string;
  /** `YYYY-MM-DD` of the file (its last commit, else its modification time): the date when the note gives none. */
  fileDate: string;
  registry: TagRegistry;
  extraTags?: readonly string[] | undefined;
  /** Tags for a note that has none of its own (its folder's name). */
  fallbackTags?: readonly string[] | undefined;
  /** A Markdown image with a path (Typora's `![](assets/a.png)`): its URL after copying, or `undefined`. */
  resolveImage: (src: string) => string | undefined;
  links: Omit<LinkOptions, 'title'>;
}

export interface VaultNote {
  text: string;
  fields: NoteFields;
  newTags: string[];
  missingImages: string[];
  droppedKeys: string[];
  warnings: ImportWarning[];
}

/** Front matter keys this site's notes have; Obsidian's and Typora's own are dropped. */
const KEPT_KEYS = new Set(['title', 'description', 'date', 'created', 'tags', 'tag', 'draft', 'publish']);

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;
}

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => stringOf(v) ?? []);
  return (stringOf(value) ?? '').split(/[\s,]+/).filter((t) => t !== '');
}

/** The text of the first level-1 heading, if the body has one. */
function firstHeading(body: string): string | undefined {
  for (const node of parseMarkdown(body).children) {
    if (node.type === 'heading' && node.depth === 1)
      return plainText(body.slice(...rangeOf(node)).replace(/^#\s*/, ''));
  }
  return undefined;
}

export function importVaultNote(source: string, options: VaultNoteOptions): VaultNote {
  const { frontMatter, body, bodyLine } = parseJekyllPost(source);
  const droppedKeys = Object.keys(frontMatter).filter((key) => !KEPT_KEYS.has(key));
  const lines = new LineIndex(body);
  const warnings: ImportWarning[] = [];
  const warn = (offset: number, message: string) =>
    warnings.push({ line: lines.lineOf(offset) + bodyLine - 1, message });

  const title = stringOf(frontMatter.title) ?? firstHeading(body) ?? options.fileName.replace(/\.[^.]+$/, '').trim();
  if (title === '') throw new ImportError('no title: give the note a "# heading" or a file name');
  const date = jekyllDate(frontMatter.date) ?? jekyllDate(frontMatter.created) ?? options.fileDate;
  const dateProblem = rawDateProblem(date);
  if (dateProblem) throw new ImportError(`date: ${dateProblem}`);

  let doc = dropComments(SourceText.of(body), warn);
  // Markdown images first: the embeds below become Markdown images with URLs already resolved.
  const images = imageEdits(parseMarkdown(doc.text), doc.text, { resolve: options.resolveImage });
  doc = doc.edit(images.edits);
  const syntax = convertVaultSyntax(doc, options, warn);
  doc = syntax.doc;
  doc = convertLinks(doc, { ...options.links, title }, warn).doc;
  const converted = doc.text.replace(/^(?:[ \t]*\n)+/, '').replace(/\s*$/, '\n');

  const own = [...listOf(frontMatter.tags ?? frontMatter.tag), ...syntax.tags];
  const mapping = mapTags(
    [...(own.length > 0 ? own : (options.fallbackTags ?? [])), ...(options.extraTags ?? [])],
    options.registry,
  );
  if (mapping.ids.length === 0)
    throw new ImportError('no tags: give the note "tags: […]" or an inline #tag, or pass --tags a,b');
  for (const tag of mapping.dropped) warnings.push({ message: `tag "${tag}" dropped (no letters or digits)` });

  const described =
    stringOf(frontMatter.description) ?? firstParagraph(parseSiteMarkdown(converted), images.standIns) ?? title;
  const fields: NoteFields = {
    title,
    description: truncate(plainText(described)),
    date,
    tags: mapping.ids,
    draft: frontMatter.draft === true || frontMatter.publish === false,
  };
  if (droppedKeys.length > 0)
    warnings.push({ message: `front matter keys the site does not use, dropped: ${droppedKeys.join(', ')}` });
  return {
    text: `${renderFrontmatter(fields)}\n${converted}`,
    fields,
    newTags: mapping.added,
    missingImages: images.missing,
    droppedKeys,
    warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}
