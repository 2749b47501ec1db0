import { describe, expect, it } from 'vitest';
import { studyBlockProblems } from '../../../../src/lib/study/study-blocks.ts';

const FRONT = '---\ntitle: T\n---\n'; // three lines before the body
const EXERCISE = '> [!exercise] Compute\n> Task.\n>\n> > [!solution]\n> > Done.\n';
const QUIZ = '> [!quiz] Which one?\n> - [ ] A\n>\n>   Not A.\n> - [x] B\n>\n>   B it is.\n';

const problems = (body: string, isMdx = false) => studyBlockProblems(FRONT + body, isMdx);

describe('exercises and self-checks, checked on the source', () => {
  it('accept the documented syntax, in Markdown and MDX', () => {
    expect(problems(`## Exercises\n\n${EXERCISE}\n## Check yourself\n\n${QUIZ}`)).toEqual([]);
    expect(problems(`import W from './w.astro';\n\n<W />\n\n${EXERCISE}\n${QUIZ}`, true)).toEqual([]);
  });

  it('refuse a solution outside an exercise, at its line in the file', () => {
    expect(problems('Text.\n\n> [!solution]\n> Alone.\n')).toEqual([
      { line: 6, message: 'a "[!solution]" belongs inside an "[!exercise]" (as "> > [!solution]")' },
    ]);
    // Nested in another kind of block, it is still alone.
    expect(problems('> [!note]\n> > [!solution]\n> > No.\n')).toHaveLength(1);
  });

  it('refuse an exercise without a solution, and two exercises with one title', () => {
    expect(problems('> [!exercise] Lonely\n> Task.\n')).toEqual([
      { line: 4, message: 'exercise "Lonely" has no "> > [!solution]" inside it' },
    ]);
    expect(problems(`${EXERCISE}\n${EXERCISE}`)).toEqual([
      { line: 10, message: 'two exercises are titled "Compute": give each a title of its own' },
    ]);
  });

  it('refuse a question without exactly one right option', () => {
    expect(problems(QUIZ.replace('- [ ] A', '- [x] A'))[0]?.message).toBe(
      'quiz "Which one?" marks 2 options [x]: mark exactly one',
    );
    expect(problems(QUIZ.replace('- [x] B', '- [ ] B'))[0]?.message).toMatch(/marks 0 options \[x\]/);
  });

  it('refuse an option without its explanation, naming the option', () => {
    expect(problems(QUIZ.replace('\n>\n>   Not A.', ''))).toEqual([
      {
        line: 4,
        message: 'option A of quiz "Which one?" has no explanation: add a paragraph under it, indented two spaces',
      },
    ]);
  });

  it('refuse a question whose options are not a task list, and one asked twice', () => {
    expect(problems('> [!quiz] Which?\n> - A\n> - B\n')[0]?.message).toBe(
      'quiz "Which?" needs a task list of options: "- [ ]" and "- [x]"',
    );
    expect(problems(`${QUIZ}\n${QUIZ}`).map((p) => p.line)).toEqual([12]);
  });

  it('leave code blocks alone', () => {
    expect(problems('```markdown\n> [!solution]\n> Shown, not used.\n```\n')).toEqual([]);
  });
});
