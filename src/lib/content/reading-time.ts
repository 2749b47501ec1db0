/** Reading speeds for study material, slower than for light prose. */
export const CJK_CHARS_PER_MINUTE = 300;
export const WORDS_PER_MINUTE = 200;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

/**
 * Minutes to read `text`: CJK characters / 300 + Latin words / 200, rounded up, at least 1.
 * Counting both lets mixed Chinese-English notes get a fair estimate.
 */
export function readingMinutes(text: string): number {
  const cjkCount = text.match(CJK)?.length ?? 0;
  const latinWords = text.replace(CJK, ' ').match(/[A-Za-z0-9][\w'’.-]*/g)?.length ?? 0;
  const minutes = cjkCount / CJK_CHARS_PER_MINUTE + latinWords / WORDS_PER_MINUTE;
  return Math.max(1, Math.ceil(minutes));
}

/** Strips Markdown syntax that is not read aloud: code fences, math, link targets, HTML tags. */
export function readableText(markdown: string): string {
  return markdown
    .replace(/^---[\s\S]*?\n---/, '')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' formula ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^(import|export) .*$/gm, ' ');
}
