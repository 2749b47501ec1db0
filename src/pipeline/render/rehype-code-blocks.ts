// Why: a reader needs to see which language a block is in and to copy it. The label is rendered at build
// time; the copy button is added by the site script, so without JavaScript no dead button is shown.
import { visitProse } from './visit-prose.ts';
import type { Element, Root } from 'hast';

const LANGUAGE_NAMES: Record<string, string> = {
  py: 'Python',
  python: 'Python',
  js: 'JavaScript',
  javascript: 'JavaScript',
  ts: 'TypeScript',
  typescript: 'TypeScript',
  sh: 'Shell',
  bash: 'Shell',
  shell: 'Shell',
  zsh: 'Shell',
  console: 'Console',
  swift: 'Swift',
  json: 'JSON',
  yaml: 'YAML',
  yml: 'YAML',
  html: 'HTML',
  css: 'CSS',
  c: 'C',
  cpp: 'C++',
  'c++': 'C++',
  sql: 'SQL',
  md: 'Markdown',
  markdown: 'Markdown',
  mdx: 'MDX',
  text: 'Text',
  plaintext: 'Text',
  txt: 'Text',
  astro: 'Astro',
  tex: 'TeX',
  latex: 'LaTeX',
  diff: 'Diff',
  toml: 'TOML',
  rust: 'Rust',
  go: 'Go',
};

export function languageName(id: string): string {
  return LANGUAGE_NAMES[id.toLowerCase()] ?? id;
}

export default function rehypeCodeBlocks() {
  return function transform(tree: Root) {
    visitProse(tree, (node: Element, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      const language = String(node.properties.dataLanguage ?? 'text');
      node.properties.tabIndex = 0; // scrollable regions must be reachable by keyboard
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-block'], dataLanguage: language },
        children: [
          {
            type: 'element',
            tagName: 'div',
            properties: { className: ['code-block__bar'] },
            children: [
              {
                type: 'element',
                tagName: 'span',
                properties: { className: ['code-block__lang'] },
                children: [{ type: 'text', value: languageName(language) }],
              },
            ],
          },
          node,
        ],
      };
      parent.children[index] = wrapper;
      return 'skip';
    });
  };
}
