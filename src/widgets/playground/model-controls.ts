// The playground's controls as data: the value each control shows for a configuration (by its data-field), the
// text a slider writes beside its label, and the action a control's new value dispatches. The server renders the
// controls with it (Controls.astro) and the view keeps them and the configuration in step with it (view.ts).
import { CHOICES, DEFAULT_CONFIG, DEFAULT_NEURONS, MAX_SEED, type PlaygroundConfig } from './model-config.ts';
import type { PlaygroundAction } from './model.ts';
import { percent } from './model-view.ts';

/** A field of the configuration that one control sets as it is (the hidden layers take a control per layer). */
export type ScalarField = Exclude<keyof PlaygroundConfig, 'hidden'>;
/** What a control's data-field names: a scalar field, the number of hidden layers, or one layer's neurons. */
export type ControlField = ScalarField | 'layers' | 'neurons';

/** The sliders, and how each writes its value as it reads (their range is their field's CHOICES). */
export const SLIDERS = {
  noise: percent,
  trainFraction: percent,
  batchSize: String,
} as const satisfies Partial<Record<keyof typeof CHOICES, (value: number) => string>>;
export type SliderField = keyof typeof SLIDERS;

export const isSlider = (field: string): field is SliderField => Object.hasOwn(SLIDERS, field);
const isScalar = (field: string): field is ScalarField => Object.hasOwn(DEFAULT_CONFIG, field) && field !== 'hidden';

/** The text a slider shows for `value` (percentages for noise and split), or undefined for other controls. */
export function sliderText(field: string, value: number): string | undefined {
  return isSlider(field) ? SLIDERS[field](value) : undefined;
}

/** The value the control `field` shows for `config` (`layer`: which layer a neurons select is for). */
export function controlValue(config: PlaygroundConfig, field: string, layer = 0): string | undefined {
  if (field === 'layers') return String(config.hidden.length);
  if (field === 'neurons') return String(config.hidden[layer] ?? DEFAULT_NEURONS);
  return isScalar(field) ? String(config[field]) : undefined;
}

/**
 * The action for the control `field` set to `value` (`layer`: which layer a neurons select is for), or undefined
 * when the value is unusable (a seed that is not a whole number from 0 to MAX_SEED) or the field unknown.
 */
export function controlAction(field: string, value: string, layer = 0): PlaygroundAction | undefined {
  const n = Number(value);
  if (field === 'layers') return { type: 'layers', count: n };
  if (field === 'neurons') return { type: 'neurons', layer, count: n };
  if (field === 'seed' && !(value.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_SEED)) return undefined;
  if (!isScalar(field)) return undefined;
  // Names are sent as they are, numbers as numbers; `update` snaps them to the choices.
  return { type: 'configure', patch: { [field]: typeof DEFAULT_CONFIG[field] === 'string' ? value : n } };
}
