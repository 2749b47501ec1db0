// A build's HTML must depend on its sources alone: Shiki's per-line time limit made code colours depend on how
// busy the machine was (src/pipeline/render/processor.ts, wholeLines).
import { codeToHtml } from 'shiki';
import { describe, expect, it } from 'vitest';
import { shikiConfig, wholeLines } from '../../../../src/pipeline/render/processor.ts';

// Long enough that tokenizing it takes several milliseconds on any machine: Shiki's clock ticks in whole
// milliseconds, and a line done within one tick is never cut short, however small the limit.
const SWIFT = Array.from({ length: 400 }, () => 'print("\\(best.identifier): \\(best.confidence)")').join('; ');
const themes = shikiConfig.themes!;

describe('code blocks', () => {
  it('are tokenized whole however long a line takes', async () => {
    const unlimited = await codeToHtml(SWIFT, { lang: 'swift', themes, tokenizeTimeLimit: 0 });
    // A limit no line can meet: Shiki gives up at once and colours the line as plain text.
    const starved = await codeToHtml(SWIFT, { lang: 'swift', themes, tokenizeTimeLimit: Number.MIN_VALUE });
    expect(starved).not.toBe(unlimited);
    const withTransformer = await codeToHtml(SWIFT, {
      lang: 'swift',
      themes,
      tokenizeTimeLimit: Number.MIN_VALUE,
      transformers: [wholeLines],
    });
    expect(withTransformer).toBe(unlimited);
  });

  it('are highlighted with the transformer the site configures', () => {
    expect(shikiConfig.transformers).toContain(wholeLines);
  });
});
