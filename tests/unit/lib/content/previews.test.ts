import { describe, expect, it } from 'vitest';
import { extractPreview, plainText, PREVIEW_LENGTH } from '../../../../src/lib/content/previews.ts';

const meta = { title: '神经元', description: '一个神经元做什么。' };

describe('plainText', () => {
  it('keeps the visible text of links, emphasis, code and inline math', () => {
    expect(plainText('A **bold** [link](/notes/x/) with `code`, $x^2$ and a note[^1] and ![img](/a.svg)')).toBe(
      'A bold link with code, x^2 and a note and',
    );
    expect(plainText('weights $w_1, \\dots, w_n$ and _emphasis_ but snake_case_name')).toBe(
      'weights w_1, \\dots, w_n and emphasis but snake_case_name',
    );
  });
});

describe('extractPreview', () => {
  const md = [
    '---',
    'title: x',
    '---',
    "import W from '../w.astro';",
    '',
    '神经元是**最小**的计算单元，见[激活函数](/notes/activation-functions/)。',
    '',
    '## 目录',
    '',
    '## 数值例子',
    '',
    '```python',
    'print(1)',
    '```',
    '',
    '$$',
    'z = 1',
    '$$',
    '',
    '设 $x = 0.5$，则输出为 0.4。',
    '',
    '## 数值例子',
    '',
    '- a list is not a paragraph',
    '',
    '第二个同名小节。',
    '',
    '<W />',
  ].join('\n');
  const preview = extractPreview(md, meta);

  it('takes the first prose paragraph as the intro', () => {
    expect(preview.intro).toBe('神经元是最小的计算单元，见激活函数。');
    expect(preview.title).toBe('神经元');
  });
  it('gives each section the first paragraph under it, by the ids the pages use', () => {
    expect(preview.sections['数值例子']).toEqual({ title: '数值例子', text: '设 x = 0.5，则输出为 0.4。' });
    expect(preview.sections['数值例子-1']).toEqual({ title: '数值例子', text: '第二个同名小节。' });
    expect(preview.sections['目录']).toEqual({ title: '目录', text: '' });
  });
  it('shortens long paragraphs', () => {
    const long = extractPreview(`${'字'.repeat(500)}\n`, meta);
    expect(long.intro).toHaveLength(PREVIEW_LENGTH);
    expect(long.intro.endsWith('…')).toBe(true);
  });
});
