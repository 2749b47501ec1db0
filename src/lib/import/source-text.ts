import { LineIndex } from '../text/line-index.ts';

export { LineIndex };
/**
 * Text that is rewritten in steps by offset-based edits while remembering where each character came from,
 * so that a warning found in a later step still names the line the author wrote it on. Everything an edit
 * does not cover is carried over byte for byte.
 */

/** Replace `[start, end)` of the text with `text` (`start === end` inserts). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Segment {
  /** Where the segment starts in the new text. */
  at: number;
  /** Where its characters come from in the old text. */
  from: number;
  /** Copied characters map one to one; inserted ones all map to the start of what they replaced. */
  copied: boolean;
}

function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * Applies edits to `text`. They are taken in the order given, and one that overlaps an edit already taken is
 * left out: callers list the edit that should win first (a whole table of contents before the attribute list
 * inside it).
 */
function applyEdits(text: string, edits: readonly Edit[]): { text: string; segments: Segment[] } {
  const taken: Edit[] = [];
  for (const edit of edits) if (!taken.some((other) => overlaps(edit, other))) taken.push(edit);
  taken.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  const segments: Segment[] = [];
  for (const edit of taken) {
    segments.push({ at: out.length, from: cursor, copied: true });
    out += text.slice(cursor, edit.start);
    segments.push({ at: out.length, from: edit.start, copied: false });
    out += edit.text;
    cursor = edit.end;
  }
  segments.push({ at: out.length, from: cursor, copied: true });
  out += text.slice(cursor);
  return { text: out, segments };
}

/** A version of the post's body, with the way back from its offsets to the offsets of the original body. */
export class SourceText {
  readonly text: string;
  private readonly toOriginal: (offset: number) => number;

  private constructor(text: string, toOriginal: (offset: number) => number) {
    this.text = text;
    this.toOriginal = toOriginal;
  }

  static of(text: string): SourceText {
    return new SourceText(text, (offset) => offset);
  }

  /** The offset in the original body that `offset` in this text comes from. */
  originalOffset(offset: number): number {
    return this.toOriginal(offset);
  }

  edit(edits: readonly Edit[]): SourceText {
    if (edits.length === 0) return this;
    const { text, segments } = applyEdits(this.text, edits);
    const previous = this.toOriginal;
    return new SourceText(text, (offset) => {
      let low = 0;
      let high = segments.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (segments[mid]!.at <= offset) low = mid;
        else high = mid - 1;
      }
      const segment = segments[low]!;
      return previous(segment.copied ? segment.from + (offset - segment.at) : segment.from);
    });
  }

  /** The same text with characters swapped one for one (offsets keep their meaning). */
  replaceCharacters(text: string): SourceText {
    if (text.length !== this.text.length) throw new Error('replaceCharacters must keep the length of the text');
    return new SourceText(text, this.toOriginal);
  }
}

/** Whether `text` between `start` and `end` is only spaces and tabs. */
export function blankBetween(text: string, start: number, end: number): boolean {
  return /^[ \t]*$/.test(text.slice(start, end));
}

/**
 * The edit that deletes `[start, end)` together with its line when nothing else is on that line, and then
 * one of the blank lines around it when it stood between two (so that a dropped block leaves one blank
 * line, not two). Otherwise only the range itself.
 */
export function removal(lines: LineIndex, start: number, end: number): Edit {
  const text = lines.text;
  const lineStart = lines.lineStart(start);
  const lineEnd = lines.lineEnd(end);
  if (!blankBetween(text, lineStart, start) || !blankBetween(text, end, lineEnd)) return { start, end, text: '' };
  const afterLine = Math.min(lineEnd + 1, text.length);
  const blankBefore = lineStart === 0 || blankBetween(text, lines.lineStart(lineStart - 1), lineStart - 1);
  const nextEnd = lines.lineEnd(afterLine);
  const blankAfter = afterLine >= text.length || blankBetween(text, afterLine, nextEnd);
  if (blankBefore && blankAfter && afterLine < text.length) {
    return { start: lineStart, end: Math.min(nextEnd + 1, text.length), text: '' };
  }
  return { start: lineStart, end: afterLine, text: '' };
}
