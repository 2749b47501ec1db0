import type { Root, RootContent, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { glossaryMarkdown, type Glossary, type GlossaryTerm } from '../../../../src/lib/content/glossary.ts';

const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).use(remarkMath).parse(markdown);

/** What a reader sees of a node: its text, with inline math as `$…$`; HTML and other syntax show as their kind. */
function shown(node: RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'inlineMath') return `$${node.value}$`;
  if ('children' in node) return node.children.map(shown).join('');
  return `[${node.type}]`;
}

function firstTable(markdown: string): Table {
  const table = parse(markdown).children.find((node): node is Table => node.type === 'table');
  if (!table) throw new Error(`no table in:\n${markdown}`);
  return table;
}

const term = (over: Partial<GlossaryTerm>): GlossaryTerm => ({
  term: 'ReLU',
  zh: '修正线性单元',
  en: 'rectified linear unit',
  aliases: [],
  definition: { zh: '$\\max(0, z)$', en: '$\\max(0, z)$' },
  note: 'activation-functions',
  ...over,
});
const glossaryOf = (...terms: GlossaryTerm[]): Glossary => ({ groups: [{ zh: '组', en: 'Group', terms }] });

describe('glossaryMarkdown', () => {
  it('shows names and note titles exactly as written, whatever Markdown or HTML they contain', () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      'a]b [c](javascript:alert(1))',
      '*not emphasis* and _not either_',
      '`not code`',
      '$not math$',
      'x | y',
      '&amp; &lt;',
      '\\ back\\slash',
      '~~not struck~~',
      '![not an image](/x.png)',
    ];
    for (const name of hostile) {
      const markdown = glossaryMarkdown(glossaryOf(term({ term: name, zh: name, en: name })), 'en', {
        'activation-functions': name,
      });
      const [, row] = firstTable(markdown).children;
      const cells = row!.children;
      expect(cells, name).toHaveLength(5);
      for (const at of [0, 1, 2]) expect(shown(cells[at]!), name).toBe(name);
      const [link] = cells[4]!.children;
      expect(link?.type, name).toBe('link');
      expect(link?.type === 'link' && link.url, name).toBe('/en/notes/activation-functions/');
      expect(shown(link!), name).toBe(name);
    }
  });

  it('keeps a definition Markdown: its math and emphasis render, a | stays in its cell', () => {
    const markdown = glossaryMarkdown(
      glossaryOf(term({ definition: { zh: '甲', en: '$a|b$ is *small* | or not' } })),
      'en',
      {},
    );
    const [, row] = firstTable(markdown).children;
    const definition = row!.children[3]!;
    expect(row!.children).toHaveLength(5);
    expect(definition.children.map((node) => node.type)).toEqual(['inlineMath', 'text', 'emphasis', 'text']);
    expect(shown(definition)).toBe('$a\\vert b$ is small | or not');
  });

  it('links each row to its note, in the page’s language', () => {
    const markdown = glossaryMarkdown(glossaryOf(term({})), 'zh', { 'activation-functions': '激活函数' });
    const link = firstTable(markdown).children[1]!.children[4]!.children[0]!;
    expect(link.type === 'link' && link.url).toBe('/notes/activation-functions/');
    expect(shown(link)).toBe('激活函数');
  });
});
