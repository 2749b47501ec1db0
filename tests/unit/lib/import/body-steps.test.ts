// The steps of a post body's conversion one by one: offset edits that remember the original lines, the block
// structure (raw, highlight, comment, kramdown $$ blocks), Liquid tags, and the kramdown syntax pass.
import { describe, expect, it } from 'vitest';
import { convertJekyllBody, languageTable, type ConvertOptions } from '../../../../src/lib/import/jekyll.ts';
import { LineIndex, removal, SourceText } from '../../../../src/lib/import/source-text.ts';

const LANGUAGES = languageTable([{ id: 'python', aliases: ['py'] }, { id: 'ruby' }, { id: 'liquid' }]);
const convert = (body: string, options: Partial<ConvertOptions> = {}) =>
  convertJekyllBody(body, { lang: 'zh', languages: LANGUAGES, ...options });

describe('SourceText', () => {
  it('applies edits by offset and maps offsets of the result back to the original', () => {
    const doc = SourceText.of('one\ntwo\nthree\n').edit([
      { start: 4, end: 7, text: 'TWO\nand a half' },
      { start: 0, end: 0, text: '> ' },
    ]);
    expect(doc.text).toBe('> one\nTWO\nand a half\nthree\n');
    const lines = new LineIndex('one\ntwo\nthree\n');
    expect(lines.lineOf(doc.originalOffset(doc.text.indexOf('three')))).toBe(3);
    expect(lines.lineOf(doc.originalOffset(doc.text.indexOf('and a half')))).toBe(2);
    const again = doc.edit([{ start: 0, end: 2, text: '' }]);
    expect(lines.lineOf(again.originalOffset(again.text.indexOf('three')))).toBe(3);
  });

  it('leaves out an edit that overlaps one listed before it', () => {
    expect(
      SourceText.of('abcdef').edit([
        { start: 1, end: 4, text: 'X' },
        { start: 3, end: 5, text: 'Y' },
        { start: 5, end: 5, text: 'Z' },
      ]).text,
    ).toBe('aXeZf');
  });

  it('removes a block with its line, and one of two blank lines around it', () => {
    const text = 'a\n\n<!--more-->\n\nb\n';
    const lines = new LineIndex(text);
    const start = text.indexOf('<');
    expect(SourceText.of(text).edit([removal(lines, start, start + 11)]).text).toBe('a\n\nb\n');
    const inline = 'a <!--more--> b\n';
    expect(SourceText.of(inline).edit([removal(new LineIndex(inline), 2, 13)]).text).toBe('a  b\n');
  });
});

describe('block structure', () => {
  it('converts a highlight tag that shares its lines with code or text', () => {
    expect(convert('Run {% highlight python %}print(1){% endhighlight %} now.\n').body).toBe(
      'Run \n```python\nprint(1)\n```\n now.\n',
    );
  });

  it('uses a fence longer than any inside the highlighted code', () => {
    expect(convert('{% highlight ruby %}\n```\ncode\n```\n{% endhighlight %}\n').body).toBe(
      '````ruby\n```\ncode\n```\n````\n',
    );
  });

  it('keeps a highlight block inside a list item at the item’s indentation', () => {
    expect(convert('1. Step:\n\n   {% highlight python %}\n   x = 1\n   {% endhighlight %}\n').body).toBe(
      '1. Step:\n\n   ```python\n   x = 1\n   ```\n',
    );
  });

  it('does not convert a highlight tag shown in code', () => {
    const body = 'Use `{% highlight python %}` like this:\n\n```liquid\n{% highlight python %}\n```\n';
    expect(convert(body)).toMatchObject({ body, warnings: [] });
  });

  it('drops kramdown {::comment} blocks with their hidden text', () => {
    expect(convert('a\n\n{::comment}\nnot for readers\n{:/comment}\n\nb {::comment}x{:/}\n').body).toBe('a\n\nb\n');
  });

  it('drops {% comment %} blocks, but not inside code', () => {
    expect(convert('a\n\n{% comment %}\nhidden {{ x }}\n{% endcomment %}\n\nb `{% comment %}`\n').body).toBe(
      'a\n\nb `{% comment %}`\n',
    );
  });

  it('reads kramdown $$ blocks the way kramdown does, in lists and quotes too', () => {
    expect(convert('$$x\ny$$\n\nnext\n').body).toBe('$$\nx\ny\n$$\n\nnext\n');
    expect(convert('- a\n\n  $$\\begin{aligned}\n  x &= 1\n  \\end{aligned}$$\n').body).toBe(
      '- a\n\n  $$\n  \\begin{aligned}\n  x &= 1\n  \\end{aligned}\n  $$\n',
    );
    expect(convert('> $$a\n> = b$$\n').body).toBe('> $$\n> a\n> = b\n> $$\n');
  });

  it('escapes a $$ that nothing closes within its paragraph, so it cannot swallow the post', () => {
    const { body, escapedDollars } = convert('$$ costs\n\n## Next\n\n$x$ is math\n');
    expect(body).toBe('\\$\\$ costs\n\n## Next\n\n$x$ is math\n');
    expect(escapedDollars).toBe(2);
  });

  it('reports lines of the file when told where the body starts', () => {
    const { warnings } = convert('a\n\n{% highlight python %}\nx\n', { firstLine: 6 });
    expect(warnings).toEqual([{ line: 8, message: '{% highlight %} without {% endhighlight %}, left as text' }]);
  });
});

