import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlOnDisk, readRenderedNote } from '../../../../src/pipeline/content/html-on-disk.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'dln-html-on-disk-'));
const cacheUrl = pathToFileURL(`${cacheDir}/`);
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

type DataEntry = Parameters<LoaderContext['store']['set']>[0];

/** Runs the wrapper over a loader that stores `entries`, against a store that keeps what is set. */
async function store(entries: DataEntry[]): Promise<DataEntry[]> {
  const kept = new Map<string, DataEntry>();
  const context = {
    collection: 'notes',
    config: { cacheDir: cacheUrl },
    store: {
      set: (entry: DataEntry) => Boolean(kept.set(entry.id, entry)),
      values: () => [...kept.values()],
    },
  } as unknown as LoaderContext;
  const inner = {
    name: 'fixture',
    load: (ctx: LoaderContext) => Promise.resolve(entries.forEach((entry) => ctx.store.set(entry))),
  };
  await htmlOnDisk(inner).load(context);
  return [...kept.values()];
}

describe('htmlOnDisk', () => {
  it('keeps a rendered note’s HTML and headings in a file, and only what plugins added to its frontmatter', async () => {
    const headings = [
      { depth: 2, slug: '第一节', text: '第一节' },
      { depth: 3, slug: 'a-line', text: 'A "quoted"\nline' },
    ];
    const html = '<h2 id="第一节">第一节</h2>\n<p>正文</p>\n';
    const [entry] = await store([
      {
        id: 'zh/a',
        data: { title: '标题', tags: ['x'] },
        digest: '1',
        rendered: {
          html,
          metadata: { headings, frontmatter: { title: '标题', tags: ['x'], minutes: 3, hasMath: true } },
        },
      },
    ]);
    expect(entry!.rendered!.html).toBe('');
    expect(entry!.rendered!.metadata!.frontmatter).toEqual({ minutes: 3, hasMath: true });
    expect(entry!.rendered!.metadata!.headings).toBeUndefined();
    expect(JSON.stringify(entry)).not.toContain(cacheDir);
    expect(readRenderedNote(entry!, cacheUrl)).toEqual({ html, headings });
  });

  it('says which note is missing and what to do when its file is gone from the cache', async () => {
    const rendered = { html: '<p>c</p>', metadata: { headings: [] } };
    const [entry] = await store([{ id: 'zh/c', data: { title: 'c' }, digest: '1', rendered }]);
    rmSync(join(cacheDir, 'note-html'), { recursive: true });
    expect(() => readRenderedNote(entry!, cacheUrl)).toThrow(/"zh\/c" is missing .* Delete the cache folder/);
  });

  it('leaves an entry whose HTML refers to local images in the store, as it was', async () => {
    const rendered = { html: '<img src="x.png">', metadata: { imagePaths: ['./x.png'], frontmatter: { title: 'b' } } };
    const [entry] = await store([{ id: 'zh/b', data: { title: 'b' }, digest: '1', rendered }]);
    expect(entry!.rendered).toEqual(rendered);
    expect(readRenderedNote(entry!, cacheUrl)).toBeUndefined();
  });
});
