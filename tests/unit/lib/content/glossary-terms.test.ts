import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Glossary, GlossaryTerm } from '../../../../src/lib/content/glossary.ts';
import {
  firstUses,
  glossaryAnchors,
  namesIn,
  prefixTermIds,
  termMatcher,
  type TermMatcher,
} from '../../../../src/lib/content/glossary-terms.ts';

const glossary = JSON.parse(readFileSync('content/glossary.json', 'utf8')) as Glossary;
const terms = glossary.groups.flatMap((group) => group.terms);
const byTerm = (term: string) => terms.find((t) => t.term === term)!;

/** The terms first used in `texts` (one run of text each, in order), as the words written. */
function marked(texts: readonly string[], matcher: TermMatcher): string[][] {
  const seen = new Set<string>();
  return texts.map((text) => firstUses(text, matcher, seen).map((use) => text.slice(use.start, use.end)));
}

describe('glossary terms in prose: names', () => {
  it('gives a Chinese note the Chinese names, and the short form where Chinese readers use it', () => {
    expect(namesIn(byTerm('ReLU'), 'zh').map((n) => n.name)).toEqual([
      'ReLU',
      '修正线性单元',
      '线性整流单元',
      '线性整流函数',
      '整流线性单元',
      'rectifier',
    ]);
    // `Weight` has a Chinese short form: the English word is not a name in Chinese prose.
    expect(namesIn(byTerm('Weight'), 'zh').map((n) => n.name)).toEqual(['权重']);
  });

  it('gives an English note the Latin names without parenthesized glosses, case-sensitive only where case matters', () => {
    expect(namesIn(byTerm('Fully connected layer'), 'en')).toEqual([
      { name: 'Fully connected layer', term: 'Fully connected layer', caseSensitive: false },
    ]);
    expect(namesIn(byTerm('Adam'), 'en').map((n) => n.name)).toEqual(['Adam', 'adaptive moment estimation']);
    expect(namesIn(byTerm('Hypothesis space'), 'en').map((n) => n.name)).toEqual(['Hypothesis space']);
    expect(namesIn(byTerm('ReLU'), 'en').map((n) => [n.name, n.caseSensitive])).toEqual([
      ['ReLU', true],
      ['rectified linear unit', false],
      ['rectifier', false],
    ]);
    expect(namesIn(byTerm('Accelerate'), 'en')).toEqual([
      { name: 'Accelerate', term: 'Accelerate', caseSensitive: true },
    ]);
  });
});

describe('glossary terms in prose: first uses', () => {
  const en = termMatcher(terms, 'en');
  const zh = termMatcher(terms, 'zh');

  it('marks the first use of each term only, across the runs of text of a note', () => {
    expect(
      marked(
        ['A neuron computes a weighted sum.', 'Each neuron has a bias and weights.', 'The Bias is learned.'],
        en,
      ),
    ).toEqual([['neuron'], ['bias', 'weights'], []]);
  });

  it('matches whole words, in any case unless case matters, with a plural ending', () => {
    expect(marked(['Neural networks learn; so does a neural network.'], en)).toEqual([['Neural networks']]);
    expect(marked(['AIM is not AI, nor is maid.'], en)).toEqual([['AI']]);
    expect(marked(['Two CNNs and one cnn.'], en)).toEqual([['CNNs']]);
    expect(marked(['relu is written ReLU.'], en)).toEqual([['ReLU']]);
    expect(marked(['To accelerate training, use Accelerate.'], en)).toEqual([['Accelerate']]);
    expect(marked(['Dropouts and dropout'], en)).toEqual([['Dropouts']]);
    expect(marked(['the overfittingly long word'], en)).toEqual([[]]);
  });

  it('prefers the longest name where several begin, and a name takes its text even when its term is marked', () => {
    expect(marked(['Gradient descent follows the gradient.'], en)).toEqual([['Gradient descent', 'gradient']]);
    expect(marked(['Stochastic gradient descent, then gradient descent.'], en)).toEqual([
      ['Stochastic gradient descent', 'gradient descent'],
    ]);
    expect(marked(['随机梯度下降是梯度下降的一种。', '随机梯度下降沿梯度走。'], zh)).toEqual([
      ['随机梯度下降', '梯度下降'],
      ['梯度'],
    ]);
    expect(marked(['卷积神经网络也是神经网络。'], zh)).toEqual([['卷积神经网络', '神经网络']]);
  });

  it('finds Chinese names inside Chinese text and Latin ones next to it', () => {
    expect(marked(['用ReLU作为激活函数，学习率取 0.01。'], zh)).toEqual([['ReLU', '激活函数', '学习率']]);
    expect(marked(['整流线性单元即 ReLU。'], zh)).toEqual([['整流线性单元']]);
    // English words are not names in Chinese prose when the term has a Chinese short form.
    expect(marked(['权重（weight）'], zh)).toEqual([['权重']]);
  });

  it('finds nothing with no terms, and survives names with regular-expression characters', () => {
    expect(marked(['neuron'], termMatcher([], 'en'))).toEqual([[]]);
    const odd: GlossaryTerm = {
      term: 'C++ (lang)',
      zh: 'C++',
      en: 'C++',
      aliases: ['a.b'],
      definition: { zh: '', en: '' },
      note: 'x',
    };
    expect(marked(['Use C++ or a.b, not axb.'], termMatcher([odd], 'en'))).toEqual([['C++']]);
  });
});

