import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { literalRanges, parseMarkdown, rangeOf, RangeSet } from './markdown-tree.ts';
import { LineIndex, removal, type Edit, type SourceText } from './source-text.ts';

/**
 * The first step on a post's body: what changes the shape of the Markdown has to be settled before the
 * rest can be found in its syntax tree. Jekyll runs Liquid before kramdown, so `{% raw %}`, `{% highlight %}`
 * and `{% comment %}` are blocks of text that Markdown never sees; and kramdown closes a `$$` formula at the
 * first `$$` that ends a line, where remark-math would read on to the end of the post.
 */

/** Reports a problem at an offset of the original body. */
export type Warn = (originalOffset: number, message: string) => void;

const RAW_OPEN = /\{%-?\s*raw\s*-?%\}/g;
const RAW_CLOSE = /\{%-?\s*endraw\s*-?%\}/g;
/** Liquid's `{% highlight %}` and `{% comment %}`, and kramdown's `{::comment}` (hidden text too). */
const BLOCK_OPEN = /\{%-?\s*(highlight|comment)\b([^%]*?)-?%\}|\{::(comment)\}/g;
const BLOCKS = {
  highlight: { close: /\{%-?\s*endhighlight\s*-?%\}/g, unclosed: '{% highlight %} without {% endhighlight %}' },
  comment: { close: /\{%-?\s*endcomment\s*-?%\}/g, unclosed: '{% comment %} without {% endcomment %}' },
  kramdownComment: { close: /\{:\/(?:comment)?\}/g, unclosed: '{::comment} without {:/comment}' },
};

/** A character the post does not use, put in place of `{` inside `{% raw %}` so no Liquid is found there. */
function unusedCharacter(text: string): string {
  for (let code = 0xe000; code <= 0xf8ff; code++) {
    const char = String.fromCharCode(code);
    if (!text.includes(char)) return char;
  }
  throw new Error('the post uses every private-use character');
}

export interface Protected {
  doc: SourceText;
  /** Puts the `{` of `{% raw %}` content back, in the finished text. */
  restore: (text: string) => string;
}

/**
 * Drops the `{% raw %}` and `{% endraw %}` tags, wherever they are (inside code too: Jekyll always removes
 * them), and hides the braces between them so that nothing there is taken for Liquid or kramdown syntax.
 */
export function protectRaw(doc: SourceText, warn: Warn): Protected {
  const text = doc.text;
  const guard = unusedCharacter(text);
  const lines = new LineIndex(text);
  const edits: Edit[] = [];
  let hidden = text;
  RAW_OPEN.lastIndex = 0;
  for (let open = RAW_OPEN.exec(text); open; open = RAW_OPEN.exec(text)) {
    RAW_CLOSE.lastIndex = open.index + open[0].length;
    const close = RAW_CLOSE.exec(text);
    if (!close) {
      warn(doc.originalOffset(open.index), '{% raw %} without {% endraw %}, left as text');
      break;
    }
    const content = text.slice(RAW_OPEN.lastIndex, close.index);
    hidden = hidden.slice(0, RAW_OPEN.lastIndex) + content.replaceAll('{', guard) + hidden.slice(close.index);
    edits.push(
      removal(lines, open.index, RAW_OPEN.lastIndex),
      removal(lines, close.index, close.index + close[0].length),
    );
    RAW_OPEN.lastIndex = close.index + close[0].length;
  }
  return {
    doc: doc.replaceCharacters(hidden).edit(edits),
    restore: (finished) => finished.replaceAll(guard, '{'),
  };
}

interface Fix {
  /** Where the problem starts; nothing before it changes. */
  at: number;
  edits: Edit[];
  /** Dollar signs escaped by the fix. */
  escaped?: number;
}

