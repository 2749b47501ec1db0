import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  convertJekyllBody,
  escapeDollars,
  firstParagraph,
  ImportError,
  importJekyllPost,
  jekyllDate,
  jekyllTags,
  languageTable,
  looksLikeInlineMath,
  mapTags,
  normalizeFenceLanguage,
  outlineDescription,
  parseJekyllPost,
  sectionHeadings,
  truncate,
  type ConvertOptions,
  type ImportOptions,
} from '../../../../src/lib/import/jekyll.ts';
import { checkFrontmatter } from '../../../../src/lib/content/frontmatter-check.ts';
import { katexCheck, REGISTRY } from './helpers.ts';

// A slice of Shiki's language list, in the shape of its `bundledLanguagesInfo`.
const LANGUAGES = languageTable([
  { id: 'c' },
  { id: 'json' },
  { id: 'javascript', aliases: ['js', 'cjs', 'mjs'] },
  { id: 'sql' },
  { id: 'ruby', aliases: ['rb'] },
  { id: 'shellscript', aliases: ['bash', 'sh', 'shell', 'zsh'] },
]);
const fixture = (name: string) => readFileSync(`tests/fixtures/jekyll/${name}`, 'utf8');
const convert = (body: string, options: Partial<ConvertOptions> = {}) =>
  convertJekyllBody(body, { lang: 'zh', languages: LANGUAGES, ...options });
const importOptions = (fileName: string, options: Partial<ImportOptions> = {}): ImportOptions => ({
  fileName,
  lang: 'zh',
  languages: LANGUAGES,
  registry: REGISTRY,
  resolveImage: () => undefined,
  checkMath: katexCheck,
  ...options,
});

describe('parseJekyllPost', () => {
  it('reads the front matter as written, keeping the date a string', () => {
    const { frontMatter, body } = parseJekyllPost(fixture('2017-09-22-深度学习.md'));
    expect(frontMatter).toMatchObject({
      layout: 'post',
      title: '深度学习',
      subtitle: '深度学习',
      date: '2017-09-22 12:15:00',
      'header-img': '../img/bg-coffee.jpeg',
      catalog: true,
      tags: ['other'],
    });
    expect(body.startsWith('\n* content\n{:toc}')).toBe(true);
  });
  it('handles CRLF, a BOM and a post without front matter', () => {
    expect(parseJekyllPost('\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n')).toEqual({
      frontMatter: { title: 'A' },
      body: 'Body\n',
      bodyLine: 4,
    });
    expect(parseJekyllPost('Just text\n')).toEqual({ frontMatter: {}, body: 'Just text\n', bodyLine: 1 });
  });
  it('rejects broken YAML with an ImportError', () => {
    expect(() => parseJekyllPost('---\ntitle: [unclosed\n---\nx')).toThrow(ImportError);
  });
});

