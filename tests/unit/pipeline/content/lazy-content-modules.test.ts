import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { lazyContentModules } from '../../../../src/pipeline/content/lazy-content-modules.ts';

// As `astro dev` writes `.astro/content-modules.mjs` (Astro 7.3) for notes rendered on request.
const SPEC = (file: string) =>
  `astro:content-layer-deferred-module?astro%3Acontent-layer-deferred-module=&fileName=${encodeURIComponent(file)}&astroContentModuleFlag=true`;
const ASTRO_FILE = `
export default new Map([
["content/notes/en/neuron.md", () => import("${SPEC('content/notes/en/neuron.md')}")],
["content/notes/zh/\\"quoted\\" 名字.mdx", () => import("${SPEC('content/notes/zh/"quoted" 名字.mdx')}")]]);
`;

/** Runs a module's code with `import()` replaced by a recorder, and returns its default export. */
function evaluate(code: string, imported: string[]): Map<string, () => Promise<unknown>> {
  const body = code.replace('export default', 'result =').replace(/import\(\/\* @vite-ignore \*\/ /g, 'record(');
  const record = (specifier: string) => (imported.push(specifier), Promise.resolve(specifier));
  const context: { record: typeof record; result?: Map<string, () => Promise<unknown>> } = { record };
  runInNewContext(body, context);
  return context.result!;
}

describe('lazyContentModules', () => {
  it('maps the same files to loaders of the same specifiers, imported through Vite only when called', async () => {
    const imported: string[] = [];
    const lazy = lazyContentModules(ASTRO_FILE);
    expect(lazy).toBeDefined();
    const map = evaluate(lazy!, imported);
    expect([...map.keys()]).toEqual(['content/notes/en/neuron.md', 'content/notes/zh/"quoted" 名字.mdx']);
    expect(imported).toEqual([]);
    await map.get('content/notes/zh/"quoted" 名字.mdx')!();
    expect(imported).toEqual([`/@id/${SPEC('content/notes/zh/"quoted" 名字.mdx')}`]);
  });

  it('leaves a file of any other shape to Vite as it is (the empty map Astro writes is cheap already)', () => {
    expect(lazyContentModules('export default new Map();')).toBeUndefined();
    expect(lazyContentModules('import x from "y";\nexport default new Map([]);')).toBeUndefined();
    const extra = ASTRO_FILE.replace(']]);', '], ["a.md", async () => { await import("b"); return import("c"); }]]);');
    expect(lazyContentModules(extra)).toBeUndefined();
  });
});
