import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { svgProblems } from '../../../../src/lib/content/svg-safety.ts';

const svg = (body: string, head = '') =>
  `${head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n${body}\n</svg>\n`;

describe('svgProblems', () => {
  it('accepts the diagrams the site ships', () => {
    const dir = 'public/diagrams';
    const files = readdirSync(dir).filter((name) => name.endsWith('.svg'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) expect(svgProblems(readFileSync(join(dir, name), 'utf8')), name).toEqual([]);
  });

  it('accepts fragments, inline images and internal styles', () => {
    const body =
      '<defs><linearGradient id="g"/></defs><style>.a{fill:url(#g)}</style>' +
      '<use href="#g"/><image href="data:image/png;base64,AAAA"/><rect style="fill:url(#g)"/>';
    expect(svgProblems(svg(body))).toEqual([]);
  });

  it.each([
    ['<script>alert(1)</script>', /<script> element/],
    ['<SCRIPT>alert(1)</SCRIPT>', /<SCRIPT> element/],
    ['<svg:script>alert(1)</svg:script>', /<svg:script> element/],
    ['<foreignObject><iframe src="https://x.org"/></foreignObject>', /<foreignObject> element/],
    ['<rect onload="alert(1)"/>', /onload="…" event handler/],
    ['<a href=" javascript:alert(1)"><text>x</text></a>', /a script URL/],
    ['<a xlink:href="&#106;avascript:alert(1)">x</a>', /a script URL/],
    ['<set attributeName="href" to="javascript:alert(1)"/>', /a script URL/],
    // The URL parser drops tabs and newlines inside a scheme, and leading control characters: each still runs.
    ['<a href="java&#9;script:alert(1)"><text>x</text></a>', /a script URL \(a javascript: URL\)/],
    ['<a href="java\nscript:alert(1)"><text>x</text></a>', /a script URL/],
    ['<a href="&#1;javascript:alert(1)"><text>x</text></a>', /a script URL/],
    ['<a href="VBScript:msgbox(1)"><text>x</text></a>', /a script URL \(a vbscript: URL\)/],
    ['<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><text>x</text></a>', /a data: URL of type text\/html/],
    ['<animate attributeName="href" values="#a;javascript:alert(1)"/>', /a script URL/],
    ['<image href="https://tracker.example/p.png"/>', /an external reference/],
    ['<use href="//evil.example/sprite.svg#a"/>', /an external reference/],
    ['<style>@import url(https://x.org/a.css);</style>', /<style> loads from elsewhere/],
    ['<rect style="fill:url(https://x.org/a.svg#p)"/>', /style="…" loads from elsewhere/],
  ])('refuses %s', (body, message) => {
    const problems = svgProblems(svg(body));
    expect(problems).toContainEqual({ line: 2, message: expect.stringMatching(message) as string });
  });

  it('refuses a DOCTYPE that declares entities (an expansion bomb)', () => {
    const head = '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n';
    expect(svgProblems(svg('<text>&b;</text>', head))).toContainEqual({
      line: 1,
      message: 'DOCTYPE with entity declarations',
    });
  });
});
