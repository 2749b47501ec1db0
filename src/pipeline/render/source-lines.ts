// Why: Astro hands the processor a note's body without its frontmatter (and trimmed), so the positions plugins
// see are body-relative. Messages must name the line of the file a contributor edits: every plugin that reports a
// line turns a body line into a file line here.
import { readFileSync } from 'node:fs';
import type { VFile } from 'vfile';

/** How many lines of the file come before the body the processor sees (0 when the file cannot be read). */
export function linesBeforeBody(file: VFile): number {
  if (!file.path) return 0;
  try {
    const source = readFileSync(file.path, 'utf8');
    const body = String(file.value);
    // Astro also trims the body, so find where it starts rather than assume it runs to the end.
    const start = source.indexOf(body.slice(0, 500));
    return start > 0 ? source.slice(0, start).split('\n').length - 1 : 0;
  } catch {
    return 0;
  }
}
