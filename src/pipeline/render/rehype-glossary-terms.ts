// Why: a learner meets "ReLU" or "学习率" before the note that explains it. The first use of each glossary term in
// a note's prose becomes a link to its group in the glossary note, described (aria-describedby) by the term's
// one-line definition, which the page carries hidden; hover previews (src/client/previews.ts) show it on hover
// or keyboard focus. Without JavaScript it is a link to the definition. Headings, links, code, formulas,
// widgets, citations and the reference list are left alone, and so are the glossary note itself and the terms a
// note explains itself. The matching is src/lib/content/glossary-terms.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { slug } from 'github-slugger';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import type { Glossary, GlossaryTerm } from '../../lib/content/glossary.ts';
import {
  firstUses,
  glossaryAnchors,
  shownTerm,
  termMatcher,
  termRowId,
  type TermMatcher,
} from '../../lib/content/glossary-terms.ts';
import { LANGS, type Lang } from '../../lib/content/lang.ts';

export interface GlossaryTermsOptions {
  readonly glossary: Glossary;
  /**
   * Per language whose notes include the glossary note (a fixture site may have none), where each term is
   * explained there: its row's id, else its group's (`glossaryAnchors`).
   */
  readonly anchors: Partial<Record<Lang, Record<string, string>>>;
}

/**
 * The plugin with its options, for the processor: the glossary itself is in the options, so an edit to it changes
 * Astro's config digest and the notes are rendered again. Terms are marked in the languages that have a glossary
 * note among the notes built (NOTES_DIR, as src/content.config.ts reads it).
 */
export function glossaryTerms(
  path = 'content/glossary.json',
  notesDir = process.env.NOTES_DIR ?? 'content/notes',
): [typeof rehypeGlossaryTerms, GlossaryTermsOptions] {
  const glossary = JSON.parse(readFileSync(path, 'utf8')) as Glossary;
  const anchors: GlossaryTermsOptions['anchors'] = {};
  for (const lang of LANGS) {
    const note = ['md', 'mdx'].map((ext) => join(notesDir, lang, `glossary.${ext}`)).find((file) => existsSync(file));
    if (note) anchors[lang] = glossaryAnchors(glossary, lang, readFileSync(note, 'utf8'));
  }
  return [rehypeGlossaryTerms, { glossary, anchors }];
}

/** Elements whose text is not prose a definition belongs in. */
const LEFT_ALONE = new Set([
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'abbr', 'dfn', 'code', 'pre', 'kbd', 'samp', 'var', 'sup', 'sub'],
  ...['math', 'svg', 'script', 'style', 'nav', 'button', 'label', 'select', 'textarea', 'template'],
]);
const LEFT_ALONE_CLASSES = [
  'katex',
  'katex-display',
  'references',
  'footnotes',
  'sr-only',
  'heading-anchor',
  'callout__title',
  // Exercise titles read as headings (src/pipeline/render/rehype-study.ts).
  'exercise__title',
];

function leftAlone(element: Element): boolean {
  if (LEFT_ALONE.has(element.tagName)) return true;
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.some((c) => LEFT_ALONE_CLASSES.includes(String(c)));
}

interface Entry {
  readonly term: GlossaryTerm;
  /** The glossary note's section of the term's group. */
  readonly href: string;
  /** What the tooltip is headed with: the short form, and the full name where it says more. */
  readonly title: string;
  /** The definition as HTML: its Markdown, formulas as MathML (the page may have no KaTeX stylesheet). */
  readonly definition: ElementContent[];
}

interface Prepared {
  readonly matcher: TermMatcher;
  readonly entries: ReadonlyMap<string, Entry>;
}

const definitionProcessor = unified()
  .use(remarkParse)
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeKatex, { output: 'mathml' });

/**
 * `**分类**模型 $w^{\top}x$` as HTML: the paragraph's content, without KaTeX's wrapper around each `<math>` and
 * without the TeX source it keeps as an annotation (which would be read out as part of the description).
 */
function definitionHtml(markdown: string): ElementContent[] {
  const tree = definitionProcessor.runSync(definitionProcessor.parse(markdown));
  const paragraph = tree.children.find((node): node is Element => node.type === 'element');
  const clean = (nodes: ElementContent[]): ElementContent[] =>
    nodes.flatMap((node) => {
      if (node.type !== 'element') return [node];
      if (node.tagName === 'annotation') return [];
      if (node.tagName === 'span' && leftAlone(node)) return clean(node.children);
      return [{ ...node, children: clean(node.children) }];
    });
  return clean(paragraph?.children ?? []);
}

const prepared = new WeakMap<GlossaryTermsOptions, Map<Lang, Prepared>>();

