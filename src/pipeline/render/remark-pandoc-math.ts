// Why: remark-math reads any two single dollars in a paragraph as a formula, so prose such as `价格 $5 到 $10`
// or `$HOME 和 $1` became a broken formula unless the author escaped each dollar. Authors expect Pandoc's rule
// (https://pandoc.org/MANUAL.html#extension-tex_math_dollars): an opening `$` is followed by a non-space, a
// closing `$` is preceded by a non-space and not followed by a digit; otherwise the dollars are text.
//
// This is remark-math with that rule added. It keeps micromark-extension-math (MIT, © Titus Wormer): its
// `$$` blocks as they are, and its `$…$` construct, whose tokenizer is wrapped here by a guard that sees each
// character before it does and stops the attempt where Pandoc's rule says "no math". As in Pandoc, a failed
// attempt fails whole: its opening `$` is text and the next `$` may open a formula (`$5 and $x$`). `$$…$$` in a
// paragraph is not Pandoc's `$` rule and stays as remark-math parses it. The nodes are mdast-util-math's.
import { mathFromMarkdown } from 'mdast-util-math';
import { math } from 'micromark-extension-math';
import type { Processor } from 'unified';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
// For the types of this.data(): remark-parse declares micromarkExtensions and fromMarkdownExtensions.
import type {} from 'remark-parse';

const DOLLAR = 36;

/** Whitespace, a line ending or the end of the text: micromark writes tabs and line endings as negative codes. */
function isSpace(code: Code): boolean {
  return code === null || code < 0 || /\s/u.test(String.fromCodePoint(code));
}

function isAsciiDigit(code: Code): boolean {
  return code !== null && code >= 48 && code <= 57;
}

/** micromark-extension-math's `$…$` construct, with Pandoc's conditions on single dollars. */
export function pandocMathText(mathText: Construct): Construct {
  const tokenize = mathText.tokenize;
  function tokenizePandocMathText(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let openingSize = 0;
    let inOpening = true;
    let previous: Code = null;
    let settled = false;
    const accept: State = (code) => {
      settled = true;
      return openingSize === 1 && isAsciiDigit(code) ? nok(code) : ok(code);
    };
    const reject: State = (code) => {
      settled = true;
      return nok(code);
    };
    /** Pandoc's rule for the character `code`, given the one before it: false stops the attempt. */
    function allowed(code: Code): boolean {
      if (inOpening) {
        if (code === DOLLAR) {
          openingSize++;
          return true;
        }
        inOpening = false;
        return openingSize !== 1 || !isSpace(code);
      }
      return openingSize !== 1 || code !== DOLLAR || !isSpace(previous);
    }
    // Only the states of the wrapped tokenizer are guarded: once it settles, the next state is the caller's.
    const guard =
      (state: State): State =>
      (code) => {
        if (!allowed(code)) return reject(code);
        previous = code;
        const next = state(code);
        return settled || next === undefined ? next : guard(next);
      };
    return guard(tokenize.call(this, effects, accept, reject));
  }
  return { ...mathText, tokenize: tokenizePandocMathText };
}

/** micromark-extension-math's syntax with Pandoc's rule for `$…$`. */
export function pandocMath(): Extension {
  const base = math();
  const mathText = base.text?.[DOLLAR];
  if (!mathText || Array.isArray(mathText)) throw new Error('micromark-extension-math: no single `$` construct');
  return { flow: base.flow, text: { [DOLLAR]: pandocMathText(mathText) } };
}

/** remark-math, with Pandoc's rule for single dollars; parsing only (the render stage writes no Markdown). */
export default function remarkPandocMath(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(pandocMath());
  (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown());
}
