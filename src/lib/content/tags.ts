import type { Lang } from './lang.ts';

export interface TagLabel {
  zh: string;
  en: string;
}
export type TagRegistry = Record<string, TagLabel>;

/** Drops the registry file's `$comment` and any other `$`-prefixed housekeeping keys. */
export function tagRegistry(raw: Record<string, unknown>): TagRegistry {
  return Object.fromEntries(Object.entries(raw).filter(([id]) => !id.startsWith('$'))) as TagRegistry;
}

export function tagLabel(registry: TagRegistry, id: string, lang: Lang): string {
  return registry[id]?.[lang] ?? id;
}
