import GithubSlugger from 'github-slugger';

/** What a hover preview shows of a note: its opening paragraph, and the first paragraph of each section. */
export interface NotePreview {
  title: string;
  description: string;
  intro: string;
  sections: Record<string, { title: string; text: string }>;
}

export const PREVIEW_LENGTH = 220;

/** Markdown inline syntax reduced to the text a reader sees (TeX of inline math is kept, without `$`). */
export function plainText(markdown: string): string {
  // Inline math is kept as its TeX, untouched by the Markdown rules below (x_1 is not emphasis).
  return markdown
    .split(/(\$[^$]+\$)/)
    .map((part, i) =>
      i % 2 === 1
        ? part.slice(1, -1)
        : part
            .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
            .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
            .replace(/\[\^[^\]]+\]/g, '')
            .replace(/\[@[^\]]+\]/g, '')
            .replace(/<[^>]+>/g, '')
            .replace(/`([^`]*)`/g, '$1')
            .replace(/(\*\*|__|\*|~~)(\S(?:.*?\S)?)\1/g, '$2')
            .replace(/(^|[^\w])_(\S(?:.*?\S)?)_(?![\w])/g, '$1$2'),
    )
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function shorten(text: string, length = PREVIEW_LENGTH): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

/** Blocks that are not prose paragraphs: headings, lists, tables, quotes, code, math, HTML, MDX lines. */
const NOT_PROSE = /^(#|[-*+] |\d+\. |\||>|```|~~~|\$\$|<|import |export |\{)/;

/**
 * The intro (first prose paragraph before the first heading, or the first at all) and, per heading id
 * (GitHub slug rules, as the pages use), the heading's text and its first prose paragraph.
 */
export function extractPreview(markdown: string, meta: { title: string; description: string }): NotePreview {
  const body = markdown
    .replace(/^---[\s\S]*?\n---\s*\n/, '')
    .replace(/```[\s\S]*?```/g, '\n')
    .replace(/\$\$[\s\S]*?\$\$/g, '\n');
  const slugger = new GithubSlugger();
  const sections: NotePreview['sections'] = {};
  let intro = '';
  let current: { title: string; text: string } | undefined;
  for (const block of body.split(/\n\s*\n/)) {
    const text = block.trim();
    if (!text) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(text.split('\n')[0]!);
    if (heading) {
      const title = plainText(heading[2]!);
      current = { title, text: '' };
      sections[slugger.slug(title)] = current;
      continue;
    }
    if (NOT_PROSE.test(text)) continue;
    const prose = shorten(plainText(text));
    if (!prose) continue;
    if (!current && !intro) intro = prose;
    else if (current && !current.text) current.text = prose;
  }
  if (!intro) intro = Object.values(sections).find((s) => s.text)?.text ?? '';
  return { ...meta, intro, sections };
}
