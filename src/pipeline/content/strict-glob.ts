// Why: Astro's glob loader catches an error while rendering a Markdown entry, logs it and stores the entry
// with an empty body, so a bad formula ships as a blank page and the build still "succeeds".
// This wraps the loader and turns those logged render errors into a failed content sync.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';

// Required, not imported: Astro loads the content config through Vite's module runner, which would transform and
// run the loader's 35 modules on every build and dev start (a fifth of a second), while Astro itself has already
// loaded the same modules natively. Node's require of an ES module gives that very instance.
const { glob } = createRequire(import.meta.url)('astro/loaders') as typeof import('astro/loaders');

export class RenderError extends Error {
  override name = 'RenderError';
}

export function strictGlob(options: Parameters<typeof glob>[0]): Loader {
  const inner = glob(options);
  return {
    name: 'strict-glob',
    load: async (context: LoaderContext) => {
      const failures: string[] = [];
      const logger = Object.create(context.logger) as LoaderContext['logger'];
      logger.error = (message: string) => {
        failures.push(message);
        context.logger.error(message);
      };
      await inner.load(unchangedFilesUnparsed({ ...context, logger }));
      if (failures.length > 0) {
        throw new RenderError(
          `${failures.length} note${failures.length > 1 ? 's' : ''} could not be rendered:\n${failures.join('\n')}`,
        );
      }
    },
  };
}

type EntryInfo = (params: { fileUrl: URL; contents: string }) => unknown;
interface EntryType {
  getEntryInfo: EntryInfo;
}

/**
 * Why: Astro's glob loader parses every file's frontmatter on every sync, then finds most files unchanged (the same
 * digest as the stored entry) and drops what it parsed: 2,000 YAML parses and ids worked out from paths, 70 ms of
 * every rebuild at 2,000 notes. Before the digest check the loader uses the parsed frontmatter only for the
 * entry's id (its `slug`, else its path). So for a file whose digest is that of the entry stored for its path,
 * this answers with that entry's id as the slug, unparsed; the loader then keeps the stored entry as it is. The
 * loader's entry types are an internal part of its context (`entryTypes`): should they move, every file is parsed,
 * as before.
 */
export function unchangedFilesUnparsed<Context extends LoaderContext>(context: Context): Context {
  const entryTypes = (context as unknown as { entryTypes?: unknown }).entryTypes;
  if (!(entryTypes instanceof Map)) return context;
  const root = fileURLToPath(context.config.root);
  const fileOf = (filePath: string) => resolve(root, filePath);
  const idsByFile = new Map<string, string>();
  for (const entry of context.store.values()) if (entry.filePath) idsByFile.set(fileOf(entry.filePath), entry.id);
  /** The stored entry of a file, looked up in the store as it is now (`astro dev` syncs a file again on each edit). */
  const storedEntryOf = (file: string) => {
    const id = idsByFile.get(file);
    const entry = id === undefined ? undefined : context.store.get(id);
    return entry?.filePath && fileOf(entry.filePath) === file ? entry : undefined;
  };
  // The digest worked out here, handed to the loader when it asks for the same text right after.
  const digests = new Map<string, string>();
  const generateDigest: LoaderContext['generateDigest'] = (data) => {
    const known = typeof data === 'string' ? digests.get(data) : undefined;
    if (known === undefined) return context.generateDigest(data);
    digests.delete(data as string);
    return known;
  };
  const wrapped = new Map(
    [...(entryTypes as Map<string, EntryType>)].map(([extension, type]) => {
      const getEntryInfo: EntryInfo = (params) => {
        const entry = storedEntryOf(fileURLToPath(params.fileUrl));
        if (entry?.digest !== undefined) {
          const digest = context.generateDigest(params.contents);
          digests.set(params.contents, digest);
          if (digest === entry.digest) return { data: { slug: entry.id }, body: '', rawData: '', slug: entry.id };
        }
        return type.getEntryInfo(params);
      };
      return [extension, { ...type, getEntryInfo }];
    }),
  );
  return { ...context, entryTypes: wrapped, generateDigest };
}
