import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BibtexError,
  citationKey,
  escapeBibtex,
  formatAuthors,
  formatBibtex,
  initials,
  latexToText,
  noteBibtex,
  noteCitationText,
  parseBibtex,
  parseNames,
  publicationLine,
  referenceText,
  toReference,
  type BibEntry,
  type NoteCitation,
} from '../../../../src/lib/content/bibtex.ts';

const one = (source: string): BibEntry => {
  const entries = parseBibtex(source);
  expect(entries).toHaveLength(1);
  return entries[0]!;
};

describe('parseBibtex', () => {
  it('reads an entry: lowercase type and field names, the key as written, the line of the @', () => {
    const entries = parseBibtex('\n\n@Article{LeCun1998,\n  Title = {Gradient-based learning},\n  YEAR = 1998\n}\n');
    expect(entries).toEqual([
      { type: 'article', key: 'LeCun1998', fields: { title: 'Gradient-based learning', year: '1998' }, line: 3 },
    ]);
  });

  it('keeps nested braces, a quote inside braces and braces inside quotes', () => {
    const e = one('@misc{k, title = {The {LSTM} and {\\"u}ber "quotes"}, note = "a {"}quoted{"} word"}');
    expect(e.fields.title).toBe('The {LSTM} and {\\"u}ber "quotes"');
    expect(e.fields.note).toBe('a {"}quoted{"} word');
  });

  it('collapses whitespace and newlines inside a value', () => {
    expect(one('@misc{k, title = {Long\n     short-term\tmemory }}').fields.title).toBe('Long short-term memory');
  });

  it('expands @string macros, month names and # concatenation', () => {
    const e = one(
      '@string{nc = {Neural Computation}}\n@STRING(ieee = "Proc. IEEE")\n@article{k, journal = nc # ", " # ieee, month = jan, year = 19 # "97"}',
    );
    expect(e.fields).toEqual({ journal: 'Neural Computation, Proc. IEEE', month: 'January', year: '1997' });
  });

  it('skips comments: % lines, @comment and @preamble blocks, and free text between entries', () => {
    const entries = parseBibtex(
      '% @article{commented, title={no}}\nSome notes about this file.\n@comment{ @article{inside, title = {no}} }\n' +
        '@preamble{"\\newcommand{\\x}{y}"}\n@misc{real,\n  % a comment between fields\n  title = {Yes}, % and after one\n}\n',
    );
    expect(entries.map((e) => e.key)).toEqual(['real']);
    expect(entries[0]!.fields).toEqual({ title: 'Yes' });
  });

  it('accepts parentheses around an entry, a trailing comma and a key-only entry', () => {
    expect(parseBibtex('@misc(a, title = {A},)\n@misc{b}').map((e) => [e.key, e.fields])).toEqual([
      ['a', { title: 'A' }],
      ['b', {}],
    ]);
  });

  it('keeps a % inside a value (a URL) and a byte-order mark does not hide the first entry', () => {
    const e = one('\uFEFF@misc{k, url = {https://example.org/a%20b}}');
    expect(e.fields.url).toBe('https://example.org/a%20b');
  });

  it.each([
    ['@misc{k, title = {open\n\n', 1, /opens a "\{" that is never closed/],
    ['\n@misc{k, title = "open\n', 2, /quote that is never closed/],
    ['@misc{k,\n title = "a}b"}', 2, /unbalanced "\}" inside a quoted value/],
    ['@misc{k,\n  title {A}\n}', 2, /expected "=" after the field "title"/],
    ['@misc{k,\n  title = {A}\n  year = {2000}\n}', 3, /expected "," or "\}" in entry "k", found "y"/],
    [
      '@misc{k,\n journal = nature\n}',
      2,
      /"nature" is not a defined @string macro: put the value in braces, \{nature\}/,
    ],
    ['@misc{a, title={A}}\n\n@misc{a, title={B}}', 3, /duplicate key "a" \(first defined on line 1\)/],
    ['@misc{k,\n title = {A},\n Title = {B}}', 3, /the field "title" is given twice/],
    ['@misc{, title = {A}}', 1, /needs a citation key/],
    ['@misc{k, title = {A}', 1, /entry "k" is never closed/],
    ['@ {k}', 1, /must be followed by an entry type/],
    ['@misc{k, title = }', 1, /expected a value/],
  ])('fails on %j naming line %i', (source, line, message) => {
    let error: unknown;
    try {
      parseBibtex(source, 'refs.bib');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BibtexError);
    expect((error as BibtexError).line).toBe(line);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message.startsWith(`refs.bib:${line}  `)).toBe(true);
  });
});

