import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownProcessor, shikiConfig } from '../../../../src/pipeline/render/processor.ts';

let renderer: Awaited<ReturnType<typeof markdownProcessor.createRenderer>>;

beforeAll(async () => {
  renderer = await markdownProcessor.createRenderer({ shikiConfig, syntaxHighlight: 'shiki' });
});

async function render(markdown: string, path = 'content/notes/zh/x.md'): Promise<string> {
  return (await renderer.render(markdown, { fileURL: pathToFileURL(resolve(path)) })).code;
}

const EXERCISE = `> [!exercise] 算一个神经元
> 求 $z = 2 \\cdot 3 + 1$。
>
> > [!solution]
> > $z = 7$。
`;

const QUIZ = `> [!quiz] ReLU 在 $z<0$ 时输出什么？
> - [ ] $z$
>
>   那是恒等函数。
> - [x] 0
>
>   ReLU 把负数截为 0。
`;

describe('exercises', () => {
  it('become numbered sections whose solution opens in <details>', async () => {
    const html = await render(`${EXERCISE}\n${EXERCISE.replace('算一个神经元', '再算一个')}`);
    expect(html.match(/data-testid="exercise"/g)).toHaveLength(2);
    expect(html).toMatch(
      /<section class="exercise" data-testid="exercise" aria-labelledby="exercise-1-title"><p class="exercise__title" id="exercise-1-title"><span class="exercise__number">练习 1<\/span>：算一个神经元<\/p>/,
    );
    expect(html).toContain('<span class="exercise__number">练习 2</span>：再算一个');
    expect(html).toMatch(/<details class="exercise__solution"><summary>解答<\/summary>.*z = 7/s);
    expect(html).not.toContain('[!solution]');
    expect(html).not.toContain('<blockquote');
  });

  it('are labelled in the note’s language', async () => {
    const html = await render(
      '> [!exercise] Compute\n> Task.\n>\n> > [!solution]\n> > Done.\n',
      'content/notes/en/x.md',
    );
    expect(html).toContain('<span class="exercise__number">Exercise 1</span>: Compute');
    expect(html).toContain('<summary>Solution</summary>');
  });
});

describe('self-check questions', () => {
  it('list the options without checkboxes, and explain every option under the answer', async () => {
    const html = await render(QUIZ);
    expect(html).toMatch(
      /<section class="quiz" id="x-[0-9a-f]{8}" data-testid="quiz-question" data-quiz-id="x-[0-9a-f]{8}" data-answer="B"/,
    );
    expect(html).not.toContain('<input');
    expect(html).toMatch(
      /<ol class="quiz__options" type="A"><li data-option="A">.*?<\/li><li data-option="B">0<\/li><\/ol>/s,
    );
    expect(html).toMatch(/<summary>答案与解析<\/summary><p><strong>正确: B<\/strong><\/p>/);
    expect(html).toContain('<strong>A · 不对</strong> 那是恒等函数。');
    expect(html).toContain('<strong>B · 正确</strong> ReLU 把负数截为 0。');
  });

  it('keep their id when other questions are added around them', async () => {
    const id = (html: string) => /data-quiz-id="([^"]+)"/.exec(html)?.[1];
    const alone = id(await render(QUIZ));
    const after = [
      ...(await render(`${QUIZ.replace('ReLU 在', 'Sigmoid 在')}\n${QUIZ}`)).matchAll(/data-quiz-id="([^"]+)"/g),
    ];
    expect(after[1]?.[1]).toBe(alone);
    expect(after[0]?.[1]).not.toBe(alone);
  });

  it('are named by their id, which links from the review page reach and which is unique on the site', async () => {
    const html = await render(QUIZ);
    const id = /data-quiz-id="([^"]+)"/.exec(html)![1]!;
    expect(html).toContain(`<section class="quiz" id="${id}"`);
    expect(html).toContain(`aria-labelledby="${id}-question"><p class="quiz__question" id="${id}-question">`);
  });
});

describe('mistakes stop the build with the line', () => {
  it.each([
    [
      'a solution on its own',
      '# T\n\n> [!solution]\n> Alone.\n',
      /x\.md:3 {2}a "\[!solution\]" belongs inside an "\[!exercise\]"/,
    ],
    [
      'an exercise without a solution',
      '> [!exercise] Lonely\n> Task.\n',
      /x\.md:1 {2}exercise "Lonely" has no "> > \[!solution\]"/,
    ],
    ['two right answers', QUIZ.replace('- [ ] $z$', '- [x] $z$'), /marks 2 options \[x\]: mark exactly one/],
    ['no right answer', QUIZ.replace('- [x] 0', '- [ ] 0'), /marks 0 options \[x\]/],
    [
      'an option without explanation',
      QUIZ.replace('\n>\n>   那是恒等函数。', ''),
      /option A of quiz ".*" has no explanation/,
    ],
    ['two exercises with one title', `${EXERCISE}\n${EXERCISE}`, /two exercises are titled "算一个神经元"/],
    ['one question asked twice', `${QUIZ}\n${QUIZ}`, /x\.md:9 {2}two questions read "ReLU 在/],
  ])('%s', async (_name, markdown, message) => {
    await expect(render(markdown)).rejects.toThrow(message);
  });
});
