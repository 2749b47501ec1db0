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
