// Why: raw HTML in a note shares the page with the layout and its scripts. An `id` or `name` it sets becomes a
// property of `window` or `document` (`<img name="getElementById">` replaces document.getElementById, and the
// page's script stops), or repeats an id of the layout; a `class` borrows the layout's own positioned boxes; a
// `style` can lay a box over the whole page. So, on elements that come from raw HTML (not on those the pipeline
// made, such as footnotes, citations and Shiki's code): ids and names get a prefix no global and no layout id has,
// and links to them follow; classes go; `style` keeps only what inline-style.ts allows.
import { randomBytes } from 'node:crypto';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { noteStyle } from './inline-style.ts';
import type { NoteProblem } from './script-urls.ts';

/** Prefix of every id and name written in a note's HTML: `<span id="x">` becomes `id="note-html-x"`. */
export const RAW_ID_PREFIX = 'note-html-';

/** Properties holding a list of ids, which must follow the prefixed ids. */
const ID_LIST_PROPERTIES = ['ariaDescribedBy', 'ariaLabelledBy', 'htmlFor', 'headers'] as const;

/**
 * Marks every element already in the tree (the pipeline made them) with an attribute whose name is random, so
 * that after raw HTML is parsed into the tree (which rebuilds every node) they can be told apart from the raw
 * HTML's: an author cannot write an attribute whose name is drawn for each note.
 */
export function markPipelineElements(tree: Root): string {
  const mark = `dataPipeline${randomBytes(8).toString('hex')}`;
  visit(tree, 'element', (node: Element) => {
    node.properties[mark] = '';
  });
  return mark;
}

/** The marked elements, with their mark removed. */
export function pipelineElements(tree: Root, mark: string): Set<Element> {
  const made = new Set<Element>();
  visit(tree, 'element', (node: Element) => {
    if (!(mark in node.properties)) return;
    delete node.properties[mark];
    made.add(node);
  });
  return made;
}

/** The ids and names a note's own HTML sets: each gets the prefix, and an id may be used once. */
export class AuthorNames {
  /** The names as written, for the links that point at them. */
  readonly written = new Set<string>();
  private readonly ids = new Set<string>();

  /** The prefixed name; reports an id the note already used (a page must not repeat one). */
  rename(kind: 'id' | 'name', name: string, report: (message: string) => void): string {
    if (kind === 'id' && this.ids.has(name)) report(`the id "${name}" is used twice: an id names one element`);
    if (kind === 'id') this.ids.add(name);
    this.written.add(name);
    return RAW_ID_PREFIX + name;
  }
}

/** A list of ids (`aria-labelledby="a b"`), each prefixed. */
export const prefixedList = (ids: readonly unknown[]): string[] => ids.map((id) => RAW_ID_PREFIX + String(id));

/** A `#fragment` link's target, decoded; undefined for any other link. */
function fragmentOf(href: unknown): string | undefined {
  if (typeof href !== 'string' || !href.startsWith('#')) return undefined;
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

/**
 * Points `#x` links at the prefixed element when `x` is an id or name written in the note's HTML and not an id
 * the pipeline made (a footnote's, a citation's).
 */
export function followRenamedTargets(
  tree: Root,
  renamed: ReadonlySet<string>,
  pipelineIds: ReadonlySet<string>,
  hrefOf: (node: unknown) => { get: () => unknown; set: (href: string) => void } | undefined,
): void {
  if (renamed.size === 0) return;
  visit(tree, (node) => {
    const href = hrefOf(node);
    const target = fragmentOf(href?.get());
    if (href && target !== undefined && renamed.has(target) && !pipelineIds.has(target))
      href.set(`#${encodeURI(RAW_ID_PREFIX + target)}`);
  });
}

/** The `href` of a hast element, to read and rewrite. */
export function elementHref(node: unknown) {
  const element = node as Element;
  if (element.type !== 'element' || element.properties.href === undefined) return undefined;
  return {
    get: () => element.properties.href,
    set: (href: string) => {
      element.properties.href = href;
    },
  };
}

/**
 * Applies the rules to every element of `tree` that is not in `made` (the pipeline's). Returns problems for the
 * build to report: an id used twice.
 */
export function applyRawHtmlRules(tree: Root, made: ReadonlySet<Element>): NoteProblem[] {
  const problems: NoteProblem[] = [];
  const names = new AuthorNames();
  const pipelineIds = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    const { properties } = node;
    if (made.has(node)) {
      if (typeof properties.id === 'string') pipelineIds.add(properties.id);
      return;
    }
    delete properties.className;
    // `<a name="x"></a>`, the old anchor of Markdown notes: an id does its job (a name is obsolete there).
    if (node.tagName === 'a' && properties.name && (properties.id === undefined || properties.id === null)) {
      properties.id = properties.name;
      delete properties.name;
    }
    const report = (message: string) => problems.push({ node, message });
    for (const key of ['id', 'name'] as const) {
      const value = properties[key];
      if (value !== undefined && value !== null && value !== '')
        properties[key] = names.rename(key, String(value), report);
    }
    for (const key of ID_LIST_PROPERTIES) {
      const value = properties[key];
      if (value !== undefined && value !== null) properties[key] = prefixedList(Array.isArray(value) ? value : [value]);
    }
    if (typeof properties.style === 'string') {
      const { kept } = noteStyle(properties.style);
      if (kept) properties.style = kept;
      else delete properties.style;
    }
  });
  followRenamedTargets(tree, names.written, pipelineIds, elementHref);
  return problems;
}
