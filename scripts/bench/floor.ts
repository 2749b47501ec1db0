// The floor for `npm run bench -- peers`: every note of a notes folder turned into an HTML string in this one Node
// process, by the very Markdown processor of astro.config.mjs (its remark and rehype plugins, KaTeX, Shiki with the
// site's themes), with no framework around it: no pages, no layout, no bundling, no search index, nothing written.
// A build cannot be faster than this, so the table shows how close the site's build comes to the limit.
// With --bare, none of the site's plugins: Markdown with GFM and math, KaTeX and Shiki, what any site with math pays.
//   node scripts/bench/floor.ts <notes folder> [--bare]     prints one line of JSON: { notes, htmlBytes }
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownConfigDefaults, parseFrontmatter, unified, type AstroMarkdownOptions } from '@astrojs/markdown-remark';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import config from '../../astro.config.mjs';

const dir = resolve(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? '');
const bare = process.argv.includes('--bare');
const markdown = config.markdown ?? {};
const processor = bare
  ? unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex], gfm: true, smartypants: false })
  : markdown.processor;
if (!processor) throw new Error('astro.config.mjs sets no markdown.processor: there is no pipeline to measure.');
const renderer = await processor.createRenderer({
  // Astro's user-config type of syntaxHighlight is looser than the renderer's; the values are the same.
  syntaxHighlight: (markdown.syntaxHighlight ?? markdownConfigDefaults.syntaxHighlight) as NonNullable<
    AstroMarkdownOptions['syntaxHighlight']
  >,
  shikiConfig: { ...markdownConfigDefaults.shikiConfig, ...markdown.shikiConfig },
});

let notes = 0;
let htmlBytes = 0;
for (const lang of readdirSync(dir)) {
  for (const name of readdirSync(join(dir, lang))
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const file = join(dir, lang, name);
    const { frontmatter, content } = parseFrontmatter(readFileSync(file, 'utf8'));
    const { code } = await renderer.render(content, { fileURL: pathToFileURL(file), frontmatter });
    notes += 1;
    htmlBytes += Buffer.byteLength(code);
  }
}
console.log(JSON.stringify({ notes, htmlBytes }));