function prepare(options: GlossaryTermsOptions, lang: Lang, anchors: Record<string, string>): Prepared {
  const byLang = prepared.get(options) ?? new Map<Lang, Prepared>();
  prepared.set(options, byLang);
  const ready = byLang.get(lang);
  if (ready) return ready;
  const entries = new Map<string, Entry>();
  for (const group of options.glossary.groups) {
    for (const term of group.terms) {
      const short = shownTerm(term, lang);
      const full = lang === 'zh' ? term.zh : term.en;
      const anchor = anchors[term.term];
      entries.set(term.term, {
        term,
        href: `${lang === 'zh' ? '' : '/en'}/notes/glossary/${anchor ? `#${anchor}` : ''}`,
        title: full.toLowerCase() === short.toLowerCase() ? short : `${short} · ${full}`,
        definition: definitionHtml(term.definition[lang]),
      });
    }
  }
  const made = {
    matcher: termMatcher(
      [...entries.values()].map((entry) => entry.term),
      lang,
    ),
    entries,
  };
  byLang.set(lang, made);
  return made;
}

/** `content/notes/en/neuron.mdx` → English, `neuron`. */
function noteOf(path: string | undefined): { lang: Lang; slug: string } | undefined {
  const match = /[\\/](zh|en)[\\/]([^\\/]+)\.mdx?$/.exec(path ?? '');
  return match ? { lang: match[1] as Lang, slug: match[2]! } : undefined;
}

/** In the glossary note, each term's table row gets the id the terms' links lead to, so the link opens the row. */
function rowIds(tree: Root, glossary: Glossary, lang: Lang, anchors: Record<string, string>): void {
  const byShown = new Map(glossary.groups.flatMap((group) => group.terms).map((t) => [shownTerm(t, lang), t]));
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName !== 'tr') {
        visit(child);
        continue;
      }
      const first = child.children.find((cell): cell is Element => cell.type === 'element');
      const term = first && byShown.get(toString(first).trim());
      if (term && anchors[term.term] === termRowId(term)) child.properties.id = termRowId(term);
    }
  };
  visit(tree);
}

function collectIds(node: Root | Element, ids: Set<string>): void {
  for (const child of node.children)
    if (child.type === 'element') {
      if (typeof child.properties.id === 'string') ids.add(child.properties.id);
      collectIds(child, ids);
    }
}

export default function rehypeGlossaryTerms(options: GlossaryTermsOptions) {
  return function transform(tree: Root, file: VFile) {
    const note = noteOf(file.path);
    const anchors = note && options.anchors[note.lang];
    if (!note || !anchors) return;
    if (note.slug === 'glossary') {
      rowIds(tree, options.glossary, note.lang, anchors);
      return;
    }
    const { matcher, entries } = prepare(options, note.lang, anchors);
    // A note's own terms are never marked, but their names still take their text (see `firstUses`).
    const marked = new Set([...entries.values()].filter((e) => e.term.note === note.slug).map((e) => e.term.term));
    const ids = new Set<string>();
    collectIds(tree, ids);
    const freeId = (wanted: string) => {
      let id = wanted;
      for (let n = 1; ids.has(id); n++) id = `${wanted}-${n}`;
      ids.add(id);
      return id;
    };

    const mark = (written: string, entry: Entry): ElementContent[] => {
      const id = freeId(`glossary-${slug(entry.term.term)}`);
      return [
        {
          type: 'element',
          tagName: 'a',
          properties: { href: entry.href, className: ['glossary-term'], ariaDescribedBy: [id] },
          children: [{ type: 'text', value: written }],
        },
        {
          type: 'element',
          tagName: 'span',
          properties: { id, hidden: true, dataTitle: entry.title, dataPagefindIgnore: '' },
          children: structuredClone(entry.definition),
        },
      ];
    };

    const walk = (parent: Root | Element): void => {
      const children: RootContent[] = [];
      for (const child of parent.children) {
        if (child.type === 'element') {
          if (!leftAlone(child)) walk(child);
          children.push(child);
          continue;
        }
        // Text is prose; MDX components (widgets) and expressions are not walked into.
        if (child.type !== 'text') {
          children.push(child);
          continue;
        }
        let at = 0;
        for (const use of firstUses(child.value, matcher, marked)) {
          if (use.start > at) children.push({ type: 'text', value: child.value.slice(at, use.start) });
          children.push(...mark(child.value.slice(use.start, use.end), entries.get(use.term)!));
          at = use.end;
        }
        if (at === 0) children.push(child);
        else if (at < child.value.length) children.push({ type: 'text', value: child.value.slice(at) });
      }
      parent.children = children;
    };
    walk(tree);
  };
}
