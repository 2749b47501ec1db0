// The attention widget's words in one language, from tables that hold both side by side: the markup's (text.json)
// and the sentences the model writes (sentences.json). The page carries the sentences for the view
// (AttentionWidget.astro: data-messages), so the script ships neither table. For the server only.
import type { Lang } from '../../lib/content/lang.ts';
import { inLanguage, type Bilingual, type InLanguage } from '../kit/words.ts';
import { LIMIT, type AttentionMessages } from './model.ts';
import SENTENCES from './sentences.json' with { type: 'json' };
import TEXT from './text.json' with { type: 'json' };

export type AttentionLabels = InLanguage<typeof TEXT>;

/**
 * The markup's words and the model's sentences in `lang` (a sentence AttentionMessages names but the table lacks
 * is a type error here), with the fields' range written in from the model (`{limit}`).
 */
export function attentionWords(lang: Lang): { labels: AttentionLabels; messages: AttentionMessages } {
  const sentences: AttentionMessages = inLanguage(SENTENCES satisfies Bilingual<string>, lang);
  return {
    labels: inLanguage(TEXT satisfies Bilingual, lang),
    messages: { ...sentences, 'out-of-range': sentences['out-of-range'].replaceAll('{limit}', String(LIMIT)) },
  };
}
