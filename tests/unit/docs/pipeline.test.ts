// The README's "How a note becomes a page" is generated from the lists the build runs; this fails when the two
// differ (fix: `npm run docs:pipeline -- --write`), and when the config stops using the listed processor.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../../astro.config.mjs';
import { END, pipelineIn, pipelineMarkdown, START, withPipeline } from '../../../src/pipeline/overview.ts';
import { markdownProcessor, RENDER_STEPS } from '../../../src/pipeline/render/processor.ts';
import { POSTBUILD_PASSES } from '../../../src/pipeline/postbuild/passes.ts';

describe('the README pipeline', () => {
  it('is the one generated from the render steps and the post-build passes', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(pipelineIn(readme), 'README.md is out of date: run npm run docs:pipeline -- --write').toBe(
      pipelineMarkdown(),
    );
  });

  it('names every render step and every post-build pass, in order', () => {
    const text = pipelineMarkdown();
    const positions = [...RENDER_STEPS.map((s) => s.does), ...POSTBUILD_PASSES.map((p) => p.does)].map((does) =>
      text.indexOf(does),
    );
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('describes the processor astro.config.mjs renders notes with', () => {
    expect(config.markdown?.processor).toBe(markdownProcessor);
  });

  it('replaces only what is between the markers', () => {
    const text = `before\n${START}\nold\n${END}\nafter\n`;
    expect(withPipeline(text, 'new')).toBe(`before\n${START}\n\nnew\n\n${END}\nafter\n`);
    expect(() => withPipeline('no markers', 'new')).toThrow(/no pipeline markers/);
  });
});
