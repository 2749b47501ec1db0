// Why: a note's headings get ids from their text, and the page around the note has ids of its own. A heading
// "Main" or "Top" used to repeat `main` or `top`: an invalid page whose skip link and "overview" entry of the
// table of contents jumped to the heading. Heading ids step around these (rehype-heading-anchors.ts), and
// tests/integration/hostile-html.test.ts checks that every id a built note page has outside the note is here.

/**
 * Ids the layout of a note page gives its own elements (BaseLayout, the header, the note page and its parts),
 * and the one its script adds. (Search results are numbered `search-dialog-results:0`: no heading id has a colon.)
 */
export const LAYOUT_IDS: ReadonlySet<string> = new Set([
  // src/layouts/BaseLayout.astro, src/pages/[...lang]/notes/[slug].astro
  'main',
  'top',
  'backlinks-heading',
  // src/components/TableOfContents.astro
  'toc-heading',
  // src/components/SearchDialog.astro and SearchPanel.astro
  'search-dialog-input',
  'search-dialog-hint',
  'search-dialog-results',
  // src/components/CiteThisNote.astro
  'cite-note-zh',
  'cite-note-en',
  // src/components/Discussion.astro (only when discussions are configured)
  'discussion-heading',
  // Made by the page's script when a link is first previewed (src/client/previews.ts).
  'link-preview',
]);