describe('latexToText', () => {
  it.each([
    ['{\\"u}ber', 'über'],
    ['\\"{u}', 'ü'],
    ["Bertalm{\\'\\i}o", 'Bertalmío'],
    ["\\'{\\i}", 'í'],
    ['G{\\"o}del, Erd\\H{o}s, \\v{C}ech, \\c{C}a\\u{g}lar, Fran\\c cois', 'Gödel, Erdős, Čech, Çağlar, François'],
    ['\\`a \\^e \\~n \\=o \\.z \\r{a} \\k{e}', 'à ê ñ ō ż å ę'],
    ['Stra\\ss e, \\o, \\AE, \\l{}\\"o', 'Straße, ø, Æ, łö'],
    ['533--536 --- and -', '533–536 — and -'],
    ['Research \\& Development, 50\\% of \\$1, \\#1, a\\_b', 'Research & Development, 50% of $1, #1, a_b'],
    ['{LSTM}s and {{RNN}}', 'LSTMs and RNN'],
    ['\\emph{Nature}, \\textbf{bold} \\textit{it}', 'Nature, bold it'],
    ['Sch\\"{o}lkopf~B.', 'Schölkopf\u00A0B.'],
    ['$x$-nets', 'x-nets'],
  ])('%s → %s', (input, output) => {
    expect(latexToText(input)).toBe(output);
  });

  it('drops an unknown command but keeps its argument, and never throws on a stray backslash', () => {
    expect(latexToText('\\unknown{kept} text\\')).toBe('kept text');
  });
});

describe('names', () => {
  it('reads "First von Last", "von Last, First" and "von Last, Jr, First"', () => {
    expect(
      parseNames('Diederik P. Kingma and van der Maaten, Laurens and Ford, Jr., Henry and Ludwig van Beethoven'),
    ).toEqual([
      { first: 'Diederik P.', von: '', last: 'Kingma', jr: '' },
      { first: 'Laurens', von: 'van der', last: 'Maaten', jr: '' },
      { first: 'Henry', von: '', last: 'Ford', jr: 'Jr.' },
      { first: 'Ludwig', von: 'van', last: 'Beethoven', jr: '' },
    ]);
  });

  it('keeps a braced group whole: "and" inside braces does not split, a corporate name is one last name', () => {
    expect(parseNames('{Barnes and Noble} and others')).toEqual([
      { first: '', von: '', last: 'Barnes and Noble', jr: '' },
      { first: '', von: '', last: '', jr: '', others: true },
    ]);
  });

  it('makes initials, hyphenated names included, and leaves written initials alone', () => {
    expect(initials('Diederik P.')).toBe('D. P.');
    expect(initials('Jean-Pierre')).toBe('J.-P.');
    expect(initials('Ölof')).toBe('Ö.');
    expect(initials('')).toBe('');
  });

  it('joins one, two and three authors in full, and shortens four or "and others" to et al.', () => {
    const names = (s: string) => formatAuthors(parseNames(s));
    expect(names('Elman, J. L.')).toBe('J. L. Elman');
    expect(names('Hochreiter, S. and Schmidhuber, J.')).toBe('S. Hochreiter and J. Schmidhuber');
    expect(names('Gers, F. A. and Schmidhuber, J. and Cummins, F.')).toBe('F. A. Gers, J. Schmidhuber, and F. Cummins');
    expect(names('LeCun, Y. and Bottou, L. and Bengio, Y. and Haffner, P.')).toBe('Y. LeCun et al.');
    expect(names('Suvorov and others')).toBe('Suvorov et al.');
    expect(names('')).toBe('');
  });
});

