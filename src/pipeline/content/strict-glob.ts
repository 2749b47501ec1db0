// Why: Astro's glob loader catches an error while rendering a Markdown entry, logs it and stores the entry
// with an empty body, so a bad formula ships as a blank page and the build still "succeeds".
// This wraps the loader and turns those logged render errors into a failed content sync.
import { createRequire } from 'node:module';
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
      await inner.load({ ...context, logger });
      if (failures.length > 0) {
        throw new RenderError(
          `${failures.length} note${failures.length > 1 ? 's' : ''} could not be rendered:\n${failures.join('\n')}`,
        );
      }
    },
  };
}
