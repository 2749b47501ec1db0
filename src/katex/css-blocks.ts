// The one CSS tokenising step both the KaTeX stylesheet purge (css-purge.ts) and the font resolver
// (katex-glyphs.ts) need: a stylesheet's top-level blocks, with quoted strings respected.

export interface CssBlock {
  /** The selectors, or the at-rule (`@font-face`, `@media (…)`), trimmed. */
  prelude: string;
  /** What is inside the braces. */
  body: string;
  /** The whole block as written, `prelude{body}`, with any whitespace before it. */
  text: string;
}

/** The top-level blocks of a stylesheet, in order. Statement at-rules (`@import …;`, `@charset …;`) are skipped. */
export function cssBlocks(css: string): CssBlock[] {
  const result: CssBlock[] = [];
  let start = 0;
  let depth = 0;
  let quote: string | undefined;
  let open = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ';' && depth === 0) {
      start = i + 1;
    } else if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) {
        result.push({
          prelude: css.slice(start, open).trim(),
          body: css.slice(open + 1, i),
          text: css.slice(start, i + 1),
        });
        start = i + 1;
      }
    }
  }
  return result;
}