describe('references', () => {
  it('formats a journal article: authors, title, venue with volume, number and pages, year, DOI link', () => {
    const ref = toReference(
      one(`@article{lecun1998gradient,
        author = {LeCun, Y. and Bottou, L. and Bengio, Y. and Haffner, P.},
        title = {Gradient-based learning applied to document recognition},
        journal = {Proceedings of the {IEEE}}, volume = 86, number = 11, pages = {2278--2324}, year = 1998,
        doi = {https://doi.org/10.1109/5.726791}}`),
    );
    expect(ref).toEqual({
      key: 'lecun1998gradient',
      authors: 'Y. LeCun et al.',
      title: 'Gradient-based learning applied to document recognition',
      venue: 'Proceedings of the IEEE',
      details: '86(11), 2278–2324',
      year: '1998',
      note: '',
      url: 'https://doi.org/10.1109/5.726791',
    });
    expect(referenceText(ref)).toBe(
      'Y. LeCun et al. Gradient-based learning applied to document recognition. Proceedings of the IEEE 86(11), 2278–2324, 1998.',
    );
    expect(referenceText(ref, { withUrl: true })).toMatch(/1998\. https:\/\/doi\.org\/10\.1109\/5\.726791$/);
  });

  it('formats an arXiv preprint with its id and abstract page, and a note in parentheses', () => {
    const ref = toReference(
      one(
        '@misc{w, author = {Weston, J. and others}, title = {Towards {AI}-Complete Question Answering?}, year = 2015, eprint = {1502.05698}, archivePrefix = {arXiv}, note = {bAbI}}',
      ),
    );
    expect(ref.url).toBe('https://arxiv.org/abs/1502.05698');
    expect(publicationLine(ref)).toBe('arXiv:1502.05698, 2015 (bAbI)');
    // A title ending in "?" gets no extra full stop.
    expect(referenceText(ref)).toBe(
      'J. Weston et al. Towards AI-Complete Question Answering? arXiv:1502.05698, 2015 (bAbI).',
    );
  });

  it('prefers a DOI over a URL over an arXiv id, and a proceedings entry shows its booktitle, not the preprint', () => {
    const ref = toReference(
      one(
        '@inproceedings{s, author = {Suvorov and others}, title = {T}, booktitle = {WACV}, year = 2022, eprint = {2109.07161}, url = {https://example.org/}}',
      ),
    );
    expect(ref.url).toBe('https://example.org/');
    expect(publicationLine(ref)).toBe('WACV, 2022');
    expect(toReference(one('@misc{x, title = {Only a title}}'))).not.toHaveProperty('url');
    expect(referenceText(toReference(one('@misc{x, title = {Only a title}}')))).toBe('Only a title.');
  });

  it('reads every entry of content/references.bib, each with a title, a year and at least one author', () => {
    const entries = parseBibtex(readFileSync('content/references.bib', 'utf8'), 'content/references.bib');
    expect(entries.length).toBeGreaterThanOrEqual(30);
    for (const entry of entries) {
      const ref = toReference(entry);
      expect(ref.title, entry.key).not.toBe('');
      expect(ref.year, entry.key).toMatch(/^(19|20)\d\d$/);
      expect(ref.authors, entry.key).not.toBe('');
    }
    const byKey = new Map(entries.map((e) => [e.key, toReference(e)]));
    expect(referenceText(byKey.get('rumelhart1986learning')!, { withUrl: true })).toBe(
      'D. E. Rumelhart, G. E. Hinton, and R. J. Williams. Learning representations by back-propagating errors. Nature 323, 533–536, 1986. https://doi.org/10.1038/323533a0',
    );
    expect(byKey.get('bertalmio2001navier')!.authors).toBe('Bertalmío, Bertozzi, and Sapiro');
  });
});

describe('writing BibTeX and citing a note', () => {
  it('escapes the characters BibTeX and LaTeX treat specially', () => {
    expect(escapeBibtex('R&D 50% $5 #1 a_b {x} \\ ~ ^')).toBe(
      'R\\&D 50\\% \\$5 \\#1 a\\_b \\{x\\} \\textbackslash{} \\textasciitilde{} \\textasciicircum{}',
    );
  });

  it('aligns the fields of an entry, and what it writes parses back', () => {
    const text = formatBibtex({ type: 'misc', key: 'k', fields: { title: 'A \\& B', year: '2026' } });
    expect(text).toBe('@misc{k,\n  title = {A \\& B},\n  year  = {2026}\n}');
    expect(latexToText(one(text).fields.title!)).toBe('A & B');
  });

  const note: NoteCitation = {
    lang: 'en',
    title: 'Network architectures',
    siteTitle: 'Deep Learning Notes',
    author: 'Deep Learning Notes contributors',
    url: 'https://example.org/en/notes/network-architectures/',
    date: new Date('2026-11-29'),
    key: 'dln-network-architectures',
  };

  it('cites a note as an @misc entry: braced group author and title, site, year, URL', () => {
    const bib = noteBibtex(note);
    expect(bib).toBe(
      '@misc{dln-network-architectures,\n' +
        '  author       = {{Deep Learning Notes contributors}},\n' +
        '  title        = {{Network architectures}},\n' +
        '  howpublished = {Deep Learning Notes},\n' +
        '  year         = {2026},\n' +
        '  url          = {https://example.org/en/notes/network-architectures/}\n' +
        '}',
    );
    const parsed = one(bib);
    expect(formatAuthors(parseNames(parsed.fields.author!))).toBe('Deep Learning Notes contributors');
  });

  it('cites a note in plain text, in English and after GB/T 7714 in Chinese', () => {
    expect(noteCitationText(note)).toBe(
      'Deep Learning Notes contributors. “Network architectures.” Deep Learning Notes, 2026. https://example.org/en/notes/network-architectures/',
    );
    expect(
      noteCitationText({
        ...note,
        lang: 'zh',
        title: '网络结构',
        siteTitle: '深度学习笔记',
        url: 'https://example.org/notes/x/',
      }),
    ).toBe('Deep Learning Notes contributors. 网络结构[EB/OL]. 深度学习笔记, 2026. https://example.org/notes/x/');
  });

  it('makes an ASCII citation key from a slug, with a fallback for a slug in Chinese characters', () => {
    expect(citationKey('network-architectures', 'x')).toBe('dln-network-architectures');
    expect(citationKey('pytorch-入门', 'x')).toBe('dln-pytorch');
    expect(citationKey('深度学习', 'ab12cd34')).toBe('dln-ab12cd34');
  });
});
