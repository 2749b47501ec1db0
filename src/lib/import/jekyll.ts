import type { Lang } from '../content/lang.ts';
import { DESCRIPTION_MAX } from '../content/note-schema.ts';
import { rawDateProblem } from '../content/frontmatter-check.ts';
import { renderFrontmatter, type NoteFields } from '../content/note-template.ts';
import type { TagRegistry } from '../content/tags.ts';
import { dateFromFileName } from '../text/slugify.ts';
import { protectRaw, settleBlocks, type Warn } from './block-structure.ts';
import { firstParagraph, outlineDescription, plainText, sectionHeadings, truncate } from './description.ts';
import type { MathCheck } from './dollars.ts';
import { jekyllDate, jekyllTags, parseJekyllPost } from './front-matter.ts';
import type { LanguageTable } from './languages.ts';
import { convertLiquidTags } from './liquid-tags.ts';
import { convertLinks, type LinkOptions } from './links.ts';
import { convertMarkdown } from './markdown-pass.ts';
import { parseSiteMarkdown } from './markdown-tree.ts';
import { ImportError, type ImportWarning } from './problems.ts';
import { LineIndex, SourceText } from './source-text.ts';
import { mapTags } from './tag-mapping.ts';

/**
 * Converting a Jekyll post (kramdown flavour, as in the seed document and the common themes) into a note of
 * this site. Pure: file access is done by the caller and handed in as callbacks (`resolveImage`, `checkMath`).
 * The body goes through three steps, each on a fresh Markdown syntax tree and each a list of edits at node
 * offsets (`source-text.ts`): the block structure (`block-structure.ts`), Liquid tags (`liquid-tags.ts`),
 * then kramdown syntax, images, code languages and dollar signs (`markdown-pass.ts`).
 */

export { ImportError, formatProblem, type ImportWarning } from './problems.ts';
export { parseJekyllPost, jekyllDate, jekyllTags, type JekyllPost } from './front-matter.ts';
export { mapTags, type TagMapping } from './tag-mapping.ts';
export { languageTable, normalizeFenceLanguage, type LanguageTable } from './languages.ts';
export { escapeDollars, looksLikeInlineMath, type MathCheck } from './dollars.ts';
export { firstParagraph, outlineDescription, sectionHeadings, truncate } from './description.ts';

export interface ConvertOptions {
  lang: Lang;
  languages: LanguageTable;
  /**
   * Called for each image with a local path (relative, or root-absolute in the Jekyll site). Returns the
   * URL to link instead (after copying the file), or `undefined` when the file is not found.
   */
  resolveImage?: ((src: string) => string | undefined) | undefined;
  checkMath?: MathCheck | undefined;
  /** The line of the post's file the body starts on (after the front matter), for the lines of warnings. */
  firstLine?: number | undefined;
  /** Chirpy's `media_subpath` (or `img_path`): the folder relative image paths are in. */
  imageBase?: string | undefined;
  /** Jekyll's `excerpt_separator`, dropped from the body like `<!--more-->`. */
  excerptSeparator?: string | undefined;
  /** Links to local pages, citation keys and the title (see `links.ts`). */
  links?: LinkOptions | undefined;
}

export interface ConvertedBody {
  body: string;
  /** Local images that were not found; each was replaced by its alt text. */
  missingImages: string[];
  /** Those alt texts (not prose to take a description from). */
  imageStandIns: string[];
  /** Things a person should look at, in the order of their lines. */
  warnings: ImportWarning[];
  /** Number of dollar signs escaped as not-math. */
  escapedDollars: number;
}

/**
 * Converts a kramdown body to this site's Markdown:
 * - `{% raw %}` tags are dropped (their content kept as written), `{% highlight c %}` blocks become fences,
 *   `{% comment %}` blocks are dropped; `{{ site.baseurl }}`, `| relative_url`, `{% post_url %}`,
 *   `{% link %}`, `{% include figure %}` and `{% include toc %}` become Markdown; other Liquid is kept and
 *   reported. Inside code and math nothing of that is touched;
 * - `* content` + `{:toc}` → a `## 目录` / `## Contents` heading, which remark-toc fills;
 * - other kramdown attribute lists (`{: .class}`, `{:.no_toc}`, `{#id}`) are dropped; `##Title` → `## Title`;
 * - fence languages → Shiki ids, unknown → `text`;
 * - `$$…$$` blocks become display math, one `$$…$$` alone in a paragraph too (kramdown shows it as
 *   display math; remark-math would show it inline); dollars that are not math are escaped;
 * - local images are handed to `resolveImage`; one not found is replaced by its alt text and reported;
 * - links, headings and `[@…]` are made fit for the site (`links.ts`).
 */
