import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BibtexError,
  citationKey,
  escapeBibtex,
  formatAuthors,
  formatBibtex,
  initials,
  noteBibtex,
  noteCitationText,
  parseBibtex,
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
const titleOf = (latex: string) => one(`@misc{k, title = {${latex}}}`).fields.title;
const namesOf = (authors: string) => one(`@misc{k, author = {${authors}}}`).names.author ?? [];

/** The error `parseBibtex` throws for `source`, read as the file `file`. */
function errorOf(source: string, file = 'refs.bib'): BibtexError {
  try {
    parseBibtex(source, file);
  } catch (error) {
    expect(error).toBeInstanceOf(BibtexError);
    return error as BibtexError;
  }
  throw new Error('expected a BibtexError');
}

describe('parseBibtex', () => {
  it('reads an entry: lowercase type and field names, the key as written, the line of the @', () => {
    const entries = parseBibtex('\n\n@Article{LeCun1998,\n  Title = {Gradient-based learning},\n  YEAR = 1998\n}\n');
    expect(entries).toEqual([
      {
        type: 'article',
        key: 'LeCun1998',
        fields: { title: 'Gradient-based learning', year: '1998' },
        names: {},
        line: 3,
      },
    ]);
  });

  it('turns values into text: nested braces, a quote inside braces and braces inside quotes', () => {
    const e = one('@misc{k, title = {The {LSTM} and {\\"u}ber "quotes"}, note = "a {"}quoted{"} word"}');
    expect(e.fields.title).toBe('The LSTM and über "quotes"');
    expect(e.fields.note).toBe('a "quoted" word');
  });

  it('collapses whitespace and newlines inside a value', () => {
    expect(one('@misc{k, title = {Long\n     short-term\tmemory }}').fields.title).toBe('Long short-term memory');
  });

  it('expands @string macros, month names (to their number) and # concatenation', () => {
    const e = one(
      '@string{nc = {Neural Computation}}\n@STRING(ieee = "Proc. IEEE")\n@article{k, journal = nc # ", " # ieee, month = jan, year = 19 # "97"}',
    );
    expect(e.fields).toEqual({ journal: 'Neural Computation, Proc. IEEE', month: '1', year: '1997' });
  });

  it('skips comments: % lines, @comment and @preamble blocks, and free text between entries', () => {
    const entries = parseBibtex(
      '% @article{commented, title={no}}\nSome notes about this file.\n@comment{ @article{inside, title = {no}} }\n' +
        '@preamble{"\\newcommand{\\x}{y}"}\n@misc{real,\n  % a comment between fields\n  title = {Yes}, % and after one\n}\n',
    );
    expect(entries.map((e) => e.key)).toEqual(['real']);
    expect(entries[0]!.fields).toEqual({ title: 'Yes' });
    expect(entries[0]!.line).toBe(5);
  });

  it('accepts parentheses around an entry, a trailing comma and a key-only entry', () => {
    expect(parseBibtex('@misc(a, title = {A},)\n@misc{b}').map((e) => [e.key, e.fields, e.line])).toEqual([
      ['a', { title: 'A' }, 1],
      ['b', {}, 2],
    ]);
  });

  it('keeps a % inside a value (a URL) and a byte-order mark does not hide the first entry', () => {
    const e = one('\uFEFF@misc{k, url = {https://example.org/a%20b}}');
    expect(e.fields.url).toBe('https://example.org/a%20b');
  });

  it('gives identical entries their own lines', () => {
    const entries = parseBibtex('@misc{a, title = {A}}\n@misc{b, title = {A}}\n\n@misc{c, title = {A}}');
    expect(entries.map((e) => e.line)).toEqual([1, 2, 4]);
  });

  it.each([
    ['@misc{k, title = {open\n\n', 1, /a value in entry "k" opens a "\{" that is never closed/],
    ['\n@misc{k, title = "open\n', 2, /quote that is never closed/],
    ['@misc{k,\n  title {A}\n}', 2, /expected "=" after the field "title" in entry "k"/],
    ['@misc{k,\n  title = {A}\n  year = {2000}\n}', 3, /expected "," or "\}" in entry "k", found "year = \{2000\}"/],
    [
      '@misc{k,\n journal = nature\n}',
      2,
      /"nature" is not a defined @string macro: put the value in braces, \{nature\}/,
    ],
    ['@misc{a, title={A}}\n\n@misc{a, title={B}}', 3, /duplicate key "a" \(first defined on line 1\)/],
    // The library reads a repeated field and keeps both, so the line is the entry's.
    ['@misc{k,\n title = {A},\n Title = {B}}', 1, /the field "title" is given twice in entry "k"/],
    ['@misc{, title = {A}}', 1, /@misc needs a citation key/],
    ['@misc{k, title = {A}', 1, /entry "k" is never closed: add "\}"/],
    ['@misc{a, title = {A},\n\n@misc{b, title = {B}}', 1, /entry "a" runs into the next entry/],
    ['@ {k}', 1, /must be followed by an entry type/],
    ['@misc k', 1, /@misc must be followed by "\{" or "\("/],
    ['@misc{k, title = }', 1, /expected a value/],
    ['@misc{k, title = {x $y}}', 1, /opens math with "\$" but never closes it/],
    ['@string{x {a}}', 1, /expected "=" after the @string name "x"/],
    ['@string{x = {a} b}', 1, /expected "\}" to end the @string, found "b\}"/],
    ['@misc{k, author = {Ford, Jr., Henry, III}}', 1, /unexpected 4-part name .* in entry "k"/],
    // The library gives up on this one altogether.
    ['@string{x = {\\newcommand"p}}', 1, /the file cannot be read: Malformed name for \\newcommand/],
  ])('fails on %j naming line %i', (source, line, message) => {
    const error = errorOf(source);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`refs.bib:${line}  `)).toBe(true);
  });

  it('lists every problem of a file in line order, and says "BibTeX" when there is no file name', () => {
    const error = errorOf('@misc{d, journal = nature}\n@misc{a, title={A}}\n@misc{a, title={B}}\n@misc{, title={C}}', 'x.bib');
    expect([error.line, ...error.more.map((p) => p.line)]).toEqual([1, 3, 4]);
    expect(error.message.split('\n')).toEqual([
      'x.bib:1  "nature" is not a defined @string macro: put the value in braces, {nature}',
      'x.bib:3  duplicate key "a" (first defined on line 2)',
      'x.bib:4  @misc needs a citation key: @misc{key, …}',
    ]);
    expect(() => parseBibtex('@misc{k, title = {A}')).toThrow(/^BibTeX:1 {2}entry "k" is never closed/);
  });
});

