import { describe, expect, it } from 'vitest';
import {
  convertLinks,
  demotedLevels,
  schemelessDomainUrl,
  type LinkOptions,
} from '../../../../src/lib/import/links.ts';
import { SourceText } from '../../../../src/lib/import/source-text.ts';

function convert(body: string, options: LinkOptions = {}) {
  const warnings: string[] = [];
  const result = convertLinks(SourceText.of(body), options, (offset, message) =>
    warnings.push(`${offset}: ${message}`),
  );
  return { body: result.doc.text, warnings, result };
}

describe('scheme-less domains', () => {
  it.each([
    ['github.com/google/protobuf', 'https://github.com/google/protobuf'],
    ['docs.python.org/3/library/re.html', 'https://docs.python.org/3/library/re.html'],
    ['www.example.cn', 'https://www.example.cn'],
    ['localhost:8080/x', undefined],
    ['2015-12-19-Regular.md', undefined],
    ['README.md', undefined],
    ['img/diagram.png', undefined],
    ['archive.zip', undefined],
    ['notes.txt', undefined],
    ['foo.notatld/x', undefined],
  ])('%s → %s', (url, expected) => {
    expect(schemelessDomainUrl(url)).toBe(expected);
  });
});

describe('heading levels under the title', () => {
  it.each([
    [
      [1, 2, 3, 2],
      [2, 3, 4, 3],
    ],
    [
      [2, 4, 4, 2],
      [2, 3, 3, 2],
    ],
    [
      [3, 2, 3],
      [2, 2, 3],
    ],
    [
      [1, 1, 3],
      [2, 2, 3],
    ],
    [
      [2, 3],
      [2, 3],
    ],
    [
      [1, 2, 3, 4, 5, 6],
      [2, 3, 4, 5, 6, 6],
    ],
    [[], []],
  ])('%j → %j', (levels, expected) => {
    expect(demotedLevels(levels)).toEqual(expected);
  });

  it('rewrites ATX and setext headings, and drops a first heading that repeats the title', () => {
    const { body, warnings, result } = convert('# My post\n\nIntro.\n\n# One\n\ntext\n\nTwo\n---\n\n#### Deep ####\n', {
      title: 'My post',
    });
    expect(body).toBe('Intro.\n\n## One\n\ntext\n\n### Two\n\n#### Deep ####\n');
    expect(result).toMatchObject({ droppedTitleHeading: true, demotedHeadings: 2 });
    expect(warnings).toHaveLength(2);
  });

  it('leaves a note whose headings already start at ## as it is', () => {
    const body = '## A\n\n### B\n\n```\n# not a heading\n```\n';
    expect(convert(body, { title: 'T' })).toMatchObject({ body, warnings: [] });
  });
});

describe('links', () => {
  const resolveLink = (url: string) =>
    url === '2015-12-19-Regular.md' || url === '/2015/12/19/Regular/'
      ? { url: '/notes/regular/' }
      : url === '/about/'
        ? { url: 'https://blog.example.org/about/', note: 'a page of the original blog' }
        : undefined;

  it('rewrites links to imported posts, in every form of link', () => {
    const { body } = convert(
      '[a](2015-12-19-Regular.md) [b](/2015/12/19/Regular/ "t") [c][r] <a href="/2015/12/19/Regular/">d</a>\n\n[r]: 2015-12-19-Regular.md\n',
      { resolveLink },
    );
    expect(body).toBe(
      '[a](/notes/regular/) [b](/notes/regular/ "t") [c][r] <a href="/notes/regular/">d</a>\n\n[r]: /notes/regular/\n',
    );
  });

  it('keeps the text of a link that leads nowhere, and reports it', () => {
    const { body, warnings } = convert(
      'See [the *old* post](/2010/01/01/gone/) and [ref][g] and <a href="/gone/" class="x">here</a>.\n\n[g]: /gone/\n',
      { resolveLink },
    );
    expect(body.trimEnd()).toBe('See the *old* post and ref and <a class="x">here</a>.');
    expect(warnings.filter((w) => w.includes('leads nowhere'))).toHaveLength(3);
  });

  it('makes scheme-less domains absolute and reports them; leaves external links, anchors and code alone', () => {
    const { body, warnings } = convert(
      '[pb](github.com/google/protobuf) [x](https://x.org) [top](#top) <https://y.org> `[z](github.com/a)`\n',
      { resolveLink },
    );
    expect(body).toBe(
      '[pb](https://github.com/google/protobuf) [x](https://x.org) [top](#top) <https://y.org> `[z](github.com/a)`\n',
    );
    expect(warnings).toEqual([expect.stringContaining('has no scheme: made it https://github.com/google/protobuf')]);
  });

  it('reports what the resolver says about a link it rewrote', () => {
    expect(convert('[me](/about/)\n', { resolveLink }).warnings).toEqual([
      expect.stringContaining('a page of the original blog'),
    ]);
  });

  it('keeps local links as written when no resolver is given', () => {
    expect(convert('[a](/2015/12/19/Regular/)\n').body).toBe('[a](/2015/12/19/Regular/)\n');
  });
});

describe('[@…] that is not a citation', () => {
  const citationKeys = new Set(['lecun2015', 'goodfellow2016']);

  it('escapes XPath and other bracketed @ text, keeps known citations', () => {
    const { body, warnings } = convert(
      "Select //a[@lang='eng'] or //b[@*] as in [@lecun2015; @goodfellow2016], not [@nobody2020].\n",
      { citationKeys },
    );
    expect(body).toBe(
      "Select //a\\[@lang='eng'] or //b\\[@*] as in [@lecun2015; @goodfellow2016], not \\[@nobody2020].\n",
    );
    expect(warnings).toHaveLength(3);
  });

  it('leaves code, and brackets already escaped, alone', () => {
    const body = "`//a[@lang='eng']` and \\[@x]\n\n```\n[@y]\n```\n";
    expect(convert(body, { citationKeys })).toMatchObject({ body, warnings: [] });
  });
});
