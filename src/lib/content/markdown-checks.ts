/**
 * The line of a code fence that is opened and never closed, or undefined. An unclosed fence silently turns
 * the rest of a note into code, so it is reported instead. Fences: three or more backticks or tildes,
 * closed by at least as many of the same character (CommonMark).
 */
export function unclosedFence(source: string): number | undefined {
  const lines = source.split(/\r?\n/);
  let start = 0;
  if (lines[0] === '---') start = lines.indexOf('---', 1) + 1; // skip frontmatter
  let open: { char: string; length: number; line: number } | undefined;
  for (let i = start; i < lines.length; i++) {
    const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(lines[i]!);
    if (!match) continue;
    const fence = match[1]!;
    if (!open) {
      if (fence[0] === '`' && match[2]!.includes('`')) continue; // not a fence: backticks in the info string
      open = { char: fence[0]!, length: fence.length, line: i + 1 };
    } else if (fence[0] === open.char && fence.length >= open.length && match[2]!.trim() === '') {
      open = undefined;
    }
  }
  return open?.line;
}

/** Deeper than this, a list or quote is a mistake or an attack: Markdown parsers slow down quadratically. */
export const MAX_NESTING = 100;

/**
 * The first line whose block quotes and list items nest deeper than `max` (counting `>` and list markers at the
 * start of the line, and two columns of indentation as a level), outside fenced code; `undefined` when none does.
 * Checked before any parser sees the note: a 10,000-deep list takes minutes to parse, then overflows the stack.
 */
export function tooDeeplyNested(source: string, max = MAX_NESTING): number | undefined {
  const lines = source.split(/\r?\n/);
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    let depth = 0;
    let at = 0;
    for (;;) {
      const step = /^[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/.exec(line.slice(at));
      if (!step) break;
      depth += 1 + Math.floor(step[0].replace(/\t/g, '    ').length / 2 - 0.5);
      at += step[0].length;
    }
    depth += Math.floor((/^[ \t]*/.exec(line.slice(at))![0].replace(/\t/g, '    ').length) / 2);
    if (depth > max) return i + 1;
  }
  return undefined;
}
