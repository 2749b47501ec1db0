// Marks the words a reader searched for on the page they land on (`?highlight=…`), then scrolls to the
// first one unless the link already targets a section.
import { highlightTerms } from '../query.ts';

const SKIP = new Set(['SCRIPT', 'STYLE', 'MARK', 'CODE', 'PRE']);

export function highlight(root: HTMLElement, query: string): HTMLElement[] {
  const terms = highlightTerms(query);
  if (terms.length === 0) return [];
  const source = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const pattern = new RegExp(source, 'gi');
  const contains = new RegExp(source, 'i'); // no `g`: test() must not carry lastIndex between nodes
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      const parent = node.parentElement;
      if (!parent || SKIP.has(parent.tagName) || parent.closest('.katex, [data-pagefind-ignore]'))
        return NodeFilter.FILTER_REJECT;
      return contains.test(node.nodeValue ?? '') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    const text = node.nodeValue ?? '';
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      fragment.append(text.slice(last, match.index));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = match[0];
      fragment.append(mark);
      marks.push(mark);
      last = match.index + match[0].length;
    }
    fragment.append(text.slice(last));
    node.replaceWith(fragment);
  }
  return marks;
}

export function highlightFromUrl(): void {
  const query = new URLSearchParams(location.search).get('highlight');
  const root = document.querySelector<HTMLElement>('[data-pagefind-body]');
  if (!query || !root) return;
  const marks = highlight(root, query);
  if (marks[0] && !location.hash) marks[0].scrollIntoView({ block: 'center' });
}
