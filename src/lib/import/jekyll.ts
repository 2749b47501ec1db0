import { parse as parseYaml } from 'yaml';
import type { Lang } from '../content/lang.ts';
import { DESCRIPTION_MAX } from '../content/note-schema.ts';
import { rawDateProblem } from '../content/frontmatter-check.ts';
import { renderFrontmatter, TOC_HEADING, type NoteFields } from '../content/note-template.ts';
import { slugify, dateFromFileName } from '../text/slugify.ts';
import type { TagRegistry } from '../content/tags.ts';

/**
 * Converting a Jekyll post (kramdown flavour, as in the seed document) into a note of this site.
 * Pure: file access is done by the caller and handed in as callbacks (`resolveImage`, `checkMath`).
 */

/** A problem that stops one post from being imported, phrased with its fix. */
export class ImportError extends Error {
  override name = 'ImportError';
}

// ---------------------------------------------------------------------------------------------------------
// Front matter

export interface JekyllPost {
  /** The parsed YAML front matter (`{}` when the post has none). */
  frontMatter: Record<string, unknown>;
  /** The Markdown after the front matter, with `\n` line ends. */
  body: string;
}

/** Splits a Jekyll post into its YAML front matter and its body. Throws `ImportError` on broken YAML. */
export function parseJekyllPost(source: string): JekyllPost {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { frontMatter: {}, body: text };
  let data: unknown;
  try {
    // The core schema keeps `2017-09-22 12:15:00` a string, so the date is taken as written.
    data = parseYaml(match[1]!, { schema: 'core' });
  } catch (error) {
    throw new ImportError(`the front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const frontMatter = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return { frontMatter, body: text.slice(match[0].length) };
}

/** `2017-09-22 12:15:00 +0800` → `2017-09-22` (the calendar date as the author wrote it, no time-zone shift). */
export function jekyllDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[\sT])/.exec(value);
  return m ? m[1] : undefined;
}

/** Jekyll accepts `tags: [a, b]`, a YAML list, or a string split on spaces (`tags: ml python`). */
export function jekyllTags(frontMatter: Record<string, unknown>): string[] {
  const raw = frontMatter.tags ?? frontMatter.tag ?? frontMatter.categories ?? frontMatter.category;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  return list.map((t) => String(t ?? '').trim()).filter((t) => t !== '');
}

// ---------------------------------------------------------------------------------------------------------
// Tags

export interface TagMapping {
  /** Registry ids, in the post's order, without duplicates. */
  ids: string[];
  /** Ids that are not in the registry yet and must be added to it (a subset of `ids`). */
  added: string[];
  /** Tags that give no usable id at all (only symbols). */
  dropped: string[];
}

function tagKey(value: string): string {
  return value
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/**
 * Maps Jekyll tags onto the registry, case-insensitively: a tag matches an id (`Deep_Learning` →
 * `deep-learning`) or a label in either language (`机器学习` or `Machine Learning` → `machine-learning`).
 * Anything else becomes a new id made by `slugify` (Chinese kept), reported in `added`.
 */
export function mapTags(tags: readonly string[], registry: TagRegistry): TagMapping {
  const byKey = new Map<string, string>();
  for (const [id, label] of Object.entries(registry)) {
    byKey.set(tagKey(id), id);
    byKey.set(tagKey(label.en), id);
    byKey.set(tagKey(label.zh), id);
  }
  const ids: string[] = [];
  const added: string[] = [];
  const dropped: string[] = [];
  for (const tag of tags) {
    const slug = slugify(tag);
    const id = byKey.get(tagKey(tag)) ?? (slug ? byKey.get(slug) : undefined) ?? slug;
    if (!id) {
      dropped.push(tag);
      continue;
    }
    if (ids.includes(id)) continue;
    ids.push(id);
    if (!(id in registry)) added.push(id);
  }
  return { ids, added, dropped };
}

// ---------------------------------------------------------------------------------------------------------
// Code-fence languages

/** Lowercase id or alias → Shiki's language id, e.g. `js` → `javascript`. Build it with `languageTable`. */
export type LanguageTable = ReadonlyMap<string, string>;

/** Shiki's own plain-text ids: always available, not in its list of bundled grammars. */
const PLAIN_TEXT = ['text', 'txt', 'plain', 'plaintext'];

/** A lookup table from Shiki's `bundledLanguagesInfo` (each language's id and its aliases). */
export function languageTable(
  infos: ReadonlyArray<{ id: string; aliases?: readonly string[] | undefined }>,
): LanguageTable {
  const table = new Map<string, string>(PLAIN_TEXT.map((id) => [id, 'text']));
  for (const info of infos) {
    table.set(info.id.toLowerCase(), info.id);
    for (const alias of info.aliases ?? []) table.set(alias.toLowerCase(), info.id);
  }
  return table;
}

/**
 * The Shiki id for a fence's language as written in a Jekyll post, lowercased: `C` → `c`, `JSON` → `json`,
 * `JS` → `js` (an alias Shiki and the code-block label both know). `known` is false when Shiki has no
 * such grammar; the id is then `text`, so the block is shown as plain text instead of failing the build.
 */
export function normalizeFenceLanguage(language: string, table: LanguageTable): { id: string; known: boolean } {
  const lower = language.toLowerCase();
  return table.has(lower) ? { id: lower, known: true } : { id: 'text', known: false };
}

// ---------------------------------------------------------------------------------------------------------
// Dollar signs

/** Decides whether TeX renders; the importer passes KaTeX here, tests pass a stub. */
export type MathCheck = (tex: string, display: boolean) => boolean;

const HAN = /\p{Script=Han}/u;

/**
 * Whether the text between two single dollars on one line reads as a formula. remark-math treats any
 * `$…$` as math, so prose such as `$5 and $10` or `$HOME/$USER` would become a formula (or a KaTeX
 * error). The rules, in order (a "no" escapes both dollars, which is the safe mistake: the reader sees
 * the TeX source instead of a broken page):
 * 1. Pandoc's rule: no space just inside either dollar, no digit just after the closing one
 *    (`$5 and $10`, `$5-$10`), and the opening one not glued to a word (`US$5`).
 * 2. Not shell: an upper-case variable followed by a path or separator (`$HOME/`, `$PATH:`),
 *    `${VAR}`, `$(cmd -flag)`, or a double quote (`"$1"/"$2"`).
 * 3. Not prose: no Chinese outside `\text{}`, no two plain words in a row.
 * 4. Some sign of maths: a TeX command, one of `^ _ { } = + - * / < > | ( ) [ ] , '`, a Greek letter,
 *    or a short symbol (`x`, `n`, `k2`).
 */
export function looksLikeInlineMath(content: string, before: string, after: string): boolean {
  if (content === '' || /^\s|\s$/.test(content)) return false;
  if (/^\d/.test(after) || /[A-Za-z0-9]/.test(before)) return false;
  if (/^[A-Z]{2,}[A-Z0-9_]*(?:[/:.,;]|$)/.test(content) && !/^[A-Z]{2,}[A-Z0-9_]*$/.test(content)) return false;
  if (/^\{[A-Za-z_][A-Za-z0-9_]*\}/.test(content)) return false;
  if (/^\(.*(?:\s--?[a-z]|\/[a-z])/.test(content)) return false;
  if (content.includes('"')) return false;
  const plain = content
    .replace(/\\(?:text|mathrm|textbf|mbox|operatorname)\{[^}]*\}/g, ' ')
    .replace(/\\[A-Za-z]+/g, ' ');
  if (HAN.test(plain)) return false;
  if (/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(plain)) return false;
  if (/\\[A-Za-z]|[\^_{}=+\-*/<>|()[\],']|[\u0391-\u03C9]/.test(content)) return true;
  return /^[A-Za-z][0-9]?$|^[0-9]$/.test(content);
}

/** Finds `` `code` `` spans on a line (CommonMark: a run of n backticks closed by the next run of n). */
function codeSpans(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const runs = [...line.matchAll(/`+/g)].map((m) => ({ start: m.index, length: m[0].length }));
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    const close = runs.slice(i + 1).findIndex((r) => r.length === open.length);
    if (close < 0) continue;
    const end = runs[i + 1 + close]!;
    spans.push([open.start, end.start + end.length]);
    i += 1 + close;
  }
  return spans;
}

/**
 * Escapes every dollar of one line of prose that does not delimit a formula, so remark-math leaves
 * `$HOME`, `$1` and `$5 and $10` as text. A formula (`$x^2$`, `$$E = mc^2$$`) is kept when
 * `looksLikeInlineMath` says so (for `$$…$$`, written on purpose, any content) and `checkMath`, if given,
 * renders it. Dollars inside `` `code` `` and ones already escaped (`\$`) are left alone.
 *
 * Only the dollars that are kept stay unescaped, and they pair up in order, the way remark-math pairs
 * them; so what this function keeps is exactly what becomes math.
 */
export function escapeDollars(
  line: string,
  checkMath?: MathCheck,
): { line: string; escaped: number; rejected: string[] } {
  const spans = codeSpans(line);
  const inCode = (i: number) => spans.some(([s, e]) => i >= s && i < e);
  const runs: Array<{ start: number; length: number }> = [];
  for (const m of line.matchAll(/\$+/g)) {
    if (inCode(m.index)) continue;
    let backslashes = 0;
    for (let i = m.index - 1; i >= 0 && line[i] === '\\'; i--) backslashes++;
    // `\$$` is an escaped dollar followed by a run of one.
    const start = backslashes % 2 === 1 ? m.index + 1 : m.index;
    const length = m[0].length - (start - m.index);
    if (length > 0) runs.push({ start, length });
  }
  const escapeAt = new Set<number>();
  const rejected: string[] = [];
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    const close = runs[i + 1];
    if (close && close.length === open.length && open.length <= 2) {
      const content = line.slice(open.start + open.length, close.start);
      const after = line.slice(close.start + close.length);
      const display = open.length === 2;
      const shaped = display
        ? content.trim() !== '' && !HAN.test(content.replace(/\\text\{[^}]*\}/g, ''))
        : looksLikeInlineMath(content, line.slice(0, open.start).slice(-1), after);
      if (shaped && (!checkMath || checkMath(content, display))) {
        i++;
        continue;
      }
      if (shaped) rejected.push(content);
    }
    for (let k = 0; k < open.length; k++) escapeAt.add(open.start + k);
  }
  if (escapeAt.size === 0) return { line, escaped: 0, rejected };
  let out = '';
  for (let i = 0; i < line.length; i++) out += escapeAt.has(i) ? `\\${line[i]}` : line[i];
  return { line: out, escaped: escapeAt.size, rejected };
}

// ---------------------------------------------------------------------------------------------------------
// Body

export interface ConvertOptions {
  lang: Lang;
  languages: LanguageTable;
  /**
   * Called for each image with a local path (relative, or root-absolute in the Jekyll site). Returns the
   * URL to link instead (after copying the file), or `undefined` when the file is not found.
   */
  resolveImage?: ((src: string) => string | undefined) | undefined;
  checkMath?: MathCheck | undefined;
}

export interface ConvertedBody {
  body: string;
  /** Local images that were not found; each was replaced by an HTML comment naming it. */
  missingImages: string[];
  /** Things a person should look at, one short phrase each (`line 12: unknown code language "foo" → text`). */
  warnings: string[];
  /** Number of dollar signs escaped as not-math. */
  escapedDollars: number;
}

const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})[ \t]*([^\s`{]*)(.*)$/;
const LIST_ITEM = /^\s*(?:[*+-]|\d+[.)])\s+/;
const TOC_MARKER = /^\s*\{:\s*toc\s*\}\s*$/i;
const BLOCK_IAL = /^\s*\{:[^}]*\}\s*$/; // kramdown attribute lists on their own line: {: .class}, {:.no_toc}
const TRAILING_IAL = /\s*\{(?::[^}]*|#[\w-]+)\}\s*$/; // `## Title {#id}`, `## Title {: .no_toc}`
const HIGHLIGHT_OPEN = /^\s*\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}\s*$/;
const HIGHLIGHT_CLOSE = /^\s*\{%-?\s*endhighlight\s*-?%\}\s*$/;
const LIQUID_RAW = /\{%-?\s*(?:end)?raw\s*-?%\}/g;
const SITE_URL = /\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}/g;
const HTML_BLOCK = /^\s{0,3}<(?:[A-Za-z][\w-]*|\/[A-Za-z]|!--)/;
const MD_IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?((?:\s+"[^"]*"|\s+'[^']*')?)\s*\)/g;
const HTML_IMAGE = /<img\b[^>]*?\bsrc=(["'])([^"']+)\1[^>]*>/gi;

function isLocal(src: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(src);
}

/**
 * Converts a kramdown body to this site's Markdown:
 * - `* content` + `{:toc}` → a `## 目录` / `## Contents` heading, which remark-toc fills;
 * - other kramdown attribute lists (`{: .class}`, `{:.no_toc}`, `{#id}`) are dropped; `##Title` → `## Title`;
 * - `{% highlight c %}` blocks → fences; fence languages → Shiki ids, unknown → `text`;
 * - `$$…$$` blocks become display math, one `$$…$$` alone in a paragraph too (kramdown shows it as
 *   display math; remark-math would show it inline); dollars that are not math are escaped;
 * - local images are handed to `resolveImage`; one not found is replaced by a comment and reported.
 */
export function convertJekyllBody(body: string, options: ConvertOptions): ConvertedBody {
  const input = body.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  const missingImages: string[] = [];
  const warnings: string[] = [];
  let escapedDollars = 0;
  const blank = (s: string | undefined) => s === undefined || s.trim() === '';

  const fixImages = (line: string): string => {
    const resolve = (src: string): string | undefined => (options.resolveImage ? options.resolveImage(src) : src);
    const missing = (src: string, alt: string) => {
      missingImages.push(src);
      const safe = (text: string) => text.replace(/--/g, '- -');
      return `<!-- image not found when importing: ${safe(src)}${alt ? ` (${safe(alt)})` : ''} -->`;
    };
    let fixed = line.replace(MD_IMAGE, (whole, alt: string, src: string) => {
      if (!isLocal(src)) return whole;
      const url = resolve(src);
      return url === undefined ? missing(src, alt) : whole.replace(src, () => url);
    });
    fixed = fixed.replace(HTML_IMAGE, (whole, _quote: string, src: string) => {
      if (!isLocal(src)) return whole;
      const url = resolve(src);
      return url === undefined
        ? missing(src, /\balt=["']([^"']*)/i.exec(whole)?.[1] ?? '')
        : whole.replace(src, () => url);
    });
    return fixed;
  };

  const prose = (line: string, lineNo: number): string => {
    const result = escapeDollars(fixImages(line), options.checkMath);
    escapedDollars += result.escaped;
    for (const tex of result.rejected) warnings.push(`line ${lineNo}: KaTeX cannot render "${tex}", kept as text`);
    if (/\{%|\{\{/.test(line.replace(LIQUID_RAW, ''))) warnings.push(`line ${lineNo}: Liquid tag left as text`);
    return result.line;
  };

  for (let i = 0; i < input.length; i++) {
    const lineNo = i + 1;
    const line = input[i]!.replace(LIQUID_RAW, '').replace(SITE_URL, '');
    if (/^\s*$/.test(line) && /\{%/.test(input[i]!)) continue; // a line that held only {% raw %}

    // Fenced code: copied as is, language normalized.
    const fence = FENCE_OPEN.exec(line);
    const highlight = HIGHLIGHT_OPEN.exec(line);
    if (fence || highlight) {
      const indent = fence ? fence[1]! : '';
      const marker = fence ? fence[2]! : '```';
      const language = fence ? fence[3]! : highlight![1]!;
      const rest = fence ? fence[4]! : '';
      let info = '';
      if (language !== '') {
        const { id, known } = normalizeFenceLanguage(language, options.languages);
        if (!known) warnings.push(`line ${lineNo}: unknown code language "${language}", shown as plain text`);
        info = id + rest;
      }
      out.push(`${indent}${marker}${info}`);
      const closes = (l: string) =>
        fence
          ? new RegExp(`^\\s*${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`).test(l)
          : HIGHLIGHT_CLOSE.test(l);
      let j = i + 1;
      while (j < input.length && !closes(input[j]!)) out.push(input[j++]!);
      out.push(`${indent}${marker}`);
      i = j;
      continue;
    }

    // kramdown's table of contents: `* content` (any list item) then `{:toc}`.
    if (TOC_MARKER.test(line)) {
      if (out.length > 0 && LIST_ITEM.test(out.at(-1)!)) out.pop();
      if (!blank(out.at(-1))) out.push('');
      out.push(`## ${TOC_HEADING[options.lang]}`);
      if (!blank(input[i + 1])) out.push('');
      continue;
    }
    if (BLOCK_IAL.test(line)) continue;
    if (/^\s*<!--\s*more\s*-->\s*$/.test(line)) continue;

    // Display math: `$$` … `$$` over several lines (no blank line inside), or `$$…$$` as a paragraph.
    const trimmed = line.trim();
    if (trimmed.startsWith('$$')) {
      // Kept at the opener's indentation, so a formula inside a list item stays in it.
      const indent = line.slice(0, line.length - line.trimStart().length);
      const single = /^\$\$(.+?)\$\$$/.exec(trimmed);
      let block: string[] | undefined;
      let end = i;
      if (single && blank(out.at(-1)) && blank(input[i + 1])) {
        block = [indent + single[1]!.trim()];
      } else if (!trimmed.slice(2).includes('$$')) {
        const inner = [indent + trimmed.slice(2)];
        for (let j = i + 1; j < input.length && !blank(input[j]); j++) {
          const t = input[j]!.trim();
          if (t.endsWith('$$')) {
            inner.push(indent + t.slice(0, -2));
            block = inner.filter((l) => l.trim() !== '');
            end = j;
            break;
          }
          inner.push(input[j]!);
        }
      }
      if (block) {
        const tex = block.map((l) => l.trim()).join('\n');
        if (options.checkMath && !options.checkMath(tex, true)) {
          warnings.push(`line ${lineNo}: KaTeX cannot render a display formula, kept as a tex code block`);
          out.push(`${indent}\`\`\`tex`, ...block, `${indent}\`\`\``);
        } else {
          out.push(`${indent}$$`, ...block, `${indent}$$`);
        }
        i = end;
        continue;
      }
    }

    // Raw HTML: dollars are not math there, so nothing is escaped; images are still collected.
    if (HTML_BLOCK.test(line) && blank(out.at(-1))) {
      let j = i;
      while (j < input.length && !blank(input[j])) out.push(fixImages(input[j++]!.replace(SITE_URL, '')));
      i = j - 1;
      continue;
    }

    // Headings: kramdown allows `##Title`; CommonMark needs the space. Header ids `{#id}` are dropped.
    const heading = /^(#{1,6})(?!#)\s*(.*)$/.exec(line);
    if (heading && heading[2]!.trim() !== '') {
      out.push(prose(`${heading[1]} ${heading[2]!.replace(TRAILING_IAL, '').trimEnd()}`, lineNo));
      continue;
    }
    out.push(
      prose(
        line.replace(/[ \t]+$/, (ws) => (ws.length >= 2 ? ws : '')),
        lineNo,
      ),
    );
  }

  const text = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .replace(/\n*$/, '\n');
  return { body: text, missingImages, warnings, escapedDollars };
}

// ---------------------------------------------------------------------------------------------------------
// Description

/** Markdown inline syntax → plain text, for a description. */
function plainText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|_|~~|`+)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!$])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Joins wrapped lines: no space between two Chinese characters, one space otherwise. */
function joinLines(lines: readonly string[]): string {
  return lines.reduce((text, line) => {
    const next = line.trim();
    if (text === '') return next;
    return /[\p{Script=Han}，。、；：！？）]$/u.test(text) && /^[\p{Script=Han}（]/u.test(next)
      ? text + next
      : `${text} ${next}`;
  }, '');
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
 * code, math and HTML are skipped. `undefined` when there is none.
 */
export function firstParagraph(body: string): string | undefined {
  const lines = body.split('\n');
  let inFence = false;
  let inMath = false;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (/^(`{3,}|~{3,})/.test(t)) inFence = !inFence;
    if (t === '$$') inMath = !inMath;
    if (inFence || inMath || t === '' || /^(`{3,}|~{3,}|\$\$|#|>|\||<|!\[|[*+-]\s|\d+[.)]\s)/.test(t)) continue;
    const paragraph: string[] = [];
    for (let j = i; j < lines.length && lines[j]!.trim() !== ''; j++) paragraph.push(lines[j]!);
    const text = plainText(joinLines(paragraph));
    if (text !== '') return text;
  }
  return undefined;
}

/** The text of the body's `##` headings (outside code), without the table-of-contents heading. */
export function sectionHeadings(body: string): string[] {
  const headings: string[] = [];
  let inFence = false;
  for (const line of body.split('\n')) {
    if (/^\s*(`{3,}|~{3,})/.test(line)) inFence = !inFence;
    const m = /^## (.+)$/.exec(line);
    if (inFence || !m) continue;
    const text = plainText(m[1]!);
    if (text !== '' && !Object.values(TOC_HEADING).includes(text)) headings.push(text);
  }
  return headings;
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

// ---------------------------------------------------------------------------------------------------------
// Whole post

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
  warnings: string[];
  escapedDollars: number;
  /** Where the description came from. */
  descriptionFrom: 'subtitle' | 'description' | 'first paragraph' | 'section headings' | 'title';
}

/**
 * A Jekyll post → a note: `title` kept; `subtitle` becomes the description (a subtitle that only repeats
 * the title counts as none; then `description`, else the first paragraph, else the title followed by the
 * section headings, else the title), shortened to 200 characters; the date kept (from the front matter,
 * else the file name); tags mapped onto the registry; `published: false` → `draft: true`; `layout`,
 * `author`, `header-img`, `catalog` and other theme keys dropped. Throws `ImportError` when the post
 * cannot become a valid note (no title, no date, no tag).
 */
export function importJekyllPost(source: string, options: ImportOptions): ImportedNote {
  const { frontMatter, body } = parseJekyllPost(source);
  const title =
    typeof frontMatter.title === 'string' || typeof frontMatter.title === 'number'
      ? String(frontMatter.title).trim()
      : '';
  if (title === '') throw new ImportError('no title in the front matter: add "title: …"');

  const date = jekyllDate(frontMatter.date) ?? dateFromFileName(options.fileName);
  if (!date)
    throw new ImportError('no date: add "date: YYYY-MM-DD" to the front matter or start the file name with it');
  const dateProblem = rawDateProblem(date);
  if (dateProblem) throw new ImportError(`date: ${dateProblem}`);

  const converted = convertJekyllBody(body, options);
  const warnings = [...converted.warnings];

  const subtitle = typeof frontMatter.subtitle === 'string' ? plainText(frontMatter.subtitle) : '';
  const given = typeof frontMatter.description === 'string' ? plainText(frontMatter.description) : '';
  const paragraph = firstParagraph(converted.body);
  const outline = outlineDescription(title, sectionHeadings(converted.body), options.lang);
  const candidates: Array<[string | undefined, ImportedNote['descriptionFrom']]> = [
    [subtitle && subtitle !== title ? subtitle : undefined, 'subtitle'],
    [given && given !== title ? given : undefined, 'description'],
    [paragraph, 'first paragraph'],
    [outline, 'section headings'],
    [title, 'title'],
  ];
  const [described, descriptionFrom] = candidates.find(([text]) => text) as [string, ImportedNote['descriptionFrom']];
  const description = truncate(described);
  if (description !== described) warnings.push(`description shortened to ${DESCRIPTION_MAX} characters`);

  const mapping = mapTags([...jekyllTags(frontMatter), ...(options.extraTags ?? [])], options.registry);
  for (const tag of mapping.dropped) warnings.push(`tag "${tag}" dropped (no letters or digits)`);
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
