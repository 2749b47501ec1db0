import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlOnDisk, readNoteHtml } from '../../../../src/pipeline/content/html-on-disk.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'dln-html-on-disk-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

type DataEntry = Parameters<LoaderContext['store']['set']>[0];

/** Runs the wrapper over a loader that stores `entries`, against a store that keeps what is set. */
async function store(entries: DataEntry[]): Promise<DataEntry[]> {
  const kept = new Map<string, DataEntry>();
  const context = {
    collection: 'notes',
    config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
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
  it('keeps a rendered note’s HTML in a file and only what plugins added to its frontmatter', async () => {
    const [entry] = await store([
      {
        id: 'zh/a',
        data: { title: '标题', tags: ['x'] },
        digest: '1',
        rendered: {
          html: '<p>正文</p>',
          metadata: { headings: [], frontmatter: { title: '标题', tags: ['x'], minutes: 3, hasMath: true } },
        },
      },
    ]);
    expect(entry!.rendered!.html).toBe('');
    expect(entry!.rendered!.metadata!.frontmatter).toEqual({ minutes: 3, hasMath: true });
    expect(readNoteHtml(entry!)).toBe('<p>正文</p>');
  });

  it('leaves an entry whose HTML refers to local images in the store, as it was', async () => {
    const rendered = { html: '<img src="x.png">', metadata: { imagePaths: ['./x.png'], frontmatter: { title: 'b' } } };
    const [entry] = await store([{ id: 'zh/b', data: { title: 'b' }, digest: '1', rendered }]);
    expect(entry!.rendered).toEqual(rendered);
    expect(readNoteHtml(entry!)).toBeUndefined();
  });
});
