// Formulas in widgets, rendered at build time like the notes' own (KaTeX's stylesheet is on every note page).
import katex from 'katex';

/**
 * TeX as KaTeX markup with MathML for screen readers. A formula KaTeX cannot read fails the build, and so does
 * one with a command KaTeX gates behind `trust` (\href, \url, \includegraphics, \html…): with trust merely off,
 * KaTeX would draw it in red without an error. KaTeX asks `trust` about exactly those commands, so refusing
 * there by throwing (KaTeX passes on any error that is not its own parse error) names the command.
 */
export function tex(source: string): string {
  return katex.renderToString(source, {
    throwOnError: true,
    output: 'htmlAndMathml',
    trust: ({ command }) => {
      throw new Error(`A widget formula may not use ${command} (KaTeX's trust stays off): "${source}"`);
    },
  });
}
