// Offsets to line numbers, for messages that name the line of a file (importers, the BibTeX reader).

/** Line numbers of offsets in one text. */
export class LineIndex {
  readonly text: string;
  private readonly starts: number[] = [0];

  constructor(text: string) {
    this.text = text;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The 1-based line that holds `offset`. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** Offset of the start of the line holding `offset`. */
  lineStart(offset: number): number {
    return this.starts[this.lineOf(offset) - 1]!;
  }

  /**
   * What a new line must start with to stay in the containers `offset` is in: the line's text before it with
   * list markers turned into spaces and `>` kept (`> - x` → `>   `).
   */
  continuationAt(offset: number): string {
    return this.text.slice(this.lineStart(offset), offset).replace(/[^>\s]/g, ' ');
  }

  /** Offset of the `\n` ending the line holding `offset` (the text's length on the last line). */
  lineEnd(offset: number): number {
    const end = this.text.indexOf('\n', offset);
    return end < 0 ? this.text.length : end;
  }
}
