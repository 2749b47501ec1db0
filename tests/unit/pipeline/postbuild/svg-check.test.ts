import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSvgs } from '../../../../src/pipeline/postbuild/svg-check.ts';

const work = mkdtempSync(join(tmpdir(), 'dln-svg-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CLEAN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">\n<rect width="1" height="1"/>\n</svg>\n';
const SCRIPTED = '<svg xmlns="http://www.w3.org/2000/svg">\n<rect/>\n<script>alert(1)</script>\n</svg>\n';
const HANDLER = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">\n</svg>\n';
const TRACKER = '<svg xmlns="http://www.w3.org/2000/svg">\n\n<image href="https://tracker.example/p.png"/>\n</svg>\n';

function site(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('checkSvgs', () => {
  const publicDir = site('public', { 'diagrams/bad.svg': SCRIPTED, 'favicon.svg': HANDLER });
  const built = site('dist', {
    'diagrams/bad.svg': SCRIPTED,
    'diagrams/good.svg': CLEAN,
    'favicon.svg': HANDLER,
    'images/post/ICON.SVG': CLEAN,
    '_astro/figure.B2x_9aQz.svg': TRACKER,
    'notes/x/index.html': SCRIPTED,
    'og.png': 'not an svg',
  });
  const files = ['_astro/figure.B2x_9aQz.svg', 'diagrams/bad.svg', 'diagrams/good.svg', 'favicon.svg'];

  it('names the file to fix and the line of each problem, and counts only SVGs', () => {
    const findings = join(work, 'cache', 'first.json');
    const result = checkSvgs(built, [...files, 'images/post/ICON.SVG', 'og.png'], findings, publicDir);
    expect(result.checked).toBe(5);
    expect(result.problems).toEqual([
      '/_astro/figure.B2x_9aQz.svg:3  href="https://tracker.example/p.png": an external reference; inline it or use #id' +
        ' (an image a note links, renamed by Astro)',
      `${join(publicDir, 'diagrams/bad.svg')}:3  <script> element: an SVG may not run script or embed documents`,
      `${join(publicDir, 'favicon.svg')}:1  onload="…" event handler: remove it`,
    ]);
  });

  it('remembers what it found by the file’s digest, and checks a changed file again', () => {
    const findings = join(work, 'cache', 'remembered.json');
    checkSvgs(built, files, findings, publicDir);
    const digest = (text: string) => createHash('sha1').update(text).digest('hex');
    const remembered = JSON.parse(readFileSync(findings, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(remembered).sort()).toEqual([CLEAN, SCRIPTED, HANDLER, TRACKER].map(digest).sort());
    // What is remembered for a digest is used as is: the clean file is not parsed again.
    writeFileSync(findings, JSON.stringify({ ...remembered, [digest(CLEAN)]: [{ line: 7, message: 'remembered' }] }));
    expect(checkSvgs(built, ['diagrams/good.svg'], findings, publicDir).problems).toEqual([
      '/diagrams/good.svg:7  remembered',
    ]);
    writeFileSync(join(built, 'diagrams/good.svg'), HANDLER);
    expect(checkSvgs(built, ['diagrams/good.svg'], findings, publicDir).problems).toEqual([
      '/diagrams/good.svg:1  onload="…" event handler: remove it',
    ]);
  });

  it('survives a damaged findings file', () => {
    const findings = join(work, 'cache', 'damaged.json');
    writeFileSync(findings, '{not json');
    expect(checkSvgs(built, ['favicon.svg'], findings, publicDir).problems).toHaveLength(1);
  });
});
