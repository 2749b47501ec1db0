// The optimizer visualizer's words, each in both languages side by side: the markup's (text.json) and the
// sentences the model writes (sentences.json), which the page carries in its own language for the view
// (PositionsTable.astro), so the script ships no table of both. For the server only.
import type { Lang } from '../../lib/content/lang.ts';
import { inLanguage, type Bilingual, type InLanguage } from '../kit/words.ts';
import type { OptimizerSentences } from './model-view.ts';
import SENTENCES from './sentences.json' with { type: 'json' };
import TEXT from './text.json' with { type: 'json' };

const WORDS = TEXT satisfies Bilingual;

export type OptimizerLabels = InLanguage<typeof WORDS>;

/** The words of the server-rendered markup, in `lang`. */
export function optimizerLabels(lang: Lang): OptimizerLabels {
  return inLanguage(WORDS, lang);
}

/** The sentences the model writes, in `lang`: every one OptimizerSentences names, or this does not compile. */
export function optimizerSentences(lang: Lang): OptimizerSentences {
  return inLanguage(SENTENCES satisfies Bilingual, lang);
}
