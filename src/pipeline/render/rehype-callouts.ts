// Why: authors write callouts as Obsidian and GitHub do, a blockquote whose first line is `[!kind]`, an optional
// `+`/`-` (fold, open or closed) and an optional title:
//
//   > [!warning]- Exploding gradients
//   > Clip them.
//
// Each becomes an <aside data-callout="<kind>"> named by its title (the author's, else the kind's label in the
// note's language), with a decorative icon; a folding one keeps its body in <details>, so it opens without
// JavaScript. Any other blockquote stays a blockquote. This runs after the sanitizer, which is left as strict
// as it was: an author's own <aside> or data-* attributes are still removed, only this step writes them.
import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { CALLOUT_LABELS, calloutKind, type CalloutKind } from './callout-kinds.ts';

/** `[!kind]`, the fold sign, and the spaces before the title; the marker ends the line or is followed by a space. */
const MARKER = /^\[!([A-Za-z]+)\]([+-]?)(?:[ \t]+|(?=\n)|$)/;

interface Callout {
  kind: CalloutKind;
  fold: '' | '+' | '-';
  /** What follows the marker on its line. */
  title: ElementContent[];
  /** The rest of the first paragraph, after the marker's line. */
  rest: ElementContent[];
}

const text = (value: string): Text => ({ type: 'text', value });
const isBlank = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** Splits the first paragraph's content at the end of its first line: a line ending or a hard break. */
function splitFirstLine(nodes: ElementContent[]): { line: ElementContent[]; rest: ElementContent[] } {
  for (const [index, node] of nodes.entries()) {
    if (node.type === 'element' && node.tagName === 'br') {
      const rest = nodes.slice(index + 1);
      const next = rest[0];
      if (next?.type === 'text') rest[0] = text(next.value.replace(/^\n/, ''));
      return { line: nodes.slice(0, index), rest };
    }
    if (node.type === 'text' && node.value.includes('\n')) {
      const at = node.value.indexOf('\n');
      return {
        line: [...nodes.slice(0, index), text(node.value.slice(0, at))],
        rest: [text(node.value.slice(at + 1)), ...nodes.slice(index + 1)],
      };
    }
  }
  return { line: nodes, rest: [] };
}

/** Drops empty text nodes and the spaces at the start (`side` 'start') or end of `nodes`. */
function trim(nodes: ElementContent[], side: 'start' | 'end'): ElementContent[] {
  const edge = side === 'start' ? 0 : nodes.length - 1;
  const node = nodes[edge];
  const trimmed = nodes.slice();
  if (node?.type === 'text') trimmed[edge] = text(side === 'start' ? node.value.trimStart() : node.value.trimEnd());
  return trimmed.filter((n) => n.type !== 'text' || n.value !== '');
}

/** The callout a blockquote's first paragraph declares, if it starts with a known `[!kind]` as written. */
function readMarker(paragraph: Element, source: string): Callout | undefined {
  const first = paragraph.children[0];
  if (first?.type !== 'text') return undefined;
  const match = MARKER.exec(first.value);
  const kind = match && calloutKind(match[1]!);
  if (!match || !kind) return undefined;
  // `\[!note]` reaches here as the text "[!note]": the source says whether the bracket was escaped.
  const offset = first.position?.start.offset;
  if (offset !== undefined && source[offset] === '\\') return undefined;
  const afterMarker = [text(first.value.slice(match[0].length)), ...paragraph.children.slice(1)];
  const { line, rest } = splitFirstLine(afterMarker);
  return { kind, fold: match[2] as Callout['fold'], title: trim(line, 'end'), rest: trim(rest, 'start') };
}

function calloutFrom(quote: Element, callout: Callout, id: string, lang: 'zh' | 'en'): void {
  const paragraphAt = quote.children.findIndex((n) => !isBlank(n));
  const icon = element('span', { className: ['callout__icon'], ariaHidden: 'true' }, []);
  const title = callout.title.length > 0 ? callout.title : [text(CALLOUT_LABELS[callout.kind][lang])];
  const titleElement = element(callout.fold ? 'summary' : 'div', { className: ['callout__title'], id }, [
    icon,
    ...title,
  ]);
  const firstParagraph = callout.rest.length > 0 ? [element('p', {}, callout.rest)] : [];
  const body = element('div', { className: ['callout__body'] }, [
    ...firstParagraph,
    ...quote.children.slice(paragraphAt + 1),
  ]);
  quote.tagName = 'aside';
  // role=note: a callout is no landmark (several share a title, and landmarks must be unique).
  quote.properties = { className: ['callout'], dataCallout: callout.kind, ariaLabelledBy: id, role: 'note' };
  quote.children = callout.fold
    ? [element('details', { open: callout.fold === '+' }, [titleElement, body])]
    : [titleElement, body];
}

export default function rehypeCallouts() {
  return function transform(tree: Root, file: VFile) {
    const lang = /[\\/]en[\\/]/.test(file.path ?? '') ? 'en' : 'zh';
    const source = String(file.value ?? '');
    let count = 0;
    // Turned in place, so the walk goes on into the callout's body and finds callouts nested in it.
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'blockquote') return;
      const first = node.children.find((n) => !isBlank(n));
      if (first?.type !== 'element' || first.tagName !== 'p') return;
      const callout = readMarker(first, source);
      if (callout) calloutFrom(node, callout, `callout-${++count}-title`, lang);
    });
  };
}
