import { describe, expect, it } from 'vitest';
import { parseSync } from 'vite';
import {
  dropBareImports,
  withoutPreloadHelper,
  type AstNode,
} from '../../../../src/pipeline/render/lean-lazy-imports.ts';

const parse = (code: string) => parseSync('chunk.js', code).program as unknown as AstNode;

/** A client chunk as Rolldown renders it before minification: Vite's helper module, then ours. */
const HELPER_MODULE = `// \\0vite/preload-helper.js
var scriptRel = /* @__PURE__ */ (function detectScriptRel() { return "modulepreload"; })();
var seen = {};
var __vitePreload = function preload(baseModule, deps) {
	seen[deps] = scriptRel;
	return Promise.resolve().then(() => baseModule());
};
`;
const ENTRY = `${HELPER_MODULE}
// src/client/site.ts
var label = "复制";
function open(panel) {
	__vitePreload(() => import("./controller.js").then((m) => m.mountSearch(panel)), __VITE_PRELOAD__);
}
async function offline() {
	const { load } = await __vitePreload(async () => {
		const { load } = await import("./offline.js");
		return { load };
	}, __VITE_PRELOAD__);
	return load(label);
}

export { __vitePreload as t, open as o, offline };
`;

describe('withoutPreloadHelper', () => {
  it('unwraps every on-demand import of a chunk and drops the helper and its export', () => {
    const { code, remaining } = withoutPreloadHelper(ENTRY, parse);
    expect(remaining).toEqual([]);
    expect(code).not.toMatch(/__vitePreload|__VITE_PRELOAD__|scriptRel|preload-helper/);
    expect(code).toContain('(() => import("./controller.js").then((m) => m.mountSearch(panel)))()');
    expect(code).toContain('const { load } = await (async () => {');
    expect(code).toContain('export { open as o, offline };');
    expect(code).toContain('var label = "复制";'); // offsets hold past non-ASCII text
    expect(() => parse(code)).not.toThrow();
  });

  it('unwraps nested calls', () => {
    const chunk = `${HELPER_MODULE}\n// src/a.ts\n__vitePreload(() => import("./a.js").then(() => __vitePreload(() => import("./b.js"), __VITE_PRELOAD__)), __VITE_PRELOAD__);\n`;
    const { code } = withoutPreloadHelper(chunk, parse);
    expect(code).toContain('(() => import("./a.js").then(() => (() => import("./b.js"))()))();');
    expect(code).not.toContain('__vitePreload');
  });

  it("removes another chunk's import of the helper, keeping the module import", () => {
    const alone =
      'import { t as __vitePreload } from "./site.js";\n__vitePreload(() => import("./x.js"), __VITE_PRELOAD__);\n';
    expect(withoutPreloadHelper(alone, parse).code).toBe('import "./site.js";\n(() => import("./x.js"))();\n');
    const shared =
      'import { t as __vitePreload, u as format } from "./site.js";\n__vitePreload(() => import("./x.js"), __VITE_PRELOAD__).then(format);\n';
    expect(withoutPreloadHelper(shared, parse).code).toBe(
      'import { u as format } from "./site.js";\n(() => import("./x.js"))().then(format);\n',
    );
  });

  it('reports a call it cannot unwrap and leaves the chunk as it was', () => {
    const chunk = `${HELPER_MODULE}\n// src/a.ts\nconst factory = () => import("./a.js");\n__vitePreload(factory, __VITE_PRELOAD__);\n`;
    const result = withoutPreloadHelper(chunk, parse);
    expect(result.code).toBe(chunk);
    expect(result.remaining).toEqual([chunk.lastIndexOf('__vitePreload(factory')]);
  });

  it('keeps the helper module when code outside it still uses one of its declarations', () => {
    const chunk = `${HELPER_MODULE}\n// src/a.ts\n__vitePreload(() => import("./a.js"), __VITE_PRELOAD__);\nconsole.log(seen);\n`;
    const { code } = withoutPreloadHelper(chunk, parse);
    expect(code).toContain('var seen = {};');
    expect(code).toContain('(() => import("./a.js"))();');
  });

  it('leaves a chunk without the helper untouched', () => {
    const chunk = 'export const x = import("./a.js");\n';
    expect(withoutPreloadHelper(chunk, parse)).toEqual({ code: chunk, remaining: [] });
  });
});

describe('dropBareImports', () => {
  it('removes the bare imports of emptied chunks and nothing else', () => {
    const chunk =
      'import"./preload-helper.B1.js";import{a as b}from"./preload-helper.B1.js";import"./site.js";' +
      'var x=import("./preload-helper.B1.js");b(x);';
    const code = dropBareImports(chunk, parse(chunk), new Set(['./preload-helper.B1.js']));
    expect(code).toBe(
      'import{a as b}from"./preload-helper.B1.js";import"./site.js";var x=import("./preload-helper.B1.js");b(x);',
    );
    expect(dropBareImports(chunk, parse(chunk), new Set())).toBe(chunk);
  });
});
