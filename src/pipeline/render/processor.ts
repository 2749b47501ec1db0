// The render stage: how a note's Markdown becomes HTML. One unified() processor (Astro 7's default processor
// ignores remark/rehype plugins); MDX notes inherit it. The plugins run in the order of RENDER_STEPS, which the
// README's pipeline section lists (tests/unit/docs/pipeline.test.ts keeps the two in step).
import { unified, type ShikiConfig } from '@astrojs/markdown-remark';
import remarkToc from 'remark-toc';
import rehypeKatexStrict from '../../katex/rehype-katex-strict.ts';
import { SITE_KATEX_OPTIONS } from '../../katex/options.ts';
import { citations } from './remark-citations.ts';
import remarkNoteMeta from './remark-note-meta.ts';
import rehypeSafeHtml from './rehype-safe-html.ts';
import rehypeHeadingAnchors from './rehype-heading-anchors.ts';
import rehypeTocNav from './rehype-toc-nav.ts';
import rehypeExternalLinks from './rehype-external-links.ts';
import rehypeCodeBlocks from './rehype-code-blocks.ts';
import rehypeTableScroll from './rehype-table-scroll.ts';
import { imageSize } from './rehype-image-size.ts';
import remarkPandocMath from './remark-pandoc-math.ts';
import rehypeCallouts from './rehype-callouts.ts';
import rehypeStudy from './rehype-study.ts';
import { glossaryTerms } from './rehype-glossary-terms.ts';
import rehypeDeferredSections from './rehype-deferred-sections.ts';

type ProcessorOptions = NonNullable<Parameters<typeof unified>[0]>;
type RemarkEntry = NonNullable<ProcessorOptions['remarkPlugins']>[number];
type RehypeEntry = NonNullable<ProcessorOptions['rehypePlugins']>[number];

/** One step of the render stage: the tree it works on, what it does (for the README) and the plugin. */
export type RenderStep =
  { tree: 'mdast'; does: string; plugin: RemarkEntry } | { tree: 'hast'; does: string; plugin: RehypeEntry };

export const RENDER_STEPS: readonly RenderStep[] = [
  {
    tree: 'mdast',
    does: "`$…$` (by Pandoc's rule: `$5 到 $10` stays text) and `$$…$$` become math nodes (remark-math)",
    plugin: remarkPandocMath,
  },
  // Before remark-toc, so that the generated References heading is listed.
  { tree: 'mdast', does: '`[@key]` cites `content/references.bib` and adds the reference list', plugin: citations() },
  {
    tree: 'mdast',
    does: 'a heading `目录` or `Contents` is filled with the table of contents (remark-toc)',
    plugin: [remarkToc, { heading: '目录|contents|table of contents', maxDepth: 3, tight: true }],
  },
  { tree: 'mdast', does: 'reading time and whether the note has math, for the layout', plugin: remarkNoteMeta },
  {
    tree: 'hast',
    does:
      'raw HTML is sanitized to an allow-list (ids and names prefixed, no classes, only colour and text styles), ' +
      'HTML written as JSX in MDX is held to the same rules, and a `javascript:` URL stops the build with file:line',
    plugin: rehypeSafeHtml,
  },
  // After the sanitizer, which keeps removing authors' own <aside> and data-* attributes.
  {
    tree: 'hast',
    does:
      'an `[!exercise]` blockquote becomes a numbered exercise with its `[!solution]` in a `<details>`; a `[!quiz]` ' +
      'with a task list becomes a self-check question with its answer and every option explained',
    plugin: rehypeStudy,
  },
  {
    tree: 'hast',
    does: 'a blockquote opening with `[!note]`, `[!tip]`, … becomes a callout `<aside>`',
    plugin: rehypeCallouts,
  },
  {
    tree: 'hast',
    does:
      'formulas are rendered by KaTeX (trust off); one that fails, or uses `\\href`, `\\url`, `\\includegraphics` ' +
      'or `\\html…`, stops the build with file:line',
    plugin: [rehypeKatexStrict, SITE_KATEX_OPTIONS],
  },
  {
    tree: 'hast',
    does: 'headings get ids (never one the page has already: `main` becomes `main-1`) and anchor links',
    plugin: rehypeHeadingAnchors,
  },
  { tree: 'hast', does: 'the table of contents becomes a labelled `<nav>`', plugin: rehypeTocNav },
  {
    tree: 'hast',
    does: 'external links open in a new tab, marked for screen readers',
    plugin: rehypeExternalLinks,
  },
  { tree: 'hast', does: 'code blocks are labelled with their language', plugin: rehypeCodeBlocks },
  { tree: 'hast', does: 'wide tables scroll in a focusable region', plugin: rehypeTableScroll },
  { tree: 'hast', does: 'images load lazily; SVG diagrams get their width and height', plugin: imageSize() },
  {
    tree: 'hast',
    does:
      "the first use of each glossary term in a note's prose links to the glossary, described by its definition " +
      '(shown on hover or focus)',
    plugin: glossaryTerms(),
  },
  // Last: it moves what follows each `##` heading into a wrapper, which the steps above would have to look through.
  {
    tree: 'hast',
    does:
      'what follows each `##` heading becomes a section the browser lays out only when the reader comes near it, ' +
      'at an estimated height until then',
    plugin: rehypeDeferredSections,
  },
];

export const markdownProcessor = unified({
  remarkPlugins: RENDER_STEPS.flatMap((step) => (step.tree === 'mdast' ? [step.plugin] : [])),
  rehypePlugins: RENDER_STEPS.flatMap((step) => (step.tree === 'hast' ? [step.plugin] : [])),
  remarkRehype: { footnoteLabel: '脚注 · Footnotes' },
  gfm: true,
  smartypants: false,
});

type ShikiTransformer = NonNullable<ShikiConfig['transformers']>[number];

/**
 * Shiki stops tokenizing a line after 500 ms and colours the rest of it as plain text. The first line a grammar
 * meets pays for compiling its regular expressions, so on a busy machine a Swift string interpolation came out in
 * two colours in one build and one in the next: the same note, different HTML. Without the limit a build's output
 * depends on its sources alone. (Shiki reads the option from the object its transformers see.)
 */
export const wholeLines: ShikiTransformer = {
  name: 'deep-learning-notes:whole-lines',
  preprocess(_code, options) {
    options.tokenizeTimeLimit = 0;
  },
};

/** Code blocks: Shiki, between the Markdown and the HTML tree (Astro runs it). */
export const shikiConfig: Partial<ShikiConfig> = {
  // The high-contrast GitHub themes: the plain ones have token colours below WCAG AA (4.5:1).
  themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
  defaultColor: false,
  transformers: [wholeLines],
};
