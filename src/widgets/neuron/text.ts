// The neuron widget's words, each in both languages side by side: the markup's (text.json) and the sentences the
// model writes (sentences.json), which the page carries in its own language for the view (NeuronWidget.astro), so
// the script ships no table of both. For the server only.
import type { Lang } from '../../lib/content/lang.ts';
import { inLanguage, type Bilingual, type InLanguage } from '../kit/words.ts';
import { FIELD_LIMIT, type NeuronMessages } from './model.ts';
import SENTENCES from './sentences.json' with { type: 'json' };
import TEXT from './text.json' with { type: 'json' };

const WORDS = TEXT satisfies Bilingual;

export type NeuronLabels = InLanguage<typeof WORDS>;

/** The words of the server-rendered markup, in `lang`. */
export function neuronLabels(lang: Lang): NeuronLabels {
  return inLanguage(WORDS, lang);
}

/**
 * The sentences the model writes, in `lang`: every one NeuronMessages names, or this does not compile. The
 * field's range is written in here (`{limit}`), so the sentences and the model cannot disagree about it.
 */
export function neuronMessages(lang: Lang): NeuronMessages {
  const messages = inLanguage(SENTENCES satisfies Bilingual<string>, lang);
  return { ...messages, 'out-of-range': messages['out-of-range'].replaceAll('{limit}', String(FIELD_LIMIT)) };
}