describe('Liquid tags', () => {
  it('resolves the site address filters to the path', () => {
    const { body, warnings } = convert(
      [
        `![a]({{ '/assets/a.png' | relative_url }})`,
        `![b]({{ "/assets/b.png" | absolute_url }})`,
        `[c]({{ site.url }}{{ site.baseurl }}/about/)`,
        `![d]({{ "/assets/d.png" | prepend: site.baseurl }})`,
        `{{ page.title }}`,
      ].join('\n\n'),
    );
    expect(body).toBe(
      '![a](/assets/a.png)\n\n![b](/assets/b.png)\n\n[c](/about/)\n\n![d](/assets/d.png)\n\n{{ page.title }}\n',
    );
    expect(warnings).toEqual([{ line: 9, message: 'Liquid tag {{ page.title }} left as text' }]);
  });

  it('links {% post_url %} and {% link %}, and keeps links to pages it cannot know', () => {
    const { body, warnings } = convert(
      '[a]({% post_url 2019-01-02-Tips & Tricks %}) [b]({% link _posts/2019-01-02-x.md %}) [c]({% link assets/paper.pdf %}) [d]({% link about.md %})\n',
      { lang: 'en' },
    );
    expect(body).toBe(
      '[a](/en/notes/tips-and-tricks/) [b](/en/notes/x/) [c](/assets/paper.pdf) [d]({% link about.md %})\n',
    );
    expect(warnings).toEqual([{ line: 1, message: 'Liquid tag {% link about.md %} left as text' }]);
  });

  it('turns {% include toc %} on its own line into the TOC heading, and a figure in a sentence into an image', () => {
    expect(convert('Intro.\n\n{% include toc icon="cog" title="Contents" %}\n\n## A\n', { lang: 'en' }).body).toBe(
      'Intro.\n\n## Contents\n\n## A\n',
    );
    expect(convert(`See {% include figure image_path="/a b.png" alt="A [1]" caption='Say "hi"' %} here.\n`).body).toBe(
      'See ![A \\[1\\]](</a b.png> "Say &quot;hi&quot;") here.\n',
    );
  });

  it('keeps a figure whose path is a Liquid variable, and says so', () => {
    const { body, warnings } = convert('{% include figure image_path=page.teaser alt="x" %}\n');
    expect(body).toBe('{% include figure image_path=page.teaser alt="x" %}\n');
    expect(warnings).toHaveLength(1);
  });

  it('leaves Liquid in inline code, fences and math alone, without warnings', () => {
    const body = '`{{ x }}` and $$\\frac{{a}}{b}$$\n\n~~~\n{% include x.html %}\n~~~\n\n$$\ne^{{x}}\n$$\n';
    expect(convert(body)).toMatchObject({ body, warnings: [] });
  });
});

describe('kramdown syntax', () => {
  it('drops span attribute lists after links and emphasis, and header ids of setext headings', () => {
    expect(convert('[a](x){:target="_blank"} and *b*{: .c}\n\nTitle {#t}\n=====\n').body).toBe(
      '[a](x) and *b*\n\n## Title\n',
    );
  });

  it('keeps braces that are not attribute lists', () => {
    const body = 'A set {1, 2} and {:not closed\n\n| {: .x} in a table |\n| --- |\n';
    expect(convert(body).body).toBe(body);
  });

  it('drops a custom excerpt separator', () => {
    expect(convert('Intro.\n\n<!-- excerpt -->\n\nMore.\n', { excerptSeparator: '<!-- excerpt -->' }).body).toBe(
      'Intro.\n\nMore.\n',
    );
  });

  it('resolves reference-style images through their definition', () => {
    const { body, missingImages } = convert('![a][one] ![b][two]\n\n[one]: img/a.png\n[two]: img/b.png "B"\n', {
      resolveImage: (src) => (src === 'img/a.png' ? '/images/n/a.png' : undefined),
    });
    expect(body).toBe('![a][one] b\n\n[one]: /images/n/a.png\n[two]: img/b.png "B"\n');
    expect(missingImages).toEqual(['img/b.png']);
  });

  it('leaves a dollar pair that spans a code span as text', () => {
    expect(convert('$a = `b`$ and $x$\n').body).toBe('\\$a = `b`\\$ and $x$\n');
  });
});