describe('glossary terms in prose: where the links lead', () => {
  it("leads to the term's row, else its group's section, else the glossary note", () => {
    const mini: Glossary = {
      groups: [
        { zh: '激活', en: 'Activations', terms: [byTerm('ReLU'), byTerm('Sigmoid'), byTerm('Weight')] },
        { zh: '工具', en: 'Tools', terms: [byTerm('Core ML')] },
      ],
    };
    const en = ['## Activations', '', '| Term | … |', '| --- | --- |', '| ReLU | 修正线性单元 | … |'].join('\n');
    expect(glossaryAnchors(mini, 'en', en)).toEqual({
      ReLU: 'term-relu',
      Sigmoid: 'activations', // no row yet: the group's heading
      Weight: 'activations',
      'Core ML': '', // not even its group: the note
    });
    // Chinese rows are named by the Chinese short form where there is one.
    const zh = '## 工具\n\n| 权重 | … |\n| Core ML | … |\n';
    expect(glossaryAnchors(mini, 'zh', zh)).toMatchObject({ Weight: 'term-weight', 'Core ML': 'term-core-ml', ReLU: '' });
  });

  it('finds every term of the real glossary in the real glossary notes', () => {
    for (const lang of ['zh', 'en'] as const) {
      const anchors = glossaryAnchors(glossary, lang, readFileSync(`content/notes/${lang}/glossary.md`, 'utf8'));
      expect(Object.values(anchors).filter((anchor) => !anchor.startsWith('term-'))).toEqual([]);
    }
  });
});

describe('glossary terms in questions shown on the review page', () => {
  // As the glossary note's own question renders: its ids start with the note's slug, "glossary-", like a term's.
  const question =
    '<section class="quiz" id="glossary-75c4a429" data-quiz-id="glossary-75c4a429" ' +
    'aria-labelledby="glossary-75c4a429-question"><p id="glossary-75c4a429-question">' +
    '<a href="/notes/glossary/#g" class="glossary-term" aria-describedby="glossary-relu">ReLU</a>' +
    '<span id="glossary-relu" hidden>max(0, x)</span></p></section>';

  it("give each hidden definition, and the link to it, the note's slug", () => {
    const html = prefixTermIds(question, 'neuron');
    expect(html).toContain('aria-describedby="neuron-glossary-relu"');
    expect(html).toContain('<span id="neuron-glossary-relu" hidden>');
  });

  it("leave the question's own ids and its data-quiz-id as they are on the note", () => {
    const html = prefixTermIds(question, 'glossary');
    expect(html).toContain('id="glossary-75c4a429" data-quiz-id="glossary-75c4a429"');
    expect(html).toContain('aria-labelledby="glossary-75c4a429-question"><p id="glossary-75c4a429-question">');
    expect(html).toContain('<span id="glossary-glossary-relu" hidden>');
  });
});
