import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownProcessor, shikiConfig } from '../../../../src/pipeline/render/processor.ts';
import { glossaryTerms } from '../../../../src/pipeline/render/rehype-glossary-terms.ts';

let renderer: Awaited<ReturnType<typeof markdownProcessor.createRenderer>>;

beforeAll(async () => {
  renderer = await markdownProcessor.createRenderer({ shikiConfig, syntaxHighlight: 'shiki' });
});

async function render(markdown: string, path: string): Promise<string> {
  return (await renderer.render(markdown, { fileURL: pathToFileURL(resolve(path)) })).code;
}

const marks = (html: string) => [...html.matchAll(/<a [^>]*class="glossary-term"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);

describe('glossary terms in rendered notes', () => {
  it('links the first use in prose only, described by the hidden definition', async () => {
    const html = await render(
      [
        '## Gradient descent and ReLU',
        '',
        'Use `ReLU` in code, $\\mathrm{ReLU}$ in math, [ReLU](/en/notes/neuron/) as a link.',
        '',
        'Then ReLU in prose, and ReLU again; gradient descent too.',
      ].join('\n'),
      'content/notes/en/x.md',
    );
    expect(marks(html)).toEqual(['ReLU', 'gradient descent']);
    expect(html).toContain(
      '<a href="/en/notes/glossary/#term-relu" class="glossary-term" aria-describedby="glossary-relu">ReLU</a>' +
        '<span id="glossary-relu" hidden data-title="ReLU · rectified linear unit" data-pagefind-ignore=""><math',
    );
    const definition = /<span id="glossary-relu"[^>]*>(.*?)<\/span>/s.exec(html)![1]!;
    expect(definition).toMatch(/<\/math>: positive values pass unchanged/);
    expect(definition).not.toContain('<annotation'); // the TeX source is not part of the description
  });

  it('leaves the glossary note and the terms a note explains itself alone', async () => {
    expect(marks(await render('ReLU and the neuron.', 'content/notes/en/glossary.md'))).toEqual([]);
    expect(marks(await render('激活函数与神经元。', 'content/notes/zh/neuron.md'))).toEqual(['激活函数']);
  });

  it('marks nothing in a site without a glossary note', () => {
    expect(glossaryTerms('content/glossary.json', 'tests/fixtures/notes')[1].anchors).toEqual({});
    expect(Object.keys(glossaryTerms('content/glossary.json', 'content/notes')[1].anchors)).toEqual(['zh', 'en']);
  });

  it("gives each row of the glossary note the id its term's links lead to", async () => {
    const source = readFileSync('content/notes/en/glossary.md', 'utf8');
    const html = await render(source, 'content/notes/en/glossary.md');
    expect(html).toMatch(/<tr id="term-relu">\s*<td>ReLU<\/td>/);
    expect(html).toMatch(/<tr id="term-core-ml">\s*<td>Core ML<\/td>/);
    expect(marks(html)).toEqual([]);
  });
});
