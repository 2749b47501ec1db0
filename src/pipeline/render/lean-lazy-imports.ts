// Why: Vite wraps every on-demand `import()` of the browser bundle in its preload helper
// (`__vitePreload(() => import('./x.js'), deps)`), which fetches a lazy chunk's CSS and imports ahead of it.
// Our lazily loaded modules (search, previews, progress, the service worker) bring no CSS and are loaded
// late on purpose, yet the helper cost every page about 750 bytes gzipped, a quarter of a text note's script,
// and `build.modulePreload: false` does not remove it under Vite 8. This plugin unwraps the calls in every
// client chunk before minification and drops the then unused helper. A lazy chunk that imports CSS fails the
// build (its stylesheet would no longer be loaded), as does a call it cannot unwrap.
import { posix } from 'node:path';
import type { AstroIntegration } from 'astro';

const HELPER = '__vitePreload';
const MARKER = '__VITE_PRELOAD__';
/** Rolldown starts each module's code in a chunk with a `// <module id>` line; this is the helper's. */
const HELPER_REGION = '// \\0vite/preload-helper.js\n';

export interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** Every node of an ESTree AST, depth first. */
function* walk(node: AstNode): Generator<AstNode> {
  yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) yield* walk(item);
    } else if (isNode(value)) {
      yield* walk(value);
    }
  }
}

const nameOf = (node: unknown) => (isNode(node) && node.type === 'Identifier' ? (node.name as string) : undefined);

