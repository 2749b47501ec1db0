import { stringify } from 'yaml';
import type { Lang } from './lang.ts';

/** The fields a new or imported note is written with (the schema in `note-schema.ts` checks them). */
export interface NoteFields {
  title: string;
  description: string;
  /** `YYYY-MM-DD`. */
  date: string;
  tags: readonly string[];
  draft?: boolean | undefined;
}

/** The heading that `remark-toc` fills with the note's table of contents, per language. */
export const TOC_HEADING: Record<Lang, string> = { zh: '目录', en: 'Contents' };

/**
 * A YAML scalar on one line, quoted only when YAML needs it (`: `, a leading `[`, `yes`, …). Quoted by YAML 1.1's
 * rules, which Astro's front matter parser follows: a title `2024-01-01` or `yes` must stay a string there too.
 */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0, version: '1.1' }).trimEnd();
}

/**
 * The frontmatter block of a note, in the project's house order and style
 * (`tags: [a, b]` on one line, dates unquoted).
 */
export function renderFrontmatter(fields: NoteFields): string {
  const lines = [
    '---',
    `title: ${scalar(fields.title)}`,
    `description: ${scalar(fields.description)}`,
    `date: ${fields.date}`,
    `tags: [${fields.tags.map(scalar).join(', ')}]`,
  ];
  if (fields.draft) lines.push('draft: true');
  lines.push('---');
  return `${lines.join('\n')}\n`;
}

const BODY: Record<Lang, string> = {
  zh: `一段引言：这篇笔记讲什么，读者需要先读过什么（链接到其他笔记，例如 [神经元](/notes/neuron/)）。

## ${TOC_HEADING.zh}

## 第一节

正文。行内公式写作 $y = f(x)$；独立公式单独成段：

$$
y = f(\\mathbf w^\\top \\mathbf x + b)
$$

不是公式的美元符号要写成 \\$，例如 \\$HOME。
`,
  en: `An introduction: what this note covers and what a reader should have read first (link other notes, e.g.
[the neuron](/en/notes/neuron/)).

## ${TOC_HEADING.en}

## First section

Body text. Inline math is written $y = f(x)$; display math is a paragraph of its own:

$$
y = f(\\mathbf w^\\top \\mathbf x + b)
$$

A dollar sign that is not math is written \\$, e.g. \\$HOME.
`,
};

/** Placeholder description of a new note: valid for the schema, and obviously to be replaced. */
export const DESCRIPTION_PLACEHOLDER: Record<Lang, string> = {
  zh: 'TODO：用一两句话说明这篇笔记讲什么（最多 200 个字符），用于预览和搜索结果。',
  en: 'TODO: one or two sentences on what this note covers (at most 200 characters), for previews and search results.',
};

/** A new note: frontmatter plus a short body showing the table of contents, a section and math. */
export function noteTemplate(lang: Lang, fields: NoteFields): string {
  return `${renderFrontmatter(fields)}\n${BODY[lang]}`;
}

/** Today's date as `YYYY-MM-DD` in the local time zone of the person running the tool. */
export function isoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
