// What every widget component (<Name>.astro) takes, and the prefix of the element ids it renders.
import type { Lang } from '../../lib/content/lang.ts';

export interface WidgetProps {
  lang: Lang;
  /** Prefix of the element ids, if a page ever shows two of the same widget. */
  id?: string;
}

/** Prefix of every element id inside a widget: `${id}-${lang}`, with the widget's own `fallback` id. */
export function idBase({ lang, id }: WidgetProps, fallback: string): string {
  return `${id ?? fallback}-${lang}`;
}

/** The id and test id of a control named `name` (a camelCase data-field): `${base}-trainFraction`, `train-fraction`. */
export function controlIds(base: string, name: string): { id: string; testId: string } {
  return { id: `${base}-${name}`, testId: name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`) };
}