function applyEdits(code: string, edits: Edit[]): string {
  let result = code;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/**
 * One pass of `__vitePreload(FACTORY, __VITE_PRELOAD__)` → `(FACTORY)()` over the outermost calls of a chunk.
 * Returns the new code and how many calls were unwrapped; call again while that is above 0 (nested calls).
 */
export function unwrapPreloadCalls(code: string, ast: AstNode): { code: string; unwrapped: number } {
  const edits: Edit[] = [];
  for (const node of walk(ast)) {
    if (node.type !== 'CallExpression' || nameOf(node.callee) !== HELPER) continue;
    const args = node.arguments as AstNode[];
    const factory = args[0];
    if (args.length !== 2 || nameOf(args[1]) !== MARKER || !factory) continue;
    if (factory.type !== 'ArrowFunctionExpression' && factory.type !== 'FunctionExpression') continue;
    if (code.slice(node.start, node.start + HELPER.length) !== HELPER) {
      throw new Error(`lean-lazy-imports: the parser's offsets do not match the code at ${node.start}`);
    }
    edits.push({ start: node.start, end: node.end, text: `(${code.slice(factory.start, factory.end)})()` });
  }
  const outermost = edits.filter((e) => !edits.some((o) => o !== e && o.start <= e.start && e.end <= o.end));
  return { code: applyEdits(code, outermost), unwrapped: outermost.length };
}

/**
 * The chunk's import and export of the helper removed (another chunk may hold it: `import { t as __vitePreload }`,
 * `export { __vitePreload as t }`). A bare import stays in place of a removed one, so module order is unchanged.
 */
export function dropHelperImportsAndExports(code: string, ast: AstNode): string {
  const edits: Edit[] = [];
  for (const statement of ast.body as AstNode[]) {
    const specifiers = statement.specifiers as AstNode[] | undefined;
    if (!specifiers || (statement.type !== 'ImportDeclaration' && statement.type !== 'ExportNamedDeclaration')) {
      continue;
    }
    const isHelper = (s: AstNode) => nameOf(s.local) === HELPER;
    if (!specifiers.some(isHelper)) continue;
    const kept = specifiers.filter((s) => !isHelper(s)).map((s) => code.slice(s.start, s.end));
    const source = statement.source as AstNode | null | undefined;
    const from = source ? code.slice(source.start, source.end) : '';
    let text: string;
    if (statement.type === 'ImportDeclaration') {
      text = kept.length > 0 ? `import { ${kept.join(', ')} } from ${from};` : `import ${from};`;
    } else {
      text = kept.length > 0 ? `export { ${kept.join(', ')} }${from ? ` from ${from}` : ''};` : '';
    }
    edits.push({ start: statement.start, end: statement.end, text });
  }
  return applyEdits(code, edits);
}

/** Where the helper module's code is in a chunk, if it is there. */
function helperRegion(code: string): { start: number; end: number } | undefined {
  const start = code.indexOf(HELPER_REGION);
  if (start < 0) return undefined;
  const next = /\n\/\/ [^\n]+\n/g;
  next.lastIndex = start + HELPER_REGION.length;
  return { start, end: next.exec(code)?.index ?? code.length };
}

/** Places outside the helper's own code that still use the helper (empty once every call is unwrapped). */
export function remainingHelperUses(code: string, ast: AstNode): number[] {
  const region = helperRegion(code);
  return [...walk(ast)]
    .filter((n) => nameOf(n) === HELPER && !(region && n.start >= region.start && n.end <= region.end))
    .map((n) => n.start);
}

/**
 * The chunk without the helper module when nothing outside it refers to its declarations (Rolldown's minifier
 * keeps unused top-level code of a chunk, so it has to go here). Unchanged otherwise.
 */
export function dropUnusedHelper(code: string, ast: AstNode): string {
  const region = helperRegion(code);
  if (!region) return code;
  const declared = new Set<string>();
  for (const statement of ast.body as AstNode[]) {
    if (statement.start < region.start || statement.end > region.end) continue;
    if (statement.type === 'VariableDeclaration') {
      for (const d of statement.declarations as AstNode[]) {
        const name = nameOf(d.id);
        if (name) declared.add(name);
      }
    } else if (statement.type === 'FunctionDeclaration') {
      const name = nameOf(statement.id);
      if (name) declared.add(name);
    }
  }
  for (const node of walk(ast)) {
    if (node.start >= region.start && node.end <= region.end) continue;
    const name = nameOf(node);
    if (name && declared.has(name)) return code;
  }
  return code.slice(0, region.start) + code.slice(region.end);
}

/**
 * The chunk without its bare imports (`import "./x.js";`) of the given specifiers: the chunks they name were
 * left empty (the helper's own, once no chunk calls it), and each import would still cost the page a request.
 */
export function dropBareImports(code: string, ast: AstNode, specifiers: ReadonlySet<string>): string {
  const edits: Edit[] = [];
  for (const statement of ast.body as AstNode[]) {
    if (statement.type !== 'ImportDeclaration' || (statement.specifiers as AstNode[]).length > 0) continue;
    const source = (statement.source as AstNode).value;
    if (typeof source === 'string' && specifiers.has(source)) {
      edits.push({ start: statement.start, end: statement.end, text: '' });
    }
  }
  return applyEdits(code, edits);
}

/** The whole rewrite of one chunk; `parse` is the bundler's parser. Unchanged code when there is no helper. */
export function withoutPreloadHelper(
  code: string,
  parse: (code: string) => AstNode,
): { code: string; remaining: number[] } {
  if (!code.includes(HELPER)) return { code, remaining: [] };
  let current = code;
  for (;;) {
    const { code: next, unwrapped } = unwrapPreloadCalls(current, parse(current));
    if (unwrapped === 0) break;
    current = next;
  }
  current = dropHelperImportsAndExports(current, parse(current));
  const ast = parse(current);
  const remaining = remainingHelperUses(current, ast);
  if (remaining.length > 0) return { code, remaining };
  return { code: dropUnusedHelper(current, ast), remaining };
}

export default function leanLazyImports(): AstroIntegration {
  return {
    name: 'deep-learning-notes:lean-lazy-imports',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'deep-learning-notes:unwrap-vite-preload',
                apply: 'build',
                applyToEnvironment: (environment) => environment.name === 'client',
                renderChunk(code, chunk) {
                  const result = withoutPreloadHelper(code, (c) => this.parse(c) as unknown as AstNode);
                  if (result.remaining.length > 0) {
                    this.error(
                      `${chunk.fileName}: Vite's preload helper is still used at offset ${result.remaining.join(', ')} ` +
                        'in a form src/pipeline/render/lean-lazy-imports.ts does not unwrap. Write the on-demand ' +
                        "import as `import('./module.ts')` or teach the plugin the new form.",
                    );
                  }
                  if (result.code === code) return null;
                  return { code: result.code, map: null };
                },
                generateBundle(_options, bundle) {
                  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
                  // Its metadata may still list the helper's export, which no chunk imports any more.
                  const empty = chunks.filter((c) => c.code.trim() === '');
                  for (const gone of empty) delete bundle[gone.fileName];
                  for (const chunk of chunks) {
                    const dropped = empty.filter((gone) => chunk.imports.includes(gone.fileName));
                    if (dropped.length === 0 || !bundle[chunk.fileName]) continue;
                    const specifiers = new Set(
                      dropped.map((gone) => {
                        const path = posix.relative(posix.dirname(chunk.fileName), gone.fileName);
                        return path.startsWith('.') ? path : `./${path}`;
                      }),
                    );
                    chunk.code = dropBareImports(chunk.code, this.parse(chunk.code) as unknown as AstNode, specifiers);
                    chunk.imports = chunk.imports.filter((file) => !dropped.some((gone) => gone.fileName === file));
                    const still = dropped.find((gone) => chunk.code.includes(posix.basename(gone.fileName)));
                    if (still) this.error(`${chunk.fileName} still refers to ${still.fileName}, which is empty.`);
                  }
                  for (const chunk of Object.values(bundle)) {
                    if (chunk.type !== 'chunk') continue;
                    for (const file of chunk.dynamicImports) {
                      const target = bundle[file] as { viteMetadata?: { importedCss: Set<string> } } | undefined;
                      const css = [...(target?.viteMetadata?.importedCss ?? [])];
                      if (css.length === 0) continue;
                      this.error(
                        `${chunk.fileName} loads ${file} on demand, and that chunk imports CSS (${css.join(', ')}), ` +
                          "which only Vite's preload helper would load. Put the CSS in the component that renders " +
                          'the markup (it is then part of the page), or load the module eagerly.',
                      );
                    }
                  }
                },
              },
            ],
          },
        });
      },
    },
  };
}
