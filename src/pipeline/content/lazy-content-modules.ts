// Why: `astro dev` renders notes on request (src/content.config.ts), so Astro lists every note in
// `.astro/content-modules.mjs` as `["zh/x.md", () => import("astro:content-layer-deferred-module?…")]`. Vite
// resolves each of those import specifiers when the module is first loaded, through the whole plugin chain: at
// 2,000 notes that was 0.7 s of every dev server's first page (3.4 s at 10,000), though a page imports one
// note. This plugin serves the same map with the specifiers as data and one `import()` of a variable, so a
// specifier is resolved when its note is rendered. Should Astro's file take another shape, it is left as it is.
import { readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

/** One entry of Astro's map: `["<entry file>", () => import("<specifier>")],`, both JSON string literals. */
const ENTRY = /\[("(?:[^"\\]|\\.)*"), \(\) => import\(("(?:[^"\\]|\\.)*")\)\]/g;

/**
 * The map as a module that resolves a specifier when it is imported, or undefined when `code` is not the map
 * Astro writes (every `import(` must belong to an entry this reads).
 */
export function lazyContentModules(code: string): string | undefined {
  const trimmed = code.trim();
  if (!trimmed.startsWith('export default new Map([') || !trimmed.endsWith(']);')) return undefined;
  const entries: Array<[string, string]> = [];
  for (const match of trimmed.matchAll(ENTRY)) {
    entries.push([JSON.parse(match[1]!) as string, JSON.parse(match[2]!) as string]);
  }
  if (entries.length !== trimmed.split('import(').length - 1) return undefined;
  return [
    `const entries = ${JSON.stringify(entries)};`,
    // `/@id/`: a bare specifier imported at run time would be looked up in node_modules, not by Vite's plugins.
    "const load = (specifier) => import(/* @vite-ignore */ '/@id/' + specifier);",
    'export default new Map(entries.map(([file, specifier]) => [file, () => load(specifier)]));',
  ].join('\n');
}

const MODULES_FILE = /[\\/]\.astro[\\/]content-modules\.mjs$/;

export default function lazyContentModulesInDev(): AstroIntegration {
  return {
    name: 'deep-learning-notes:lazy-content-modules',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'dev') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'deep-learning-notes:lazy-content-modules',
                enforce: 'pre',
                load(id: string) {
                  if (!MODULES_FILE.test(id)) return null;
                  const lazy = lazyContentModules(readFileSync(id, 'utf8'));
                  return lazy === undefined ? null : { code: lazy };
                },
              },
            ],
          },
        });
      },
    },
  };
}
