import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownProcessor, shikiConfig } from '../../../../src/pipeline/render/processor.ts';
import { calloutKind } from '../../../../src/pipeline/render/callout-kinds.ts';

let renderer: Awaited<ReturnType<typeof markdownProcessor.createRenderer>>;

beforeAll(async () => {
  // The processor the site renders notes with, as Astro creates it (sanitizer, KaTeX and all).
  renderer = await markdownProcessor.createRenderer({ shikiConfig, syntaxHighlight: 'shiki' });
});

async function render(markdown: string, path = 'content/notes/zh/x.md'): Promise<string> {
  return (await renderer.render(markdown, { fileURL: pathToFileURL(resolve(path)) })).code;
}

const TITLE = (id: number, tag: string, text: string) =>
  `<${tag} class="callout__title" id="callout-${id}-title"><span class="callout__icon" aria-hidden="true"></span>${text}</${tag}>`;

describe('callouts', () => {
  it('turns a GitHub alert into an aside named by the kind, in the note language', async () => {
    const zh = await render('> [!NOTE]\n> 正文。\n');
    expect(zh).toBe(
      `<aside class="callout" data-callout="note" aria-labelledby="callout-1-title" role="note">${TITLE(1, 'div', '备注')}` +
        '<div class="callout__body"><p>正文。</p>\n</div></aside>',
    );
    const en = await render('> [!Warning]\n> Body.\n', 'content/notes/en/x.md');
    expect(en).toContain(
      `data-callout="warning" aria-labelledby="callout-1-title" role="note">${TITLE(1, 'div', 'Warning')}`,
    );
  });

  it("uses the author's title, with its inline markup and math", async () => {
    const html = await render('> [!tip] Use **ReLU** for $x$\n> Body.\n\n> [!important]\n> Mind it.\n');
    expect(html).toMatch(
      /<aside class="callout" data-callout="tip" aria-labelledby="callout-1-title" role="note"><div class="callout__title" id="callout-1-title"><span class="callout__icon" aria-hidden="true"><\/span>Use <strong>ReLU<\/strong> for <span class="katex">.*?<\/div><div class="callout__body"><p>Body\.<\/p>/s,
    );
    expect(html).toContain(`aria-labelledby="callout-2-title" role="note">${TITLE(2, 'div', '重要')}`);
  });

  it('normalizes aliases to their kind, in any case', async () => {
    const html = await render('> [!FAQ]\n> a\n\n> [!tldr]\n> b\n\n> [!Error]\n> c\n\n> [!hint]\n> d\n');
    expect([...html.matchAll(/data-callout="([a-z]+)"/g)].map((m) => m[1])).toEqual([
      'question',
      'abstract',
      'danger',
      'tip',
    ]);
    expect(calloutKind('attention')).toBe('warning');
    expect(calloutKind('cite')).toBe('quote');
    expect(calloutKind('caution')).toBe('caution');
    expect(calloutKind('toString')).toBeUndefined();
  });

  it('folds with details: closed for -, open for +', async () => {
    const html = await render('> [!example]- Proof\n> Hidden.\n\n> [!todo]+\n> Shown.\n', 'content/notes/en/x.md');
    expect(html).toContain(
      `<aside class="callout" data-callout="example" aria-labelledby="callout-1-title" role="note"><details>${TITLE(1, 'summary', 'Proof')}` +
        '<div class="callout__body"><p>Hidden.</p>\n</div></details></aside>',
    );
    expect(html).toContain(`<details open>${TITLE(2, 'summary', 'To do')}`);
  });

  it('keeps the rest of the callout: paragraphs, lists, code and callouts nested in it', async () => {
    const html = await render('> [!info] Title  \n> after a hard break\n>\n> - item\n>\n> > [!bug]\n> > nested\n');
    expect(html).toContain(`${TITLE(1, 'div', 'Title')}<div class="callout__body"><p>after a hard break</p>`);
    expect(html).toMatch(/<\/p>\n<ul>\n<li>\n<p>item<\/p>/);
    expect(html).toMatch(/<div class="callout__body">.*<aside class="callout" data-callout="bug"/s);
    expect(html.match(/<\/aside>/g)).toHaveLength(2);
  });

  it('leaves other blockquotes alone', async () => {
    for (const markdown of [
      '> A quote.\n',
      '> [!unknown] kind\n',
      '> \\[!note] escaped\n',
      '> `[!note]` in code\n',
      '> Text [!note] later\n',
      '> [!note]no space\n',
    ]) {
      const html = await render(markdown);
      expect(html, markdown).toMatch(/^<blockquote>/);
      expect(html, markdown).not.toContain('<aside');
    }
  });

  it("gives an author's raw aside nothing: the sanitizer still strips it", async () => {
    const html = await render(
      '<aside data-callout="note" aria-labelledby="x" onclick="alert(1)">raw</aside>\n\n<div data-callout="tip" class="callout">d</div>\n',
    );
    expect(html).not.toMatch(/<aside|data-callout|onclick|alert|aria-labelledby/);
    expect(html).toContain('raw');
  });
});
