// Why: the sanitizer used to drop a `javascript:` link without a word, and MDX was not checked at all, so a
// hostile URL either vanished silently or shipped (stopped only by the Content-Security-Policy). Every URL a note
// puts in its page is now checked wherever it is written: a Markdown link or image, raw HTML, an MDX attribute
// (on an HTML element or a component), a string in an MDX expression. One that runs script stops the build.
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';
import type { Node } from 'unist';
import { scriptUrlReason, shownUrl } from '../../lib/content/script-url.ts';
import { isJsxElement, isMdxExpression, literalValue, stringsIn } from './mdx-nodes.ts';

/** Something in a note the build refuses, at the node that holds it. */
export interface NoteProblem {
  node: Node;
  message: string;
}

/** Attributes whose value the browser follows or loads, lowercased without punctuation (`xlink:href` → `xlinkhref`). */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'cite',
  'longdesc',
  'action',
  'formaction',
  'poster',
  'background',
  'data',
  'xlinkhref',
  'ping',
  'manifest',
  'codebase',
]);

const isUrlAttribute = (name: string) => URL_ATTRIBUTES.has(name.toLowerCase().replace(/[^a-z]/g, ''));

/** The URLs in an attribute's value: each candidate of a `srcset`, each entry of a list. */
function urlsOf(name: string, value: unknown): string[] {
  const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  if (name.toLowerCase() !== 'srcset') return values;
  return values.flatMap((v) => v.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''));
}

function problem(node: Node, where: string, url: string): NoteProblem | undefined {
  const reason = scriptUrlReason(url);
  return reason ? { node, message: `${where} "${shownUrl(url)}" is ${reason}, which runs script` } : undefined;
}

/** Every URL in the tree that runs script, with the node it is written on. */
export function scriptUrls(tree: Root): NoteProblem[] {
  const problems: NoteProblem[] = [];
  const add = (found: NoteProblem | undefined) => found && problems.push(found);
  visit(tree, (node: Node) => {
    if (node.type === 'element') {
      const { tagName, properties } = node as unknown as { tagName: string; properties: Record<string, unknown> };
      for (const [name, value] of Object.entries(properties)) {
        if (!isUrlAttribute(name)) continue;
        for (const url of urlsOf(name, value)) add(problem(node, `<${tagName}> ${name}`, url));
      }
    } else if (isJsxElement(node)) {
      // A component's props are checked too: a component may put any of them in an href.
      const element = `<${node.name ?? ''}>`;
      for (const attribute of node.attributes) {
        const strings =
          attribute.type === 'mdxJsxExpressionAttribute'
            ? stringsIn(attribute.data?.estree)
            : typeof attribute.value === 'object' && attribute.value !== null
              ? stringsIn(attribute.value.data?.estree)
              : [literalValue(attribute)].filter((v): v is string => typeof v === 'string');
        const label = attribute.type === 'mdxJsxAttribute' ? `${element} ${attribute.name}` : `${element} {...}`;
        for (const url of strings) add(problem(node, label, url));
      }
    } else if (isMdxExpression(node)) {
      for (const url of stringsIn(node.data?.estree)) add(problem(node, 'a string in {…} or export', url));
    }
  });
  return problems;
}
