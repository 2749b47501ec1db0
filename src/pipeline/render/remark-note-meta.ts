// Why: the layout needs two facts about the rendered text that frontmatter does not hold: the reading time,
// and whether the note has math (KaTeX's CSS and fonts are loaded only on pages that do).
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { readingMinutes } from '../../lib/content/reading-time.ts';

export default function remarkNoteMeta() {
  return function transform(tree: Root, file: VFile) {
    let hasMath = false;
    visit(tree, (node) => {
      if (node.type === 'math' || node.type === 'inlineMath') hasMath = true;
    });
    const withoutCode = { ...tree, children: tree.children.filter((n) => n.type !== 'code' && n.type !== 'math') };
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.minutes = readingMinutes(toString(withoutCode));
    data.astro.frontmatter.hasMath = hasMath;
  };
}
