// Which test files start first. Two workers share each project's files; a long file that starts last runs alone
// at the end while the other worker idles. Vitest starts the files it knows to be slow first, but a fresh clone (CI)
// has no record of past runs, and then the largest files start first: the accessibility specs, the longest of all,
// are a few lines each. The files named here start first, in this order, in each project.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LONGEST = [/\/accessibility-zh\.spec\.ts$/, /\/accessibility-en\.spec\.ts$/, /\/incremental\.test\.ts$/];

const rank = (spec: TestSpecification) => {
  const at = LONGEST.findIndex((pattern) => pattern.test(spec.moduleId));
  return at < 0 ? LONGEST.length : at;
};

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Projects run one after another: the order of projects stays Vitest's.
    const projects = [...new Set(sorted.map((spec) => spec.project.name))];
    const order = new Map(sorted.map((spec, at) => [spec, at]));
    return sorted.sort(
      (a, b) =>
        projects.indexOf(a.project.name) - projects.indexOf(b.project.name) ||
        rank(a) - rank(b) ||
        order.get(a)! - order.get(b)!,
    );
  }
}
