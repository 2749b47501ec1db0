// Real-world Jekyll posts in the styles of popular themes (minima's starter post, Minimal Mistakes' and
// Chirpy's demo posts, al-folio's image post, a Hux-style Chinese post with math) and hostile input, through
// `importJekyllPost` with Shiki's real language list and KaTeX: the output, and the file lines of warnings.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ImportError, importJekyllPost, languageTable, type ImportOptions } from '../../../../src/lib/import/jekyll.ts';
import { checkFrontmatter } from '../../../../src/lib/content/frontmatter-check.ts';
import { katexCheck, REGISTRY } from './helpers.ts';

const FIXTURES = 'tests/fixtures/jekyll-real';
const fromAstro = createRequire(createRequire(import.meta.url).resolve('astro/package.json'));
const shiki = (await import(pathToFileURL(fromAstro.resolve('shiki')).href)) as {
  bundledLanguagesInfo: Array<{ id: string; aliases?: string[] }>;
};
const LANGUAGES = languageTable(shiki.bundledLanguagesInfo);

/** Like the script: an image is found when the file is in the fixture folder (the Jekyll site root). */
function resolveImage(src: string): string | undefined {
  const path = join(FIXTURES, src.replace(/^\//, ''));
  try {
    return statSync(path).isFile() ? `/images/x/${src.split('/').at(-1)}` : undefined;
  } catch {
    return undefined;
  }
}

const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const options = (fileName: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
  fileName,
  lang: 'zh',
  languages: LANGUAGES,
  registry: REGISTRY,
  resolveImage,
  checkMath: katexCheck,
  ...extra,
});
const load = (name: string, extra: Partial<ImportOptions> = {}) => importJekyllPost(read(name), options(name, extra));
const body = (text: string) => text.slice(text.indexOf('\n---\n', 4) + 6);

describe('every well-formed real-world post', () => {
  const posts = readdirSync(FIXTURES).filter((name) => /\.(?:md|markdown)$/.test(name));
  const withFences = posts.filter((name) => /^(?:```|~~~)/m.test(read(name)));

  it.each(posts)('%s becomes a note the frontmatter check accepts', (name) => {
    const note = load(name);
    const ids = [...Object.keys(REGISTRY), ...note.newTags];
    expect(checkFrontmatter(note.text, `zh/${name}`, ids)).toEqual([]);
  });

  it.each(withFences)('%s keeps the content of every fenced code block byte for byte', (name) => {
    const source = read(name)
      .replace(/^\uFEFF/, '')
      .replace(/\r\n/g, '\n');
    // Found by lines, not by the parser under test: the content between an opening and a closing fence.
    const fences = [...source.matchAll(/^([ \t]*)(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^\1\2[ \t]*$/gm)].map((m) => m[3]!);
    expect(fences.length).toBeGreaterThan(0);
    const output = load(name).text;
    for (const fence of fences) expect(output).toContain(fence);
  });
});

describe('minima: the starter post', () => {
  const note = load('2019-08-08-welcome-to-jekyll.markdown');

  it('maps the front matter: categories as a string, the date with its time zone', () => {
    expect(note.fields).toMatchObject({ title: 'Welcome to Jekyll!', date: '2019-08-08', tags: ['jekyll', 'update'] });
    expect(note.descriptionFrom).toBe('first paragraph');
    expect(note.fields.description).toBe(
      'You’ll find this post in your _posts directory. Go ahead and edit it and re-build the site to see your changes.',
    );
    expect(note.warnings).toEqual([{ message: 'description shortened to 200 characters' }]);
  });

  it('turns {% highlight ruby %} into a fence whose `#=>` line stays code', () => {
    expect(body(note.text)).toContain(
      "snippets:\n\n```ruby\ndef print_hi(name)\n  puts \"Hi, #{name}\"\nend\nprint_hi('Tom')\n#=> prints 'Hi, Tom' to STDOUT.\n```\n\nCheck out",
    );
  });

  it('keeps the rest as written, reference definitions with their spacing included', () => {
    const source = read('2019-08-08-welcome-to-jekyll.markdown');
    expect(body(note.text).endsWith(source.slice(source.indexOf('Check out')))).toBe(true);
    expect(note.text).toContain('[jekyll-gh]:   https://github.com/jekyll/jekyll\n');
  });
});

describe('Minimal Mistakes: the syntax-highlighting demo post', () => {
  const note = load('2018-01-03-markup-syntax-highlighting.md');
  const text = body(note.text);

  it('takes the excerpt as the description and tags with spaces as one tag each', () => {
    expect(note.descriptionFrom).toBe('excerpt');
    expect(note.fields.description).toBe('Post displaying the various ways of highlighting code in Markdown.');
    expect(note.fields.tags).toEqual(['code', 'syntax-highlighting']);
  });

  it('drops {% raw %} around Liquid shown in inline code, and the raw tags inside a highlight block', () => {
    expect(text).toContain("Jekyll's [`{% highlight %}` tag](https://jekyllrb.com/docs/templates/");
    expect(text).toContain(
      '```html\n<nav class="pagination" role="navigation">\n  {% if page.previous %}\n    <a href="{{ site.url }}{{ page.previous.url }}"',
    );
    expect(text).toContain('</nav><!-- /.pagination -->\n```\n');
  });

  it('drops highlight options such as linenos, and leaves the code block in a list alone', () => {
    expect(text).toContain("```javascript\n// 'gulp html' -- does nothing\n");
    expect(text).toContain('```wl\nModule[{},\n');
    expect(text).toContain('2. Now do this:\n\n   ```ruby\n   def print_hi(name)\n     puts "Hi, #{name}"\n');
  });

  it('drops the notice class, turns the figure include into an image and its caption, and strips the site URL', () => {
    expect(text).toContain('Syntax highlighting with Liquid is optional:\n\n## Jekyll Highlight Tag');
    expect(note.missingImages).toEqual([
      '/assets/images/unsplash-image-10.jpg',
      '/assets/images/markup-syntax-highlighting-teaser.jpg',
    ]);
    expect(text).toContain('Syntax highlighting with Liquid is optional:\n\n## Jekyll Highlight Tag');
    expect(text).toContain('\n\nthis is a placeholder image\n\n*This is a figure caption.*\n');
    expect(text).not.toMatch(/\{: \.full\}|site\.baseurl/);
  });

  it('keeps the gist tag as text and names its line in the file', () => {
    expect(text).toContain('{% gist mmistakes/6589546 %}');
    expect(note.warnings).toEqual([
      { line: 17, message: '5 heading level(s) changed: the title is the only h1' },
      { line: 100, message: 'Liquid tag {% gist mmistakes/6589546 %} left as text' },
    ]);
  });
});

describe('Chirpy: the text-and-typography demo post', () => {
  const seen: string[] = [];
  const note = load('2019-08-08-text-and-typography.md', {
    resolveImage: (src) => (seen.push(src), resolveImage(src)),
  });
  const text = body(note.text);

  it('maps description, categories as a list and tags', () => {
    expect(note.fields).toMatchObject({
      description: 'Examples of text, typography, math equations, diagrams, flowcharts, pictures, videos, and more.',
      tags: ['typography', 'blogging', 'demo'],
    });
  });

  it('drops the attribute lists after headings, prompts, code blocks, inline code and images', () => {
    expect(text).toContain('## H1 — heading\n\n### H2 — heading\n\n#### H3 — heading\n<!-- markdownlint-restore -->');
    expect(text).toContain('> An example showing the `tip` type prompt.\n\n> An example');
    expect(text).toContain('"colors/dark-typography";\n```\n\n### Mathematics');
    expect(text).toContain('Here is the `/path/to/the/file.extend`.');
    expect(text).toContain('![Desktop View](/images/x/mockup.png)\n_Full screen width and center alignment_');
    expect(text).not.toContain('{:');
  });

  it('finds images under media_subpath', () => {
    expect(seen).toEqual(['/assets/img/posts/20190808/mockup.png', '/assets/img/posts/20190808/devtools-light.png']);
    expect(note.missingImages).toEqual(['/assets/img/posts/20190808/devtools-light.png']);
  });

  it('keeps math KaTeX renders, turns the rest into a tex block with its line, and leaves $? in code', () => {
    expect(text).toContain('When $a \\ne 0$, there are two solutions to $ax^2 + bx + c = 0$ and they are');
    expect(text).toContain('$$\nx = {-b \\pm \\sqrt{b^2-4ac} \\over 2a}\n$$');
    expect(text).toContain('```tex\n\\begin{equation}\n');
    expect(text).toContain('if [ $? -ne 0 ]; then');
    expect(note.warnings).toEqual([
      { line: 17, message: '25 heading level(s) changed: the title is the only h1' },
      { line: 117, message: 'KaTeX cannot render a display formula, kept as a tex code block' },
    ]);
    expect(note.escapedDollars).toBe(0);
  });

  it('turns the YouTube include into a link, and keeps the tables, task lists and footnotes', () => {
    expect(text).toContain('[YouTube: Balreaj8Yqs](https://www.youtube.com/watch?v=Balreaj8Yqs)');
    expect(text).toContain('| Island Trading               | Helen Bennett    |      UK |');
    expect(text).toContain('- [ ] Job\n  + [x] Step 1');
    expect(text).toContain('[^fn-nth-2]: The 2nd footnote source\n');
  });
});

describe('al-folio: figure includes inside HTML', () => {
  const note = load('2015-05-15-images.md');
  const text = body(note.text);

  it('become <img> in HTML (where Markdown is not read) and an image with its caption outside', () => {
    expect(text).toContain('<div class="col-sm mt-3 mt-md-0">\n        <img src="/images/x/9.jpg" alt="">\n    </div>');
    expect(text).not.toContain('assets/img/7.jpg');
    expect(text).toContain('\n\nexample image\n\n*Eight, with a caption.*');
    expect(note.fields.tags).toEqual(['formatting', 'images', 'sample-posts']);
    expect(note.warnings).toEqual([]);
  });
});

describe('a Chinese post with kramdown math, raw blocks and Liquid-looking code', () => {
  const note = load('2020-03-15-反向传播.md');
  const text = body(note.text);

  it('maps subtitle, tags with spaces, Chinese labels and a string category onto the registry', () => {
    expect(note.fields).toMatchObject({
      title: '反向传播算法推导',
      description: '从链式法则到矩阵形式',
      tags: ['machine-learning', 'neural-networks', 'math', 'deep-learning'],
    });
    expect(note.newTags).toEqual([]);
  });

  it('drops the excerpt separator and rewrites the kramdown $$ block with $$ on lines of their own', () => {
    expect(text).toMatch(/^反向传播（Backpropagation）用链式法则计算损失函数对每一层参数的梯度。\n\n## 符号约定/);
    expect(text).toContain(
      '$$\n\\begin{aligned}\nz^{[l]} &= W^{[l]} a^{[l-1]} + b^{[l]} \\\\\na^{[l]} &= \\sigma(z^{[l]})\n\\end{aligned}\n$$\n',
    );
    expect(text).toContain('第 $l$ 层的权重记作 $W^{[l]}$，偏置记作 $b^{[l]}$，激活函数为 $\\sigma$。');
    expect(note.escapedDollars).toBe(0);
  });

  it('keeps {{ }} in a raw block, and Liquid-looking text in code and inline code, as written', () => {
    expect(text).toContain('模板里写 `{{ lr }}` 这样的变量');
    expect(text).toContain('```jinja\nlearning_rate: {{ lr }}\n{% for layer in layers %}\n');
    expect(text).toContain(
      '```yaml\nimage: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n{% if false %}not liquid here{% endif %}\n```',
    );
    expect(text).toContain('行内代码 `{{ site.title }}` 和 `{% include note.html %}` 也应原样保留。');
    expect(note.warnings).toEqual([]);
  });

  it('links {% post_url %} and {% link %} to the notes those posts become, per language', () => {
    expect(text).toContain('[上一篇](/notes/welcome-to-jekyll/)，以及 [语法高亮](/notes/markup-syntax-highlighting/)');
    const english = load('2020-03-15-反向传播.md', { lang: 'en' });
    expect(english.text).toContain('[上一篇](/en/notes/welcome-to-jekyll/)');
    expect(note.missingImages).toEqual(['/img/backprop-graph.png']);
  });
});

describe('a post saved on Windows (CRLF and a byte-order mark)', () => {
  const note = load('2021-05-20-windows-notes.md');

  it('is read like any other, without a \\r or the mark in the note', () => {
    expect(note.text).not.toMatch(/\r|\uFEFF/);
    expect(note.fields).toMatchObject({
      title: 'Notes from a Windows machine',
      tags: ['deep-learning', 'gpu', 'tools'],
    });
    expect(body(note.text)).toContain('```powershell\n$env:CUDA_VISIBLE_DEVICES = "0"\n');
    expect(body(note.text)).toContain('The run costs about \\$3 per hour on a spot instance.\n\nLoss curve\n');
  });

  it('names the file lines in warnings', () => {
    expect(note.warnings).toEqual([{ line: 22, message: 'Liquid tag {% include disqus.html %} left as text' }]);
  });
});

describe('hostile input', () => {
  it('an unclosed {% highlight %} is left as text and reported on its line', () => {
    const note = load('hostile/2021-06-01-unclosed-highlight.md');
    expect(note.warnings).toEqual([
      { line: 9, message: '{% highlight %} without {% endhighlight %}, left as text' },
      { line: 10, message: '2 heading level(s) changed: the title is the only h1' },
    ]);
    // The code's comment reads as a heading once the fence is gone; as a heading it goes under the title.
    expect(body(note.text)).toContain('{% highlight python %}\n## a comment');
  });

  it('an unclosed front matter fails with its line', () => {
    const fail = () => load('hostile/2021-06-02-unclosed-front-matter.md');
    expect(fail).toThrow(ImportError);
    expect(fail).toThrow(/no closing "---" line/);
    try {
      fail();
    } catch (error) {
      expect((error as ImportError).line).toBe(1);
    }
  });

  it('an orphan closing tag, a lone $$ and an unclosed {% raw %} are kept and reported on their lines', () => {
    const note = load('hostile/2021-06-03-stray-tags.md');
    expect(body(note.text)).toContain("\\$\\$ is the shell's PID, not math\n\n{% raw %}\n{{ never closed }}\n");
    expect(note.warnings).toEqual([
      { line: 6, message: 'Liquid tag {% endhighlight %} left as text' },
      { line: 11, message: '{% raw %} without {% endraw %}, left as text' },
      { line: 12, message: 'Liquid tag {{ never closed }} left as text' },
    ]);
  });

  it('broken YAML fails with the line of the file', () => {
    try {
      importJekyllPost('---\ntitle: ok\ntags: [a\ndate: 2020-01-01\n---\nx\n', options('x.md'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).line).toBeGreaterThanOrEqual(3);
    }
  });
});
