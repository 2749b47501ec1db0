// The activation plotter's words, each in both languages side by side (text.json), for the server-rendered markup
// (ActivationPlot.astro and its parts). What changes with the state (the range, the announcement) is written by
// the model (model-view.ts).
import type { Lang } from '../../lib/content/lang.ts';
import { inLanguage, type Bilingual, type InLanguage } from '../kit/words.ts';
import TEXT from './text.json' with { type: 'json' };

const WORDS = TEXT satisfies Bilingual;

export type PlotLabels = InLanguage<typeof WORDS>;

/** The words of the server-rendered markup, in `lang`. */
export function plotLabels(lang: Lang): PlotLabels {
  return inLanguage(WORDS, lang);
}
