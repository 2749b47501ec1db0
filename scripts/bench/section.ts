// What a section of `npm run bench` is, and a plain-text table for its results.

/** What every section gets: the built site to measure. */
export interface BenchContext {
  /** Folder of a complete build (`npm run build` output). */
  dist: string;
}

export interface BenchSection {
  /** Name to run it alone: `npm run bench -- widgets`. */
  name: string;
  /** One line saying what it measures. */
  description: string;
  /** Slow, and builds what it measures itself: runs only when named, and needs no build of the site. */
  standalone?: boolean;
  /** Measures, and returns the text to print (usually a `table`). */
  run(context: BenchContext): Promise<string>;
}

/** Rows of cells as an aligned plain-text table; the first row is the header. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => cell + ' '.repeat(widths[column]! - [...cell].length))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The median of `values` (which it sorts). */
export function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** "✓" or "✗ over" for a goal. */
export const verdict = (ok: boolean) => (ok ? '✓' : '✗ missed');

/** `--name value` or `--name=value` from the command line, split at commas. */
export function option(name: string): string[] | undefined {
  const args = process.argv.slice(2);
  const index = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (index < 0) return undefined;
  const value = args[index]!.includes('=') ? args[index]!.split('=')[1]! : (args[index + 1] ?? '');
  return value.split(',').filter(Boolean);
}
