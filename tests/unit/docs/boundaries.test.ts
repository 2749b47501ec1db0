// The architecture's boundaries are ESLint rules (eslint.config.js). These tests lint code that crosses each
// boundary, as if it stood in a real file of that layer, and expect the rule to fire: a config edit that loosens a
// boundary, or a glob that stops matching the files it guards, fails here instead of passing silently.
import { globSync } from 'node:fs';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

/** The rule ids and messages ESLint reports for `code` linted as if it were the file at `filePath`. */
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

const PURE_MODULES = ['src/lib/nn/activations.ts', 'src/lib/content/slug.ts', 'src/lib/text/line-index.ts'];
/** Widget models are pure too, however a widget splits them (model.ts, model-*.ts or a model/ folder). */
const WIDGET_MODELS = globSync(['src/widgets/*/model.ts', 'src/widgets/*/model-*.ts', 'src/widgets/*/model/**/*.ts']);

// Typed linting starts a TypeScript project service: seconds on a busy machine, so each case gets a minute.
describe('the pure layer (src/lib and widget models)', { timeout: 60_000 }, () => {
  it.each([...PURE_MODULES, ...WIDGET_MODELS])('%s may not use the DOM, Node, Astro or build code', async (file) => {
    const found = await problems(
      file,
      [
        "import { readFileSync } from 'node:fs';",
        "import { getCollection } from 'astro:content';",
        "import { markdownProcessor } from '../../pipeline/render/processor.ts';",
        "import { openSearch } from '../../client/search.ts';",
        'export const leak = [readFileSync, getCollection, markdownProcessor, openSearch, document.title, window.name];',
      ].join('\n'),
    );
    expect(found.filter((p) => p.startsWith('no-restricted-imports'))).toHaveLength(4);
    expect(found).toContainEqual(expect.stringMatching(/^no-restricted-globals: .*'document'/));
    expect(found).toContainEqual(expect.stringMatching(/^no-restricted-globals: .*'window'/));
  });

  it('accepts pure code', async () => {
    expect(await problems('src/lib/nn/activations.ts', 'export const half = (x: number): number => x / 2;\n')).toEqual(
      [],
    );
  });

  it('is type-checked without the DOM library: every widget model is in src/lib/tsconfig.json', () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      'src/lib/tsconfig.json',
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
        },
      },
    )!;
    const checked = new Set(config.fileNames.map((name) => name.slice(name.indexOf('/src/') + 1)));
    expect(WIDGET_MODELS.length).toBeGreaterThanOrEqual(4);
    for (const model of WIDGET_MODELS) expect(checked, model).toContain(model);
  });
});

describe('browser code (src/client, search client, widget views)', { timeout: 60_000 }, () => {
  it.each(['src/client/site.ts', 'src/search/client/controller.ts', 'src/widgets/neuron/view.ts'])(
    '%s may not import build code or Node',
    async (file) => {
      const found = await problems(
        file,
        "import { codeDigest } from '../pipeline/code-digest.ts';\nimport { join } from 'node:path';\nexport const x = [codeDigest, join];\n",
      );
      expect(found.filter((p) => p.startsWith('no-restricted-imports'))).toHaveLength(2);
    },
  );
});

describe('pages and components', { timeout: 60_000 }, () => {
  it.each(['src/components/BoundaryProbe.astro', 'src/pages/boundary-probe.astro'])(
    '%s may not import post-build code',
    async (file) => {
      const found = await problems(
        file,
        "---\nimport { POSTBUILD_PASSES } from '../pipeline/postbuild/passes.ts';\n---\n<p>{POSTBUILD_PASSES.length}</p>\n",
      );
      expect(found).toEqual([expect.stringMatching(/^no-restricted-imports: .*post-build code/)]);
    },
  );
});
