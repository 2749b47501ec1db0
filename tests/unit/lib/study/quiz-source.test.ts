import { describe, expect, it } from 'vitest';
import { quizSources } from '../../../../src/lib/study/quiz-source.ts';

const QUIZ = ['> [!quiz] Which?', '> - [ ] A', '>', '>   Not A.', '> - [x] B', '>', '>   B.'].join('\n');

describe('quiz sources', () => {
  it('are the [!quiz] blockquotes as written, in order', () => {
    const second = QUIZ.replace('Which?', 'And $x_{1}$?');
    const body = `# Title\n\n> [!note]\n> Not a quiz.\n\n${QUIZ}\n\nText.\n\n${second}\n`;
    expect(quizSources(body, false)).toEqual([QUIZ, second]);
  });

  it('leave out a quiz shown in a code block and one nested in a list', () => {
    const body = `\`\`\`markdown\n${QUIZ}\n\`\`\`\n\n- item\n\n  ${QUIZ.replaceAll('\n', '\n  ')}\n`;
    expect(quizSources(body, false)).toEqual([]);
  });

  it('read MDX bodies with their imports and components', () => {
    const body = `import W from '../../w.astro';\n\n<W lang="en" />\n\n${QUIZ}\n`;
    expect(quizSources(body, true)).toEqual([QUIZ]);
  });

  it('find nothing in a note without questions, or in MDX that does not parse', () => {
    expect(quizSources('# Just text\n', false)).toEqual([]);
    expect(quizSources(`<W {\n\n${QUIZ}\n`, true)).toEqual([]);
  });
});
