/** A roadmap section as declared in `content/sections.json`. */
export interface SectionSpec {
  id: string;
  zh: string;
  en: string;
  notes: string[];
}

export interface Section<T> {
  spec: SectionSpec;
  items: T[];
}

/**
 * Groups notes into roadmap sections in reading order. Notes a section does not list go, sorted by
 * title, into the last section, so a new note always appears somewhere.
 */
export function groupBySection<T extends { slug: string; title: string }>(
  notes: readonly T[],
  sections: readonly SectionSpec[],
): Section<T>[] {
  const bySlug = new Map(notes.map((n) => [n.slug, n]));
  const placed = new Set<string>();
  const groups = sections.map((spec) => {
    const items = spec.notes.flatMap((slug) => {
      const note = bySlug.get(slug);
      if (!note) return [];
      placed.add(slug);
      return [note];
    });
    return { spec, items };
  });
  const rest = notes.filter((n) => !placed.has(n.slug)).sort((a, b) => a.title.localeCompare(b.title));
  if (rest.length > 0 && groups.length > 0) groups[groups.length - 1]!.items.push(...rest);
  return groups.filter((g) => g.items.length > 0);
}

/** Notes in roadmap reading order: the sections flattened. */
export function readingOrder<T extends { slug: string; title: string }>(
  notes: readonly T[],
  sections: readonly SectionSpec[],
): T[] {
  return groupBySection(notes, sections).flatMap((g) => g.items);
}

/** The previous and next note along the reading order. */
export function neighbours<T extends { slug: string }>(
  ordered: readonly T[],
  slug: string,
): { prev?: T | undefined; next?: T | undefined } {
  const index = ordered.findIndex((n) => n.slug === slug);
  if (index < 0) return {};
  return { prev: ordered[index - 1], next: ordered[index + 1] };
}

/**
 * The part of a long list the sidebar shows around the current item: at most `size` items, the current one
 * as central as the ends allow, so a page's sidebar stays the same size however many notes a section has.
 */
export function windowAround<T>(
  items: readonly T[],
  index: number,
  size: number,
): { items: T[]; before: number; after: number } {
  if (items.length <= size) return { items: [...items], before: 0, after: 0 };
  const start = Math.min(Math.max(0, index - Math.floor(size / 2)), items.length - size);
  return { items: items.slice(start, start + size), before: start, after: items.length - start - size };
}
