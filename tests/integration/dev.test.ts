// `npm run dev`, the contributor's writing loop: the dev server renders a note when its page is requested
// (src/content.config.ts), with every plugin of the build, and shows an edit to the note's file.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startDevServer, waitForPage, type DevServer } from './support/dev-server.ts';
import { takeTurn } from './support/checkout-build.ts';

mkdirSync(join('tests', '.tmp'), { recursive: true });
// Inside the project: the dev server imports notes as modules, and serves files from within its root only.
const notes = relative('.', mkdtempSync(resolve('tests', '.tmp', 'dev-notes-')));
/** A note KaTeX cannot render (line 10): a build stops on it; the dev server must go on serving the others. */
const BAD_MATH = `---
title: 坏公式
description: 一条写错了公式的笔记，用来测试开发服务器。
date: 2026-11-29
tags: [neural-networks]
---

好的公式 $x$。

坏的公式 $\\frac{1}{$ 在这里。
`;
let server: DevServer;
let releaseCheckout: (() => void) | undefined;

async function get(path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(server.origin + path, { signal: AbortSignal.timeout(60_000) });
  return { status: response.status, html: await response.text() };
}

beforeAll(async () => {
  cpSync('tests/fixtures/notes', notes, { recursive: true });
  writeFileSync(join(notes, 'zh', 'bad-math.md'), BAD_MATH);
  // The dev server writes the checkout's `.astro/` all along: no test build of other notes meanwhile.
  releaseCheckout = takeTurn();
  server = startDevServer({ port: await freePort(), env: { NOTES_DIR: notes } });
  await waitForPage(server, '/notes/sample/', { timeoutMs: 120_000 });
}, 150_000);

afterAll(async () => {
  await server?.stop();
  releaseCheckout?.();
  rmSync(notes, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('renders a requested note with the plugins of the build: math, code, contents, sections', async () => {
    const { html } = await get('/notes/sample/');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<annotation encoding="application/x-tex">\\sigma(z) = \\frac{1}{1 + e^{-z}}');
    expect(html).not.toContain('$$');
    expect(html).toContain('<span class="code-block__lang">Python</span>');
    expect(html).toMatch(/<h2 id="目录">目录.*?<\/h2>\s*<ul>\s*<li><a href="#%E5%85%AC%E5%BC%8F">公式<\/a><\/li>/s);
    expect(html).toContain('class="section-body"');
    // The reading time comes from a remark plugin's output, which a note rendered on request still has.
    expect(html).toMatch(/\d+\s*分钟/);
  });

  it('shows an edit to a note on the next request', async () => {
    const marker = `开发时改的一句话${Date.now()}`;
    appendFileSync(join(notes, 'zh', 'sample.md'), `\n\n${marker}\n`);
    await expect
      .poll(async () => (await get('/notes/sample/')).html.includes(marker), { timeout: 60_000, interval: 250 })
      .toBe(true);
  });

  it('serves the notes list and the English note', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.html).toContain('/notes/sample/');
    const en = await get('/en/notes/sample/');
    expect(en.status).toBe(200);
    expect(en.html).toContain('class="katex');
  });

  it('names the file and the formula of a note KaTeX cannot render, on that note’s page only', async () => {
    const bad = await get('/notes/bad-math/');
    expect(bad.status).toBe(500);
    // The page is Vite's error shell (its overlay shows the error); the terminal names the file and line.
    await expect.poll(() => server.output(), { timeout: 10_000 }).toMatch(/bad-math\.md:10/);
    expect(server.output()).toContain('KaTeX parse error');
    expect((await get('/notes/sample/')).status).toBe(200);
  });
});
