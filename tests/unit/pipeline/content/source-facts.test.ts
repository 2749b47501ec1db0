import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { factsOf, withSourceFacts } from '../../../../src/pipeline/content/source-facts.ts';

const dir = mkdtempSync(join(tmpdir(), 'dln-source-facts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type DataEntry = Parameters<LoaderContext['store']['set']>[0];

const NOTE = [
  '---',
  'title: 标题',
  '---',
  '',
  '见 [神经元](/notes/neuron/) 与 [激活函数](/notes/activation-functions/#relu)。',
  '',
  '> [!quiz] 哪一个是激活函数？',
  '> - [x] ReLU',
  '> - [ ] SGD',
  '',
  '```md',
  '> [!quiz] 代码块里的不算',
  '```',
  '',
].join('\n');

/** A loader that stores the given entries, as Astro's glob loader stores the notes it has rendered. */
const storing = (entries: DataEntry[]): Loader => ({
  name: 'fixture',
  load: (context) => {
    for (const entry of entries) context.store.set(entry);
    return Promise.resolve();
  },
});

/** Runs a loader against a store that keeps what is set, and returns what it kept. */
async function load(loader: Loader): Promise<DataEntry[]> {
  const kept: DataEntry[] = [];
  const store = {
    set: (entry: DataEntry) => {
      kept.push(entry);
      return true;
    },
  } as unknown as LoaderContext['store'];
  await loader.load({ store } as LoaderContext);
  return kept;
}

describe('withSourceFacts', () => {
  const file = join(dir, 'a.md');
  writeFileSync(file, NOTE);

  it('keeps the links and self-check questions of a rendered note with its entry', async () => {
    const [entry] = await load(
      withSourceFacts(storing([{ id: 'zh/a', data: {}, filePath: file, digest: '1', rendered: { html: '<p>a</p>' } }])),
    );
    expect(entry!.rendered!.html).toBe('<p>a</p>');
    expect(entry!.rendered!.metadata).toEqual({
      sourceFacts: {
        links: ['neuron', 'activation-functions'],
        quizzes: ['> [!quiz] 哪一个是激活函数？\n> - [x] ReLU\n> - [ ] SGD'],
      },
    });
    // Taken from the entry, not the file: the file has changed since, its entry has not.
    writeFileSync(file, '---\ntitle: 标题\n---\n\n无链接。\n');
    expect(factsOf(entry!).links).toEqual(['neuron', 'activation-functions']);
    writeFileSync(file, NOTE);
  });

  it('stores an entry that was not rendered (MDX, rendered on request) as it is, and its facts are read', async () => {
    const [entry] = await load(withSourceFacts(storing([{ id: 'zh/a', data: {}, filePath: file, digest: '2' }])));
    expect(entry).toEqual({ id: 'zh/a', data: {}, filePath: file, digest: '2' });
    expect(factsOf(entry!)).toEqual({
      links: ['neuron', 'activation-functions'],
      quizzes: ['> [!quiz] 哪一个是激活函数？\n> - [x] ReLU\n> - [ ] SGD'],
    });
  });
});
