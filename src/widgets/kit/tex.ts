// Formulas in widgets, rendered at build time like the notes' own (KaTeX's stylesheet is on every note page).
import katex from 'katex';

/** TeX as KaTeX markup with MathML for screen readers; a formula KaTeX cannot read fails the build. */
export function tex(source: string): string {
  return katex.renderToString(source, { throwOnError: true, output: 'htmlAndMathml' });
}
