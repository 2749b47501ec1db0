// Why: in an .mdx note, `<a href="…">` or `<span style="…">` is JSX, not raw HTML, so the sanitizer never saw it
// and it reached the page as written. The same rules now hold: an HTML element written in MDX must be one raw
// HTML may use, with attributes raw HTML may carry and literal values (a computed `{…}` value cannot be checked);
// its ids and names get the same prefix, and a `style` may set only what inline-style.ts allows. Raw HTML is
// quietly cleaned; MDX is code, reviewed like code, so what the rules would remove stops the build instead.
// Components (`<Playground lang="en" />`) are the site's own code and are left as they are.
import { sanitize, type Schema } from 'hast-util-sanitize';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { scriptUrlReason } from '../../lib/content/script-url.ts';
import { noteStyle } from './inline-style.ts';
import { isIntrinsic, isJsxElement, literalValue, type JsxAttribute, type JsxElement } from './mdx-nodes.ts';
import { AuthorNames, elementHref, followRenamedTargets, prefixedList } from './raw-html-rules.ts';
import type { NoteProblem } from './script-urls.ts';

/** hast property names of the attributes a schema allows anywhere or on `tagName`. */
function allowedProperties(schema: Schema, tagName: string): string[] {
  return [...(schema.attributes?.['*'] ?? []), ...(schema.attributes?.[tagName] ?? [])].map((entry) =>
    typeof entry === 'string' ? entry : entry[0],
  );
}

/** The hast property an HTML attribute name stands for (`aria-label` → `ariaLabel`, `colspan` → `colSpan`). */
function propertyOf(schema: Schema, tagName: string, attribute: string): string | undefined {
  const wanted = attribute.toLowerCase().replace(/-/g, '');
  const aliases: Record<string, string> = { for: 'htmlFor', class: 'className' };
  return aliases[wanted] ?? allowedProperties(schema, tagName).find((p) => p.toLowerCase() === wanted);
}

/** Whether the schema keeps `property` with this value on a lone `tagName` (protocols, allowed values). */
function keeps(schema: Schema, tagName: string, property: string, value: string | true): boolean {
  const element: Element = { type: 'element', tagName, properties: { [property]: value }, children: [] };
  const clean = sanitize({ type: 'root', children: [element] }, { ...schema, ancestors: {}, required: {} }) as Root;
  const kept = clean.children[0];
  return kept?.type === 'element' && kept.properties[property] !== undefined;
}

function attributeProblem(schema: Schema, node: JsxElement, attribute: JsxAttribute): string | undefined {
  const tag = `<${node.name}>`;
  const value = literalValue(attribute);
  if (value === undefined) return `${tag} ${attribute.name}={…}: write a literal value, which can be checked`;
  // A script URL is reported by script-urls.ts, with its reason.
  if (typeof value === 'string' && scriptUrlReason(value)) return undefined;
  const lower = attribute.name.toLowerCase();
  if (lower === 'style') {
    const dropped = typeof value === 'string' ? noteStyle(value).dropped : [];
    return dropped.length > 0
      ? `${tag} style: ${dropped.join('; ')} is not allowed (a note may set colours and text styles only)`
      : undefined;
  }
  const property = propertyOf(schema, node.name!, lower);
  if (property === 'className') return `${tag} ${attribute.name}: a note may not use the site's classes`;
  if (!property || !keeps(schema, node.name!, property, value))
    return `${tag} ${attribute.name}${typeof value === 'string' ? `="${value.slice(0, 60)}"` : ''} is not allowed`;
  return undefined;
}

/** JSX attribute names (lowercased) that hold an id or a name, and those that hold a list of ids. */
const NAME_ATTRIBUTES: Record<string, 'id' | 'name'> = { id: 'id', name: 'name' };
const ID_LIST_ATTRIBUTES = new Set(['aria-describedby', 'aria-labelledby', 'for', 'htmlfor', 'headers']);

/** Prefixes the ids, names and id references of an HTML element written in JSX, as raw HTML's are. */
function prefixJsxNames(node: JsxElement, names: AuthorNames, report: (message: string) => void): void {
  for (const attribute of node.attributes) {
    const value = attribute.type === 'mdxJsxAttribute' ? literalValue(attribute) : undefined;
    if (attribute.type !== 'mdxJsxAttribute' || typeof value !== 'string') continue;
    // A literal `{"x"}` is written back as the plain string `"note-html-x"`.
    const lower = attribute.name.toLowerCase();
    const kind = NAME_ATTRIBUTES[lower];
    if (kind) attribute.value = names.rename(kind, value, report);
    else if (ID_LIST_ATTRIBUTES.has(lower)) attribute.value = prefixedList(value.split(/\s+/)).join(' ');
  }
}

/** The `href` of an HTML element written in JSX, when it is a literal string. */
function jsxHref(node: unknown) {
  const element = node as JsxElement;
  if (!isJsxElement(element) || !isIntrinsic(element)) return undefined;
  const attribute = element.attributes.find(
    (a): a is JsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'href' && typeof a.value === 'string',
  );
  if (!attribute) return undefined;
  return {
    get: () => attribute.value,
    set: (href: string) => {
      attribute.value = href;
    },
  };
}

/**
 * Checks the HTML elements an MDX tree writes as JSX against `schema` and the rules of raw HTML, prefixes
 * their ids and names (and points `#` links at them), and returns what the build must refuse. `allowedElement`
 * is the sanitizer's own last word on an element (an iframe's host).
 */
export function applyMdxHtmlRules(
  tree: Root,
  schema: Schema,
  allowedElement: (tagName: string, attributes: Record<string, string | true>) => boolean,
): NoteProblem[] {
  const problems: NoteProblem[] = [];
  const tags = new Set(schema.tagNames ?? []);
  const names = new AuthorNames();
  const pipelineIds = new Set<string>();
  visit(tree, (node) => {
    if (node.type === 'element' && typeof node.properties.id === 'string') pipelineIds.add(node.properties.id);
    if (!isJsxElement(node) || !isIntrinsic(node)) return;
    const report = (message: string) => problems.push({ node, message });
    if (!tags.has(node.name!) || schema.strip?.includes(node.name!)) {
      report(`<${node.name}> is not allowed in a note`);
      return;
    }
    const literal: Record<string, string | true> = {};
    for (const attribute of node.attributes) {
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        report(`<${node.name}> {...}: spread attributes cannot be checked; write each one`);
        continue;
      }
      const problem = attributeProblem(schema, node, attribute);
      if (problem) report(problem);
      const value = literalValue(attribute);
      if (value !== undefined) literal[attribute.name.toLowerCase()] = value;
    }
    if (!allowedElement(node.name!, literal)) report(`<${node.name}> with these attributes is not allowed in a note`);
    prefixJsxNames(node, names, report);
  });
  followRenamedTargets(tree, names.written, pipelineIds, (node) => elementHref(node) ?? jsxHref(node));
  return problems;
}
