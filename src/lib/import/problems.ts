/** A problem that stops one post from being imported, phrased with its fix. */
export class ImportError extends Error {
  override name = 'ImportError';

  /** The line of the post's file the problem is on, when it is on one. */
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/** Something a person should look at after an import, with the line of the post's file when there is one. */
export interface ImportWarning {
  line?: number | undefined;
  message: string;
}

/** `file:line: message`, the form editors and terminals turn into a link (`file: message` without a line). */
export function formatProblem(file: string, problem: { line?: number | undefined; message: string }): string {
  return `${file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}`;
}