/** `{% highlight lang … %}…{% endhighlight %}` → a fence; `{% comment %}…{% endcomment %}` → nothing. */
function liquidBlockFix(doc: SourceText, lines: LineIndex, open: RegExpExecArray, warn: Warn): Fix {
  const text = doc.text;
  const kind = open[3] ? 'kramdownComment' : (open[1] as 'highlight' | 'comment');
  const tagEnd = open.index + open[0].length;
  const closer = BLOCKS[kind].close;
  closer.lastIndex = tagEnd;
  const close = closer.exec(text);
  if (!close) {
    warn(doc.originalOffset(open.index), `${BLOCKS[kind].unclosed}, left as text`);
    return { at: tagEnd, edits: [] };
  }
  const closeEnd = close.index + close[0].length;
  if (kind !== 'highlight') return { at: open.index, edits: [removal(lines, open.index, closeEnd)] };

  const language = /^\s*([^\s%]+)/.exec(open[2] ?? '')?.[1] ?? '';
  const prefix = text.slice(lines.lineStart(open.index), open.index);
  // Only the containers, not text before the tag on its line (`Run {% highlight %}`).
  const indent = lines.continuationAt(
    lines.lineStart(open.index) + /^[ \t>]*(?:(?:[*+-]|\d+[.)])[ \t]+)?/.exec(prefix)![0].length,
  );
  let contentStart = tagEnd;
  while (text[contentStart] === '\n') contentStart++;
  // A closing tag alone on its line takes its line's indentation with it.
  const closeLineStart = lines.lineStart(close.index);
  let contentEnd = /^[ \t>]*$/.test(text.slice(closeLineStart, close.index)) ? closeLineStart : close.index;
  while (contentEnd > contentStart && text[contentEnd - 1] === '\n') contentEnd--;
  const content = text.slice(contentStart, contentEnd);
  const longest = Math.max(2, ...[...content.matchAll(/^[ \t>]*(`+)/gm)].map((m) => m[1]!.length));
  const fence = '`'.repeat(longest + 1);
  const startsLine = /^[ \t>]*$/.test(prefix) || /^[ \t>]*(?:[*+-]|\d+[.)])[ \t]+$/.test(prefix);
  const followed = !/^[ \t]*(?:\n|$)/.test(text.slice(closeEnd));
  return {
    at: open.index,
    edits: [
      { start: open.index, end: contentStart, text: `${startsLine ? '' : `\n${indent}`}${fence}${language}\n` },
      {
        start: contentEnd,
        end: closeEnd,
        text: `${content === '' ? '' : '\n'}${indent}${fence}${followed ? '\n' : ''}`,
      },
    ],
  };
}

/**
 * A `$$` block that remark-math reads differently from kramdown: text after the opening `$$`
 * (`$$\begin{aligned}`), or the closing `$$` at the end of a line of TeX. Rewritten with `$$` on lines of
 * their own; a `$$` that nothing closes within its paragraph is escaped (kramdown shows it as text).
 */
function mathBlockFix(doc: SourceText, lines: LineIndex, start: number, end: number): Fix | undefined {
  const text = doc.text;
  const run = /^\$+/.exec(text.slice(start))![0].length;
  const openerRest = text.slice(start + run, lines.lineEnd(start));
  const lastLine = text.slice(lines.lineStart(Math.max(start, end - 1)), end);
  if (openerRest.trim() === '' && lines.lineOf(end) > lines.lineOf(start) && /^[ \t>]*\$\$+[ \t]*$/.test(lastLine)) {
    return undefined;
  }
  const indent = lines.continuationAt(start);
  // kramdown's closing: the first `$$` that ends a line, before a blank line.
  let close: number | undefined;
  for (let at = start + run; at <= text.length; at = lines.lineEnd(at) + 1) {
    const lineEnd = lines.lineEnd(at);
    const line = text.slice(at, lineEnd);
    if (at > start + run && /^[ \t>]*$/.test(line)) break;
    const m = /\$\$[ \t]*$/.exec(line);
    if (m && at + m.index >= start + run) {
      close = at + m.index;
      break;
    }
    if (lineEnd >= text.length) break;
  }
  if (close === undefined) {
    return { at: start, edits: [{ start, end: start + run, text: '\\$'.repeat(run) }], escaped: run };
  }
  const edits: Edit[] = [];
  const spaces = /^[ \t]*/.exec(openerRest)![0].length;
  if (openerRest.trim() !== '') edits.push({ start: start + run, end: start + run + spaces, text: `\n${indent}` });
  if (!/^[ \t>]*$/.test(text.slice(lines.lineStart(close), close))) {
    let from = close;
    while (/[ \t]/.test(text[from - 1] ?? '')) from--;
    edits.push({ start: from, end: close + 2, text: `\n${indent}$$` });
  }
  return { at: start, edits };
}

/** The first block problem at or after `from`, in document order. */
function firstFix(doc: SourceText, tree: Root, from: number, warn: Warn): Fix | undefined {
  const lines = new LineIndex(doc.text);
  const literal = new RangeSet(literalRanges(tree));
  let math: Fix | undefined;
  visit(tree, 'math', (node) => {
    const [start, end] = rangeOf(node);
    if (start < from) return undefined;
    math = mathBlockFix(doc, lines, start, end);
    return math ? false : undefined;
  });
  BLOCK_OPEN.lastIndex = from;
  for (let open = BLOCK_OPEN.exec(doc.text); open; open = BLOCK_OPEN.exec(doc.text)) {
    if (math && open.index > math.at) break;
    if (!literal.has(open.index)) return liquidBlockFix(doc, lines, open, warn);
  }
  return math;
}

/**
 * Settles the block structure: one problem at a time, in document order, each followed by a new parse
 * (a block that was misread can hide or fake the next one). Returns the new text and the dollar signs
 * escaped on the way.
 */
export function settleBlocks(doc: SourceText, warn: Warn): { doc: SourceText; escaped: number } {
  let escaped = 0;
  let from = 0;
  for (;;) {
    const fix = firstFix(doc, parseMarkdown(doc.text), from, warn);
    if (!fix) return { doc, escaped };
    doc = doc.edit(fix.edits);
    escaped += fix.escaped ?? 0;
    from = fix.at + 1;
  }
}
