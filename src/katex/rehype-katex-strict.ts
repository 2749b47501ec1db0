// Why: rehype-katex reports a bad formula as a warning and renders it in red, so a typo ships silently; and with
// trust off KaTeX draws \href, \url, \includegraphics and \html… in red without even a warning. This runs
// rehype-katex with trust off, and turns both into a build error naming the file, line and formula.
import rehypeKatex, { type Options as KatexOptions } from 'rehype-katex';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { linesBeforeBody } from '../pipeline/render/source-lines.ts';
import { untrustedCommandMessage, untrustedCommands } from './untrusted-commands.ts';

export class FormulaError extends Error {
  override name = 'FormulaError';
}

/** KaTeX's options; `trust` may only be off (the default here). */
export type StrictKatexOptions = Omit<KatexOptions, 'trust'> & { trust?: false };

/** The classes rehype-katex renders an element for (remark-math's inline and display math, ```math blocks). */
const MATH_CLASSES = ['language-math', 'math-display', 'math-inline'];

type Point = NonNullable<Element['position']>['start'];

interface Problem {
  /** Where the formula starts in the note's body, as the processor sees it. */
  place: Point | undefined;
  message: string;
}

export default function rehypeKatexStrict(options: StrictKatexOptions = {}) {
  const settings: KatexOptions = { ...options, trust: false };
  // rehype-katex is a plain unified attacher; it does not use `this`.
  const render = (rehypeKatex as unknown as (o: KatexOptions) => (tree: Root, file: VFile) => void)(settings);
  return function transform(tree: Root, file: VFile) {
    // Looked for first: rendering replaces the formulas' elements, positions and all.
    const refused = refusedFormulas(tree, settings);
    const before = file.messages.length;
    render(tree, file);
    const refusedAt = new Set(refused.map((problem) => pointKey(problem.place)));
    const failures = file.messages
      .slice(before)
      .filter((m) => m.source === 'rehype-katex')
      .map((m) => ({
        place: m.place && 'line' in m.place ? m.place : (m.place?.start ?? startOf([...(m.ancestors ?? [])].reverse())),
        message: m.cause instanceof Error ? m.cause.message : m.reason,
      }))
      // A refused \html… also fails strict mode ("HTML extension"): the refusal says more.
      .filter((failure) => !refusedAt.has(pointKey(failure.place)));
    if (failures.length === 0 && refused.length === 0) return;
    const offset = linesBeforeBody(file);
    const list = (problems: Problem[]) =>
      problems
        .map(({ place, message }) => {
          const line = place === undefined ? '' : `:${place.line + offset}`;
          return `  ${file.path ?? 'a note'}${line}  ${message}`;
        })
        .join('\n');
    const sections: string[] = [];
    if (failures.length > 0)
      sections.push(
        `KaTeX cannot render ${failures.length === 1 ? 'a formula' : `${failures.length} formulas`}:\n${list(failures)}\n` +
          'Fix the TeX (only commands KaTeX supports: https://katex.org/docs/supported), or, if a "$" is not math, ' +
          'escape it as "\\$".',
      );
    if (refused.length > 0)
      sections.push(`KaTeX commands that notes may not use (KaTeX's trust option is off):\n${list(refused)}`);
    throw new FormulaError(sections.join('\n'));
  };
}

/** Where the first of `nodes` with a position starts: a display formula's `<code>` has none, its `<pre>` has. */
const startOf = (nodes: ReadonlyArray<{ position?: { start: Point } | undefined } | undefined>) =>
  nodes.find((node) => node?.position)?.position?.start;

const pointKey = (point: Point | undefined) => (point ? `${point.line}:${point.column}` : 'nowhere');

/** Each formula that uses a command KaTeX gates behind `trust`, with the command and what to write instead. */
function refusedFormulas(tree: Root, settings: KatexOptions): Problem[] {
  const refused: Problem[] = [];
  visit(tree, 'element', (element: Element, _index, parent) => {
    const classes = Array.isArray(element.properties.className) ? element.properties.className : [];
    if (!MATH_CLASSES.some((name) => classes.includes(name))) return;
    const commands = untrustedCommands(toString(element), settings);
    const place = startOf([element, parent]);
    for (const command of new Set(commands)) refused.push({ place, message: untrustedCommandMessage(command) });
    return SKIP;
  });
  return refused;
}
