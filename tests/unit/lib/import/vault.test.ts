import { describe, expect, it } from 'vitest';
import { SourceText } from '../../../../src/lib/import/source-text.ts';
import { importVaultNote, type VaultNoteOptions } from '../../../../src/lib/import/vault.ts';
import { convertVaultSyntax, dropComments } from '../../../../src/lib/import/vault-syntax.ts';

const syntax = {
  noteSlug: (name: string) => ({ 梯度下降: 'gradient-descent', 'ml/感知机': 'perceptron' })[name],
  noteUrl: (slug: string) => `/notes/${slug}/`,
  attachment: (name: string) => (name === 'a b.png' ? '/images/n/a-b.png' : undefined),
};
function convert(text: string) {
  const warnings: string[] = [];
  const result = convertVaultSyntax(
    dropComments(SourceText.of(text), () => {}),
    syntax,
    (_, m) => warnings.push(m),
  );
  return { text: result.doc.text, tags: result.tags, warnings };
}

describe('Obsidian syntax', () => {
  it.each([
    ['[[梯度下降]]', '[梯度下降](/notes/gradient-descent/)'],
    ['[[梯度下降|GD]]', '[GD](/notes/gradient-descent/)'],
    ['[[梯度下降#学习率 选择]]', '[梯度下降 › 学习率 选择](/notes/gradient-descent/#学习率-选择)'],
    ['[[ml/感知机]]', '[ml/感知机](/notes/perceptron/)'],
    ['| [[梯度下降\\|GD]] |', '| [GD](/notes/gradient-descent/) |'],
    ['![[a b.png]]', '![a b.png](/images/n/a-b.png)'],
    ['![[a b.png|300]]', '![a b.png](/images/n/a-b.png)'],
    ['![[a b.png|示意图]]', '![示意图](/images/n/a-b.png)'],
    ['![[梯度下降]]', '[梯度下降](/notes/gradient-descent/)'],
    ['[[不存在]]', '不存在'],
    ['==重点==', '<mark>重点</mark>'],
    ['a == b', 'a == b'],
  ])('%s → %s', (from, to) => {
    expect(convert(`${from}\n`).text).toBe(`${to}\n`);
  });

  it('leaves code and math alone', () => {
    const text = '`[[x]] ==y== %%z%%` and $a == b$\n\n```\n[[x]] #tag %%z%%\n```\n';
    expect(convert(text)).toMatchObject({ text, tags: [] });
  });

  it('drops comments, inline and on lines of their own', () => {
    expect(convert('A %%secret%% B\n\n%%\nhidden\n%%\n\nC\n').text).toBe('A  B\n\nC\n');
  });

  it('takes inline tags: those ending a line go, one inside a sentence keeps its word', () => {
    expect(convert('About #cnn here. #deep-learning #ml/vision\n\n#journal\n\nIssue #42 and C# stay.\n')).toMatchObject(
      {
        text: 'About cnn here.\n\nIssue #42 and C# stay.\n',
        tags: ['cnn', 'deep-learning', 'ml/vision', 'journal'],
      },
    );
  });
});

describe('importVaultNote', () => {
  const options: VaultNoteOptions = {
    ...syntax,
    lang: 'zh',
    fileName: '反向传播.md',
    fileDate: '2024-03-01',
    registry: { 'deep-learning': { zh: '深度学习', en: 'Deep learning' } },
    resolveImage: () => undefined,
    links: {},
  };

  it('takes the title from the first heading, the date from the file, tags from #tags, and drops unknown keys', () => {
    const note = importVaultNote(
      '---\naliases: [BP]\ncssclasses: wide\n---\n# 反向传播\n\n链式法则。 #深度学习\n',
      options,
    );
    expect(note.text).toBe(
      '---\ntitle: 反向传播\ndescription: 链式法则。\ndate: 2024-03-01\ntags: [deep-learning]\n---\n\n链式法则。\n',
    );
    expect(note.droppedKeys).toEqual(['aliases', 'cssclasses']);
  });

  it('uses the file name without a heading, front matter dates, and the folder tag when the note has none', () => {
    const note = importVaultNote('---\ncreated: 2023-04-01\n---\nText.\n', {
      ...options,
      fileName: '2024-01-01.md',
      fallbackTags: ['深度学习'],
    });
    expect(note.fields).toMatchObject({ title: '2024-01-01', date: '2023-04-01', tags: ['deep-learning'] });
  });

  it('refuses a note without any tag, saying how to give one', () => {
    expect(() => importVaultNote('Text.\n', options)).toThrow(/no tags: .*#tag.*--tags/);
  });
});