describe('jekyllDate and jekyllTags', () => {
  it.each([
    ['2017-09-22 12:15:00', '2017-09-22'],
    ['2017-09-22 12:15:00 +0800', '2017-09-22'],
    ['2017-09-22T23:59:00Z', '2017-09-22'],
    ['2017-09-22', '2017-09-22'],
    ['yesterday', undefined],
    [42, undefined],
  ])('%j → %j', (value, expected) => expect(jekyllDate(value)).toBe(expected));

  it('accepts a list, a flow list, a space-separated string or categories', () => {
    expect(jekyllTags({ tags: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(jekyllTags({ tags: 'ml python' })).toEqual(['ml', 'python']);
    expect(jekyllTags({ categories: ['x'] })).toEqual(['x']);
    expect(jekyllTags({})).toEqual([]);
  });
});

describe('mapTags', () => {
  it('maps ids and labels in either language case-insensitively, and reports new ids', () => {
    expect(
      mapTags(['Deep_Learning', 'MATH', '机器学习', 'Computer Vision', 'shell', '其他', 'Machine-Learning'], REGISTRY),
    ).toEqual({
      ids: ['deep-learning', 'math', 'machine-learning', 'computer-vision', 'shell', '其他'],
      added: ['shell', '其他'],
      dropped: [],
    });
  });
  it('drops a tag that gives no id', () => {
    expect(mapTags(['!!', 'math'], REGISTRY)).toEqual({ ids: ['math'], added: [], dropped: ['!!'] });
  });
});

describe('normalizeFenceLanguage', () => {
  it.each([
    ['C', 'c', true],
    ['JSON', 'json', true],
    ['JS', 'js', true],
    ['SQL', 'sql', true],
    ['Bash', 'bash', true],
    ['text', 'text', true],
    ['unknownlang', 'text', false],
  ])('%s → %s', (language, id, known) => expect(normalizeFenceLanguage(language, LANGUAGES)).toEqual({ id, known }));
});

describe('dollar signs', () => {
  it.each([
    // shell variables and arguments
    ['echo $HOME', 'echo \\$HOME'],
    ['$HOME and $PATH', '\\$HOME and \\$PATH'],
    ['$HOME/$USER', '\\$HOME/\\$USER'],
    ['$PATH:$HOME', '\\$PATH:\\$HOME'],
    ['"$1"/"$2"', '"\\$1"/"\\$2"'],
    ['$1 and $2', '\\$1 and \\$2'],
    ['${HOME}/x and ${USER}', '\\${HOME}/x and \\${USER}'],
    ['$(xcode-select -p)/usr and $(pwd)', '\\$(xcode-select -p)/usr and \\$(pwd)'],
    ['pid $$', 'pid \\$\\$'],
    ['$ npm install', '\\$ npm install'],
    // prices
    ['$5 and $10', '\\$5 and \\$10'],
    ['between $5-$10', 'between \\$5-\\$10'],
    ['US$20 or US$30', 'US\\$20 or US\\$30'],
    ['价格 $5，然后 $x$。', '价格 \\$5，然后 $x$。'],
    // real math is kept
    ['$x^2$', '$x^2$'],
    ['$x$ and $y$', '$x$ and $y$'],
    ['$n$ samples and $\\alpha = 0.1$', '$n$ samples and $\\alpha = 0.1$'],
    ['a $$E = mc^2$$ b', 'a $$E = mc^2$$ b'],
    ['的$\\mathbf w$是', '的$\\mathbf w$是'],
    ['$f(x) = \\max(0, x)$', '$f(x) = \\max(0, x)$'],
    // escaped dollars and code are left alone
    ['\\$100', '\\$100'],
    ['`echo $HOME` costs $5', '`echo $HOME` costs \\$5'],
    ['``a $x` b`` $y$', '``a $x` b`` $y$'],
    // unsure: escaped
    ['$abc$', '\\$abc\\$'],
    ['$x and $', '\\$x and \\$'],
  ])('%s → %s', (input, expected) => expect(escapeDollars(input).line).toBe(expected));

  it('escapes a formula KaTeX cannot render and says so', () => {
    const result = escapeDollars('bad $\\frac{1}{$ and good $x^2$', katexCheck);
    expect(result.line).toBe('bad \\$\\frac{1}{\\$ and good $x^2$');
    expect(result.rejected).toEqual(['\\frac{1}{']);
  });

  it('looksLikeInlineMath applies Pandoc’s spacing rule, then shell and prose checks', () => {
    expect(looksLikeInlineMath('x', ' ', ' ')).toBe(true);
    expect(looksLikeInlineMath(' x', ' ', ' ')).toBe(false);
    expect(looksLikeInlineMath('x', ' ', '0')).toBe(false);
    expect(looksLikeInlineMath('x', 'S', ' ')).toBe(false);
    expect(looksLikeInlineMath('HOME/', ' ', 'U')).toBe(false);
    expect(looksLikeInlineMath('5 and US', ' ', '1')).toBe(false);
    expect(looksLikeInlineMath('损失', ' ', ' ')).toBe(false);
    expect(looksLikeInlineMath('\\text{损失} = 0', ' ', ' ')).toBe(true);
  });
});

describe('convertJekyllBody', () => {
  it('turns kramdown’s `* content` + `{:toc}` into the TOC heading of the language', () => {
    expect(convert('* content\n{:toc} \n\n## A\n').body).toBe('## 目录\n\n## A\n');
    expect(convert('Intro.\n\n1. TOC\n{:toc}\n## A\n', { lang: 'en' }).body).toBe('Intro.\n\n## Contents\n\n## A\n');
  });

  it('drops other kramdown attribute lists and fixes `##Title`', () => {
    expect(convert('##Title {#custom}\n{: .no_toc}\n### Sub {:.no_toc}\nText\n<!--more-->\n').body).toBe(
      '## Title\n### Sub\nText\n',
    );
  });

  it('normalizes fence languages and converts {% highlight %}, leaving code untouched', () => {
    const { body, warnings } = convert(
      '```C\nint $x;\n```\n\n~~~JSON\n{}\n~~~\n\n```unknownlang {.x}\na $HOME\n```\n\n{% highlight Ruby linenos %}\nputs "$5"\n{% endhighlight %}\n',
    );
    expect(body).toBe(
      '```c\nint $x;\n```\n\n~~~json\n{}\n~~~\n\n```text {.x}\na $HOME\n```\n\n```ruby\nputs "$5"\n```\n',
    );
    expect(warnings).toEqual([{ line: 9, message: 'unknown code language "unknownlang", shown as plain text' }]);
  });

  it('makes display math of `$$` blocks and of a `$$…$$` paragraph, and leaves their content alone', () => {
    expect(convert('Text\n\n$$E = mc^2$$\n\nMore\n').body).toBe('Text\n\n$$\nE = mc^2\n$$\n\nMore\n');
    expect(convert('$$\\begin{aligned}\na &= b \\\\\nc &= d\\end{aligned}$$\n').body).toBe(
      '$$\n\\begin{aligned}\na &= b \\\\\nc &= d\\end{aligned}\n$$\n',
    );
    expect(convert('$$\nx\n$$\n').body).toBe('$$\nx\n$$\n');
    expect(convert('- item\n\n  $$\n  x^2\n  $$\n').body).toBe('- item\n\n  $$\n  x^2\n  $$\n');
  });

  it('turns a display formula KaTeX cannot render into a tex code block', () => {
    const { body, warnings } = convert('$$\n\\frac{1}{\n$$\n', { checkMath: katexCheck });
    expect(body).toBe('```tex\n\\frac{1}{\n```\n');
    expect(warnings[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/^KaTeX cannot render a display formula/),
    });
  });

  it('leaves dollars in raw HTML and in an unclosed `$$` paragraph to the rules of each', () => {
    expect(convert('<div>\ncosts $5\n</div>\n').body).toBe('<div>\ncosts $5\n</div>\n');
    expect(convert('$$ is the shell PID\n').body).toBe('\\$\\$ is the shell PID\n');
  });

  it('hands local images to resolveImage and replaces the missing ones by their alt text', () => {
    const seen: string[] = [];
    const { body, missingImages } = convert(
      '![A](../img/a.png) ![B](img/b.png "title") ![C](https://x.org/c.png)\n\n<img src="/img/d.png" alt="D">\n',
      {
        resolveImage: (src) => (
          seen.push(src),
          src.includes('a.png') || src.includes('d.png') ? `/images/n/${src.split('/').at(-1)}` : undefined
        ),
      },
    );
    expect(seen).toEqual(['../img/a.png', 'img/b.png', '/img/d.png']);
    expect(body).toBe('![A](/images/n/a.png) B ![C](https://x.org/c.png)\n\n<img src="/images/n/d.png" alt="D">\n');
    expect(missingImages).toEqual(['img/b.png']);
  });

  it('strips {{ site.baseurl }} and {% raw %}, and warns about other Liquid (not about the raw content)', () => {
    const { body, warnings } = convert(
      '![a]({{ site.baseurl }}/img/a.png)\n{% raw %}\n{{ x }}\n{% endraw %}\n{% include x.html %}\n',
      {
        resolveImage: (src) => src,
      },
    );
    expect(body).toBe('![a](/img/a.png)\n{{ x }}\n{% include x.html %}\n');
    expect(warnings).toEqual([{ line: 5, message: 'Liquid tag {% include x.html %} left as text' }]);
  });
});

describe('descriptions', () => {
  it('take the first paragraph of prose as plain text, joining Chinese lines without a space', () => {
    expect(
      firstParagraph('## H\n\n- list\n\n```\ncode\n```\n\n这是**第一段**，\n以及[链接](https://x.org)。\n\nNext.\n'),
    ).toBe('这是第一段，以及链接。');
    expect(firstParagraph('Some *English* text\nwrapped `here`.\n')).toBe('Some English text wrapped here.');
    expect(firstParagraph('## Only a heading\n- and a list\n')).toBeUndefined();
  });
  it('are cut to 200 characters, at a sentence end when there is one late enough', () => {
    const sentence = `${'长'.repeat(150)}。`;
    expect(truncate(sentence + '短'.repeat(100))).toBe(sentence);
    const long = '字'.repeat(250);
    expect(truncate(long)).toBe(`${'字'.repeat(199)}…`);
    expect([...truncate(long)].length).toBe(200);
    expect(truncate('short')).toBe('short');
  });
});

describe('outline descriptions', () => {
  it('list the section headings (not the TOC heading, not code) after the title, as many as fit', () => {
    const body = '## 目录\n\n## [路线图](https://x.org)\n\n```\n## not a heading\n```\n\n## **神经元**\n';
    expect(sectionHeadings(body)).toEqual(['路线图', '神经元']);
    expect(outlineDescription('深度学习', ['路线图', '神经元'], 'zh')).toBe('深度学习：路线图、神经元。');
    expect(outlineDescription('Deep learning', ['Roadmap', 'Neuron'], 'en')).toBe('Deep learning: Roadmap, Neuron.');
    const many = Array.from({ length: 40 }, (_, i) => `第${i + 1}节内容`);
    const cut = outlineDescription('标题', many, 'zh')!;
    expect(cut.endsWith('等。')).toBe(true);
    expect([...cut].length).toBeLessThanOrEqual(200);
    expect(outlineDescription('标题', [], 'zh')).toBeUndefined();
  });
});

describe('importJekyllPost', () => {
  it('turns the seed document into a valid note', () => {
    const note = importJekyllPost(fixture('2017-09-22-深度学习.md'), importOptions('2017-09-22-深度学习.md'));
    // Its subtitle only repeats the title and it has no paragraph of prose: the description lists its sections.
    const description =
      '深度学习：路线图、人工智能分类、机器学习过程、神经网络深度学习过程、神经元、激活函数、网络结构、学习方式、Apple CoreML、state of the art(SOTA) 艺术类的模型、开源。';
    expect(note.fields).toEqual({ title: '深度学习', description, date: '2017-09-22', tags: ['other'], draft: false });
    expect(note.descriptionFrom).toBe('section headings');
    expect(note.newTags).toEqual(['other']);
    expect(note.missingImages).toEqual(['../img/apple_coreml.png']);
    expect(note.text).toMatch(
      /^---\ntitle: 深度学习\ndescription: 深度学习：路线图、.*开源。\ndate: 2017-09-22\ntags: \[other\]\n---\n\n## 目录\n\n## \[路线图\]/,
    );
    expect(note.text).not.toMatch(/\{:toc\}|\* content|layout:|header-img|catalog|author/);
    expect(note.text).toContain('|| \\$(xcode-select -p)/usr/bin/coremlc');
    expect(checkFrontmatter(note.text, 'zh/深度学习.md', [...Object.keys(REGISTRY), 'other'])).toEqual([]);
  });

  it('escapes the dollars of the $HOME fixture and keeps its formulas', () => {
    const note = importJekyllPost(
      fixture('2020-01-05-shell-and-prices.md'),
      importOptions('2020-01-05-shell-and-prices.md'),
    );
    expect(note.fields.title).toBe('Shell variables: $HOME and friends');
    expect(note.text).toContain('title: "Shell variables: $HOME and friends"');
    expect(note.text).toContain('Your home folder is \\$HOME and the search path is \\$PATH; in a script, \\$1 is');
    expect(note.text).toContain(
      'The book costs \\$5 and the course \\$10, or between \\$5-\\$10 on sale. US\\$20 buys both.',
    );
    expect(note.text).toContain(
      'The loss is $L = (y - \\hat y)^2$ and its gradient is $2(\\hat y - y)$; for $n$ samples:',
    );
    expect(note.text).toContain('```bash\necho "$HOME" && cp "$1" "$2"\n```');
    expect(note.text).toContain('$$\nE = mc^2\n$$');
    expect(note.text).toContain('Already escaped: \\$100.');
    expect(note.escapedDollars).toBe(10);
    expect(note.fields.tags).toEqual(['tools', 'shell']);
  });

  it('takes the first paragraph as the description when there is no subtitle, and the date from the front matter', () => {
    const note = importJekyllPost(fixture('no-subtitle.md'), importOptions('no-subtitle.md'));
    expect(note.descriptionFrom).toBe('first paragraph');
    expect(note.fields).toMatchObject({
      description: '这是第一段，说明这篇文章讲什么：机器学习的基本流程，以及深度学习与它的关系。',
      date: '2021-02-03',
      tags: ['machine-learning', 'deep-learning', 'python'],
    });
    expect(note.text).toContain('\n## 第一节\n');
  });

  it('takes the date from the file name when the front matter has none, and marks unpublished posts as drafts', () => {
    const note = importJekyllPost(
      '---\ntitle: T\ntags: [math]\npublished: false\n---\nBody text.\n',
      importOptions('2015-04-01-t.md'),
    );
    expect(note.fields).toMatchObject({ date: '2015-04-01', draft: true, description: 'Body text.' });
  });

  it('ignores a subtitle that only repeats the title', () => {
    const note = importJekyllPost(
      '---\ntitle: T\nsubtitle: T\ndate: 2020-01-01\ntags: [math]\n---\nThe first paragraph.\n',
      importOptions('t.md'),
    );
    expect(note.fields.description).toBe('The first paragraph.');
    expect(note.descriptionFrom).toBe('first paragraph');
  });

  it('adds --tags to every note', () => {
    const note = importJekyllPost(
      '---\ntitle: T\ndate: 2020-01-01\n---\nx\n',
      importOptions('t.md', { extraTags: ['Optimization', 'new-one'] }),
    );
    expect(note.fields.tags).toEqual(['optimization', 'new-one']);
    expect(note.newTags).toEqual(['new-one']);
  });

  it('fails with the fix when a post cannot become a note', () => {
    expect(() => importJekyllPost('---\ndate: 2020-01-01\ntags: [a]\n---\n', importOptions('x.md'))).toThrow(
      /no title/,
    );
    expect(() => importJekyllPost('---\ntitle: T\ntags: [a]\n---\n', importOptions('x.md'))).toThrow(/no date/);
    expect(() => importJekyllPost('---\ntitle: T\ndate: 2020-02-30\ntags: [a]\n---\n', importOptions('x.md'))).toThrow(
      /not a real calendar date/,
    );
    expect(() => importJekyllPost('---\ntitle: T\ndate: 2020-01-01\n---\n', importOptions('x.md'))).toThrow(
      /no tags: .*--tags/,
    );
  });
});