export function convertJekyllBody(body: string, options: ConvertOptions): ConvertedBody {
  const text = body.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = new LineIndex(text);
  const firstLine = options.firstLine ?? 1;
  const warnings: ImportWarning[] = [];
  const warn: Warn = (offset, message) => warnings.push({ line: lines.lineOf(offset) + firstLine - 1, message });

  const raw = protectRaw(SourceText.of(text), warn);
  const settled = settleBlocks(raw.doc, warn);
  const converted = convertMarkdown(
    convertLiquidTags(settled.doc, options.lang, warn),
    {
      lang: options.lang,
      languages: options.languages,
      images: { resolve: options.resolveImage, base: options.imageBase },
      checkMath: options.checkMath,
      excerptSeparator: options.excerptSeparator,
    },
    warn,
  );
  const linked = convertLinks(converted.doc, options.links ?? {}, warn);
  const result = raw
    .restore(linked.doc.text)
    .replace(/^(?:[ \t]*\n)+/, '')
    .replace(/\s*$/, '\n');
  return {
    body: result,
    missingImages: converted.missingImages,
    imageStandIns: converted.imageStandIns,
    warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    escapedDollars: settled.escaped + converted.escapedDollars,
  };
}

export interface ImportOptions extends ConvertOptions {
  /** The post's file name (for the date when the front matter has none, and in messages). */
  fileName: string;
  /** The tag registry as it is now. */
  registry: TagRegistry;
  /** Tags to add to every imported note (ids or labels, mapped like the post's own). */
  extraTags?: readonly string[] | undefined;
}

export interface ImportedNote {
  /** The note's full text: frontmatter and body. */
  text: string;
  fields: NoteFields;
  /** Tag ids that are new and must be added to the registry. */
  newTags: string[];
  missingImages: string[];
  warnings: ImportWarning[];
  escapedDollars: number;
  /** Where the description came from. */
  descriptionFrom: 'subtitle' | 'description' | 'excerpt' | 'first paragraph' | 'section headings' | 'title';
}

function frontMatterString(frontMatter: Record<string, unknown>, key: string): string | undefined {
  const value = frontMatter[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
}

/**
 * A Jekyll post → a note: `title` kept; `subtitle` becomes the description (a subtitle that only repeats
 * the title counts as none; then `description`, then Minimal Mistakes' `excerpt`, else the first paragraph,
 * else the title followed by the section headings, else the title), shortened to 200 characters; the date
 * kept (from the front matter, else the file name); tags and categories mapped onto the registry;
 * `published: false` → `draft: true`; `layout`, `author`, `header-img`, `permalink`, `mathjax` and other
 * theme keys dropped. Throws `ImportError` when the post cannot become a valid note (no title, no date,
 * no tag, broken front matter).
 */
export function importJekyllPost(source: string, options: ImportOptions): ImportedNote {
  const { frontMatter, body, bodyLine } = parseJekyllPost(source);
  const title = frontMatterString(frontMatter, 'title') ?? '';
  if (title === '') throw new ImportError('no title in the front matter: add "title: …"');

  const date = jekyllDate(frontMatter.date) ?? dateFromFileName(options.fileName);
  if (!date)
    throw new ImportError('no date: add "date: YYYY-MM-DD" to the front matter or start the file name with it');
  const dateProblem = rawDateProblem(date);
  if (dateProblem) throw new ImportError(`date: ${dateProblem}`);

  const converted = convertJekyllBody(body, {
    imageBase: frontMatterString(frontMatter, 'media_subpath') ?? frontMatterString(frontMatter, 'img_path'),
    excerptSeparator: frontMatterString(frontMatter, 'excerpt_separator'),
    ...options,
    links: { ...options.links, title },
    firstLine: bodyLine,
  });
  const warnings = [...converted.warnings];

  const fromFrontMatter = (key: string) => {
    const text = plainText(frontMatterString(frontMatter, key) ?? '');
    return text !== '' && text !== title ? text : undefined;
  };
  const tree = parseSiteMarkdown(converted.body);
  const candidates: Array<[string | undefined, ImportedNote['descriptionFrom']]> = [
    [fromFrontMatter('subtitle'), 'subtitle'],
    [fromFrontMatter('description'), 'description'],
    [fromFrontMatter('excerpt'), 'excerpt'],
    [firstParagraph(tree, converted.imageStandIns), 'first paragraph'],
    [outlineDescription(title, sectionHeadings(tree), options.lang), 'section headings'],
    [title, 'title'],
  ];
  const [described, descriptionFrom] = candidates.find(([text]) => text) as [string, ImportedNote['descriptionFrom']];
  const description = truncate(described);
  if (description !== described) warnings.push({ message: `description shortened to ${DESCRIPTION_MAX} characters` });

  const mapping = mapTags([...jekyllTags(frontMatter), ...(options.extraTags ?? [])], options.registry);
  for (const tag of mapping.dropped) warnings.push({ message: `tag "${tag}" dropped (no letters or digits)` });
  if (mapping.ids.length === 0) throw new ImportError('no tags: give the post "tags: […]" or pass --tags a,b');

  const published = frontMatter.published;
  const fields: NoteFields = {
    title,
    description,
    date,
    tags: mapping.ids,
    draft: published === false || published === 'false',
  };
  return {
    text: `${renderFrontmatter(fields)}\n${converted.body}`,
    fields,
    newTags: mapping.added,
    missingImages: converted.missingImages,
    warnings,
    escapedDollars: converted.escapedDollars,
    descriptionFrom,
  };
}
