import type { TagRegistry } from '../content/tags.ts';
import { slugify } from '../text/slugify.ts';

export interface TagMapping {
  /** Registry ids, in the post's order, without duplicates. */
  ids: string[];
  /** Ids that are not in the registry yet and must be added to it (a subset of `ids`). */
  added: string[];
  /** Tags that give no usable id at all (only symbols). */
  dropped: string[];
}

function tagKey(value: string): string {
  return value
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/**
 * Maps Jekyll tags onto the registry, case-insensitively: a tag matches an id (`Deep_Learning` →
 * `deep-learning`) or a label in either language (`机器学习` or `Machine Learning` → `machine-learning`).
 * Anything else becomes a new id made by `slugify` (Chinese kept), reported in `added`.
 */
export function mapTags(tags: readonly string[], registry: TagRegistry): TagMapping {
  const byKey = new Map<string, string>();
  for (const [id, label] of Object.entries(registry)) {
    byKey.set(tagKey(id), id);
    byKey.set(tagKey(label.en), id);
    byKey.set(tagKey(label.zh), id);
  }
  const ids: string[] = [];
  const added: string[] = [];
  const dropped: string[] = [];
  for (const tag of tags) {
    const slug = slugify(tag);
    const id = byKey.get(tagKey(tag)) ?? (slug ? byKey.get(slug) : undefined) ?? slug;
    if (!id) {
      dropped.push(tag);
      continue;
    }
    if (ids.includes(id)) continue;
    ids.push(id);
    if (!(id in registry)) added.push(id);
  }
  return { ids, added, dropped };
}