describe('LaTeX in values', () => {
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
    ['\\emph{Nature}, \\textbf{bold} \\textit{it} \\textsc{Caps}', 'Nature, bold it Caps'],
    ['Sch\\"{o}lkopf~B.', 'Schölkopf\u00A0B.'],
    ['$x$-nets, $\\alpha$ and $x^2$', 'x-nets, α and x²'],
    ['see \\url{https://example.org/a_b}', 'see https://example.org/a_b'],
    // An unknown command drops out; its argument stays.
    ['\\unknown{kept} text', 'kept text'],
  ])('%s → %s', (input, output) => {
    expect(titleOf(input)).toBe(output);
  });
});

describe('names', () => {
  it('reads "First von Last", "von Last, First" and "von Last, Jr, First"', () => {
    expect(namesOf('Diederik P. Kingma and van der Maaten, Laurens and Ford, Jr., Henry and Ludwig van Beethoven')).toEqual(
      [
        { first: 'Diederik P.', von: '', last: 'Kingma', jr: '' },
        { first: 'Laurens', von: 'van der', last: 'Maaten', jr: '' },
        { first: 'Henry', von: '', last: 'Ford', jr: 'Jr.' },
        { first: 'Ludwig', von: 'van', last: 'Beethoven', jr: '' },
      ],
    );
  });

  it('keeps a braced group whole: "and" inside braces does not split, a corporate name is one last name', () => {
    expect(namesOf('{Barnes and Noble} and others')).toEqual([
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
    const names = (s: string) => formatAuthors(namesOf(s));
    expect(names('Elman, J. L.')).toBe('J. L. Elman');
    expect(names('Hochreiter, S. and Schmidhuber, J.')).toBe('S. Hochreiter and J. Schmidhuber');
    expect(names('Gers, F. A. and Schmidhuber, J. and Cummins, F.')).toBe('F. A. Gers, J. Schmidhuber, and F. Cummins');
    expect(names('LeCun, Y. and Bottou, L. and Bengio, Y. and Haffner, P.')).toBe('Y. LeCun et al.');
    expect(names('Suvorov and others')).toBe('Suvorov et al.');
    expect(formatAuthors([])).toBe('');
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

// Entries as Zotero (Better BibTeX), Google Scholar and dblp export them and as a hand-kept .bib writes them:
// the fixtures follow each source's own conventions, not this parser's.
describe('real-world .bib files', () => {
  const fixture = (name: string) => {
    const path = `tests/fixtures/bibtex/${name}`;
    return parseBibtex(readFileSync(path, 'utf8'), path);
  };
  const byKey = (entries: BibEntry[]) => new Map(entries.map((e) => [e.key, e]));

  it('reads a Zotero Better BibTeX export: {{…}} case protection, month macros, escaped %, file paths', () => {
    const entries = fixture('zotero-better-bibtex.bib');
    expect(entries.map((e) => [e.key, e.type, e.line])).toEqual([
      ['heDeepResidualLearning2016', 'inproceedings', 1],
      ['scholkopfLearningKernelsSupport2002', 'book', 18],
      ['vaswaniAttentionAllYou2023', 'misc', 31],
      ['KunstlichesNeuronalesNetz2024', 'misc', 47],
    ]);
    const [resnet, kernels, attention, wiki] = entries;
    expect(resnet!.fields).toMatchObject({
      title: 'Deep Residual Learning for Image Recognition',
      booktitle: '2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)',
      month: '6',
      pages: '770–778',
      file: '/home/reader/Zotero/storage/5ZQ9X4KD/He et al. - 2016 - Deep Residual Learning for Image Recognition.pdf',
    });
    expect(resnet!.fields.abstract).toMatch(/we obtain a 28% relative improvement on the COCO/);
    expect(referenceText(toReference(resnet!), { withUrl: true })).toBe(
      'K. He et al. Deep Residual Learning for Image Recognition. 2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR) 770–778, 2016. https://doi.org/10.1109/CVPR.2016.90',
    );
    expect(toReference(kernels!)).toMatchObject({ authors: 'B. Schölkopf and A. J. Smola', venue: 'MIT Press' });
    expect(attention!.fields).toMatchObject({
      eprint: '1706.03762',
      archiveprefix: 'arXiv',
      keywords: 'Computer Science - Computation and Language, Computer Science - Machine Learning',
    });
    expect(toReference(attention!).url).toBe('https://doi.org/10.48550/arXiv.1706.03762');
    expect(wiki!.fields.title).toBe('Künstliches neuronales Netz');
    expect(wiki!.fields.url).toBe('https://de.wikipedia.org/wiki/K%C3%BCnstliches_neuronales_Netz');
  });

  it('reads a Google Scholar export: lowercase journals, accents in braces, $\\{$…$\\}$ titles, "and others"', () => {
    const entries = byKey(fixture('google-scholar.bib'));
    expect([...entries.values()].map((e) => e.line)).toEqual([1, 12, 23, 30, 38]);
    expect(referenceText(toReference(entries.get('lecun2015deep')!))).toBe(
      'Y. LeCun, Y. Bengio, and G. Hinton. Deep learning. nature 521(7553), 436–444, 2015.',
    );
    expect(toReference(entries.get('hochreiter1997long')!).authors).toBe('S. Hochreiter and J. Schmidhuber');
    expect(entries.get('hochreiter1997long')!.names.author![1]).toEqual({
      first: 'Jürgen',
      von: '',
      last: 'Schmidhuber',
      jr: '',
    });
    const tensorflow = entries.get('abadi2016tensorflow')!;
    // Scholar's $\{$…$\}$ are braces set in math mode, and that is what they print.
    expect(tensorflow.fields.title).toBe('{TensorFlow}: a system for {Large-Scale} machine learning');
    expect(tensorflow.names.author![0]!.first).toBe('Mart\u00EDn');
    expect(tensorflow.names.author!.at(-1)).toMatchObject({ others: true });
    expect(toReference(tensorflow).authors).toBe('M. Abadi et al.');
    expect(publicationLine(toReference(entries.get('kingma2014adam')!))).toBe('arXiv preprint arXiv:1412.6980, 2014');
    // Scholar lists Bengio twice for this book; the reader keeps what the file says.
    expect(entries.get('goodfellow2016deep')!.names.author).toHaveLength(4);
  });

  it('reads a dblp export: keys with / and :, name lists over several lines, \\_ in URLs and DOIs', () => {
    const entries = byKey(fixture('dblp.bib'));
    expect([...entries.keys()]).toEqual([
      'DBLP:journals/neco/HochreiterS97',
      'DBLP:conf/miccai/RonnebergerFB15',
      'DBLP:conf/nips/VaswaniSPUJGKP17',
    ]);
    expect(toReference(entries.get('DBLP:journals/neco/HochreiterS97')!)).toMatchObject({
      authors: 'S. Hochreiter and J. Schmidhuber',
      title: 'Long Short-Term Memory',
      venue: 'Neural Comput.',
      details: '9(8), 1735–1780',
      url: 'https://doi.org/10.1162/NECO.1997.9.8.1735',
    });
    const unet = entries.get('DBLP:conf/miccai/RonnebergerFB15')!;
    expect(unet.line).toBe(17);
    expect(unet.fields.booktitle).toBe(
      'Medical Image Computing and Computer-Assisted Intervention - MICCAI 2015 - 18th International Conference Munich, Germany, October 5 - 9, 2015, Proceedings, Part III',
    );
    expect(unet.fields.url).toBe('https://doi.org/10.1007/978-3-319-24574-4_28');
    expect(toReference(unet).url).toBe('https://doi.org/10.1007/978-3-319-24574-4_28');
    const attention = entries.get('DBLP:conf/nips/VaswaniSPUJGKP17')!;
    expect(attention.names.editor![1]).toEqual({ first: 'Ulrike', von: 'von', last: 'Luxburg', jr: '' });
    expect(toReference(attention).authors).toBe('A. Vaswani et al.');
  });

  it('reads a hand-kept file: @string macros, # concatenation, quotes, parentheses, @preamble and @comment', () => {
    const entries = fixture('hand-maintained.bib');
    expect(entries.map((e) => [e.key, e.line])).toEqual([
      ['Srivastava:2014', 13],
      ['Krizhevsky:2012', 25],
      ['vanDerMaaten:2008', 35],
      ['LeCun:1998', 46],
    ]);
    const [dropout, alexnet, tsne, lenet] = entries;
    expect(dropout!.fields).toMatchObject({ journal: 'Journal of Machine Learning Research', month: '6', volume: '15' });
    expect(alexnet!.fields).toMatchObject({
      title: 'ImageNet Classification with Deep Convolutional Neural Networks',
      booktitle: 'Advances in Neural Information Processing Systems 25',
      month: '12',
    });
    expect(alexnet!.names.editor!.map((n) => n.last)).toEqual(['Pereira', 'Burges', 'Bottou', 'Weinberger']);
    expect(referenceText(toReference(tsne!))).toBe(
      'L. van der Maaten and G. Hinton. Visualizing Data using t-SNE. Journal of Machine Learning Research 9(86), 2579–2605, 2008.',
    );
    expect(toReference(lenet!)).toMatchObject({
      authors: 'Y. LeCun et al.',
      venue: 'Proceedings of the IEEE',
      url: 'https://doi.org/10.1109/5.726791',
    });
    expect(lenet!.names.author![1]).toMatchObject({ first: 'Léon', last: 'Bottou' });
  });

  it.each([
    [
      'unclosed-brace.bib',
      8,
      'entry "he2016deep" runs into the next entry: a "{" in it is never closed, or its closing "}" is missing',
    ],
    ['missing-key.bib', 8, '@article needs a citation key: @article{key, …}'],
    ['duplicate-key.bib', 17, 'duplicate key "he2016deep" (first defined on line 2)'],
  ])('stops on broken/%s at line %i', (name, line, reason) => {
    const path = `tests/fixtures/bibtex/broken/${name}`;
    const error = errorOf(readFileSync(path, 'utf8'), path);
    expect(error.message).toBe(`${path}:${line}  ${reason}`);
    expect([error.file, error.line, error.reason]).toEqual([path, line, reason]);
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
    expect(one(text).fields.title).toBe('A & B');
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
    expect(formatAuthors(parsed.names.author!)).toBe('Deep Learning Notes contributors');
    expect(parsed.fields).toMatchObject({ title: 'Network architectures', year: '2026', url: note.url });
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
