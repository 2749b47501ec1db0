// The MDX nodes the render stage checks, typed here by their shape (mdast-util-mdx-jsx and mdast-util-mdx-expression
// define them; the site does not depend on those packages directly). In a hast tree an MDX element is not an
// `element`: `<a href="…">` in an .mdx note is JSX, which hast tools such as hast-util-sanitize do not see.
import type { Node } from 'unist';

/** `name="value"`, `name` (value null) or `name={expression}`. */
export interface JsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value?: string | null | { type: 'mdxJsxAttributeValueExpression'; value: string; data?: { estree?: unknown } };
}

/** `{...props}`. */
export interface JsxSpreadAttribute {
  type: 'mdxJsxExpressionAttribute';
  value: string;
  data?: { estree?: unknown };
}

export interface JsxElement extends Node {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  /** `a`, `Playground`, `Foo.Bar`; null for a fragment `<>…</>`. */
  name: string | null;
  attributes: (JsxAttribute | JsxSpreadAttribute)[];
}

/** `{…}` in the text and `import`/`export` lines: JavaScript, parsed into `data.estree`. */
export interface MdxExpression extends Node {
  type: 'mdxFlowExpression' | 'mdxTextExpression' | 'mdxjsEsm';
  data?: { estree?: unknown };
}

export const isJsxElement = (node: Node): node is JsxElement =>
  node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

export const isMdxExpression = (node: Node): node is MdxExpression =>
  node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || node.type === 'mdxjsEsm';

/** An HTML element written as JSX (`<a>`, `<span>`), not a component (`<Playground>`, `<ui.Box>`) or a fragment. */
export const isIntrinsic = (node: JsxElement): boolean => node.name !== null && /^[a-z][a-z0-9-]*$/.test(node.name);

/** Every string an estree program spells out: string literals and the fixed parts of template literals. */
export function stringsIn(estree: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== 'object') return;
    const node = value as { type?: unknown; value?: unknown };
    if (node.type === 'Literal' && typeof node.value === 'string') found.push(node.value);
    if (node.type === 'TemplateElement') {
      const cooked = (node.value as { cooked?: unknown } | undefined)?.cooked;
      if (typeof cooked === 'string') found.push(cooked);
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'loc' && key !== 'range') walk(child);
  };
  walk(estree);
  return found;
}

/**
 * The value of a JSX attribute when it is fixed: `"x"`, `{"x"}`, `` {`x`} ``, `{2}`, or true for a bare name.
 * Undefined for anything computed (`{x}`, `{"a" + b}`).
 */
export function literalValue(attribute: JsxAttribute): string | true | undefined {
  const value = attribute.value;
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value;
  const program = value.data?.estree as { body?: { type: string; expression?: unknown }[] } | undefined;
  const statement = program?.body?.length === 1 ? program.body[0] : undefined;
  const expression = statement?.type === 'ExpressionStatement' ? statement.expression : undefined;
  const node = expression as
    { type: string; value?: unknown; expressions?: unknown[]; quasis?: { value: { cooked?: string } }[] } | undefined;
  if (node?.type === 'Literal' && (typeof node.value === 'string' || typeof node.value === 'number'))
    return String(node.value);
  if (node?.type === 'TemplateLiteral' && node.expressions?.length === 0) return node.quasis?.[0]?.value.cooked;
  return undefined;
}
