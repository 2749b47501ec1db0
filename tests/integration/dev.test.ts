// `npm run dev`, the contributor's writing loop: the dev server renders a note when its page is requested
// (src/content.config.ts), with every plugin of the build, and shows an edit to the note's file.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
    probe.on('error', fail);
  });
}

/** The environment of a contributor's shell: Vitest's NODE_ENV=test and VITEST* make Astro serve 404s. */
function readerEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')),
  );
}

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
let server: ChildProcess;
let origin = '';
let output = '';

async function get(path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(origin + path, { signal: AbortSignal.timeout(60_000) });
  return { status: response.status, html: await response.text() };
}

beforeAll(async () => {
  cpSync('tests/fixtures/notes', notes, { recursive: true });
  writeFileSync(join(notes, 'zh', 'bad-math.md'), BAD_MATH);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      env: { ...readerEnvironment(), NOTES_DIR: notes, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      detached: true,
    },
  );
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);
  // A plain loop: expect.poll belongs inside a test.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`astro dev exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`astro dev served no note within 2 minutes:\n${output}`);
    if ((await get('/notes/sample/').catch(() => ({ status: 0 }))).status === 200) break;
    await new Promise((done) => setTimeout(done, 250));
  }
}, 150_000);

afterAll(async () => {
  if (server?.pid !== undefined && server.exitCode === null) {
    const closed = new Promise((done) => server.once('close', done));
    process.kill(-server.pid, 'SIGTERM');
    await closed;
  }
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
    await expect.poll(() => output, { timeout: 10_000 }).toMatch(/bad-math\.md:10/);
    expect(output).toContain('KaTeX parse error');
    expect((await get('/notes/sample/')).status).toBe(200);
  });
});
