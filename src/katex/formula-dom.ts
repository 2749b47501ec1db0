// The formulas of a built page as small DOM trees (htmlparser2 + domhandler), for src/katex/glyphs.ts: each is
// the formula's root element (`<span class="katex">`) holding its drawn part (`<span class="katex-html">`).
// The page itself is not parsed: at 2,000 notes the pages weigh about 200 MB, and the formulas a fraction of
// that. Both elements are found by their class attribute as KaTeX writes it (rehype-katex serialises it
// verbatim), and the MathML copy between them, which no KaTeX font draws, is skipped unread.
import { DomHandler, isTag, type Element } from 'domhandler';
import { Parser } from 'htmlparser2';

/** The class of a formula's root element. Formulas do not nest, so no other element of a formula has it. */
export const ROOT_CLASS = 'katex';
/** The class of the part of a formula drawn in KaTeX's fonts. */
export const DRAWN_CLASS = 'katex-html';

// As they stand in the built pages (tests/integration/incremental.test.ts edits the second one).
const ROOT_ATTRIBUTE = 'class="katex"';
const DRAWN_ATTRIBUTE = 'class="katex-html"';

/** Comments and elements whose content is text, not markup: a formula written there is not one on the page. */
const NOT_MARKUP = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;

/** Builds the root and the drawn part; stops the parser where the drawn part closes. */
class FormulaDom extends DomHandler {
  stop: () => void = () => undefined;

  override onclosetag(): void {
    super.onclosetag();
    // The document, then the root, are all that is left open.
    if (this.tagStack.length <= 2) this.stop();
  }
}

/** The formulas of a page, in order, as each formula's root element. */
export function* formulasIn(html: string): Generator<Element> {
  const dom = new FormulaDom();
  const parser = new Parser(dom);
  dom.stop = () => parser.pause();
  NOT_MARKUP.lastIndex = 0;
  let notMarkup = NOT_MARKUP.exec(html);
  for (let at = html.indexOf(ROOT_ATTRIBUTE); at >= 0;) {
    while (notMarkup && notMarkup.index + notMarkup[0].length <= at) notMarkup = NOT_MARKUP.exec(html);
    if (notMarkup && notMarkup.index < at) {
      at = html.indexOf(ROOT_ATTRIBUTE, notMarkup.index + notMarkup[0].length);
      continue;
    }
    const rootTagEnd = html.indexOf('>', at) + 1;
    const next = html.indexOf(ROOT_ATTRIBUTE, rootTagEnd);
    const drawn = html.indexOf(DRAWN_ATTRIBUTE, rootTagEnd);
    // A formula rendered as MathML only has no drawn part: the next one found is another formula's.
    if (rootTagEnd > 0 && drawn >= 0 && (next < 0 || drawn < next)) {
      parser.reset();
      parser.write(html.slice(html.lastIndexOf('<', at), rootTagEnd));
      parser.write(html.slice(html.lastIndexOf('<', drawn)));
      const root = dom.root.children[0];
      if (root && isTag(root)) yield root;
    }
    at = next;
  }
}
