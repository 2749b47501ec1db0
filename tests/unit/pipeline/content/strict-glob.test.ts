import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { unchangedFilesUnparsed } from '../../../../src/pipeline/content/strict-glob.ts';

const ROOT = '/project/';
const digestOf = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 16);
type Entry = { id: string; filePath?: string; digest?: string; data: Record<string, unknown> };

/** A loader context as Astro's glob loader gets it, with a Markdown entry type that counts its parses. */
function contextWith(entries: Entry[]) {
  const store = new Map(entries.map((entry) => [entry.id, entry]));
  const parsed: string[] = [];
  const digested: string[] = [];
  const markdown = {
    extensions: ['.md'],
    getEntryInfo: ({ contents }: { contents: string; fileUrl: URL }) => {
      parsed.push(contents);
      return { data: { title: contents }, body: contents, rawData: '', slug: '' };
    },
  };
  const context = {
    config: { root: pathToFileURL(ROOT) },
    store: { values: () => [...store.values()], get: (id: string) => store.get(id) },
    generateDigest: (data: string) => {
      digested.push(data);
      return digestOf(data);
    },
    entryTypes: new Map([['.md', markdown]]),
  } as unknown as LoaderContext;
  const wrapped = unchangedFilesUnparsed(context) as unknown as {
    entryTypes: Map<string, typeof markdown>;
    generateDigest: (data: string) => string;
  };
  /** As the glob loader does it: the entry's info, then the file's digest. */
  const sync = (path: string, contents: string) => {
    const info = wrapped.entryTypes.get('.md')!.getEntryInfo({ contents, fileUrl: pathToFileURL(`${ROOT}${path}`) });
    return { info, digest: wrapped.generateDigest(contents) };
  };
  return { sync, parsed, digested, store };
}

describe('unchangedFilesUnparsed', () => {
  const stored: Entry = { id: 'zh/a', filePath: 'notes/zh/a.md', digest: digestOf('A'), data: { title: 'A' } };

  it('answers for a file the store holds unchanged with its id, without parsing it or hashing it twice', () => {
    const { sync, parsed, digested } = contextWith([stored]);
    const { info, digest } = sync('notes/zh/a.md', 'A');
    expect(info).toMatchObject({ data: { slug: 'zh/a' } });
    expect(digest).toBe(digestOf('A'));
    expect(parsed).toEqual([]);
    expect(digested).toEqual(['A']);
  });

  it('parses a changed file, a new file and a file the store holds under another path', () => {
    const { sync, parsed } = contextWith([stored]);
    expect(sync('notes/zh/a.md', 'A, edited').info).toMatchObject({ data: { title: 'A, edited' } });
    expect(sync('notes/zh/b.md', 'B').info).toMatchObject({ data: { title: 'B' } });
    expect(sync('notes/en/a.md', 'A').info).toMatchObject({ data: { title: 'A' } });
    expect(parsed).toEqual(['A, edited', 'B', 'A']);
  });

  it('looks at the store as it is now: an edit undone in `astro dev` is parsed again', () => {
    const { sync, parsed, store } = contextWith([stored]);
    store.set('zh/a', { ...stored, digest: digestOf('A, edited'), data: { title: 'A, edited' } });
    expect(sync('notes/zh/a.md', 'A').info).toMatchObject({ data: { title: 'A' } });
    expect(parsed).toEqual(['A']);
  });

  it('leaves a context without the entry types it knows as it is', () => {
    const context = { store: { values: () => [] } } as unknown as LoaderContext;
    expect(unchangedFilesUnparsed(context)).toBe(context);
  });
});
