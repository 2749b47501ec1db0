// Why: rehype-katex reports a bad formula as a warning and renders it in red, so a typo ships silently.
// This runs rehype-katex and turns its warnings into a build error naming the file, line and formula.
import rehypeKatex, { type Options as KatexOptions } from 'rehype-katex';
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { linesBeforeBody } from '../pipeline/render/source-lines.ts';

export class FormulaError extends Error {
  override name = 'FormulaError';
}

export default function rehypeKatexStrict(options: KatexOptions = {}) {
  // rehype-katex is a plain unified attacher; it does not use `this`.
  const render = (rehypeKatex as unknown as (o: KatexOptions) => (tree: Root, file: VFile) => void)(options);
  return function transform(tree: Root, file: VFile) {
    const before = file.messages.length;
    render(tree, file);
    const failures = file.messages.slice(before).filter((m) => m.source === 'rehype-katex');
    if (failures.length === 0) return;
    const where = file.path ?? 'a note';
    const offset = linesBeforeBody(file);
    const details = failures
      .map((m) => {
        const bodyLine = m.place && 'line' in m.place ? m.place.line : m.place?.start.line;
        const line = bodyLine === undefined ? undefined : bodyLine + offset;
        const cause = m.cause instanceof Error ? m.cause.message : m.reason;
        return `  ${where}${line ? `:${line}` : ''}  ${cause}`;
      })
      .join('\n');
    throw new FormulaError(
      `KaTeX cannot render ${failures.length === 1 ? 'a formula' : `${failures.length} formulas`}:\n${details}\n` +
        'Fix the TeX (only commands KaTeX supports: https://katex.org/docs/supported), or, if a "$" is not math, ' +
        'escape it as "\\$".',
    );
  };
}
