/** Lowercase id or alias → Shiki's language id, e.g. `js` → `javascript`. Build it with `languageTable`. */
export type LanguageTable = ReadonlyMap<string, string>;

/** Shiki's own plain-text ids: always available, not in its list of bundled grammars. */
const PLAIN_TEXT = ['text', 'txt', 'plain', 'plaintext'];

/** A lookup table from Shiki's `bundledLanguagesInfo` (each language's id and its aliases). */
export function languageTable(
  infos: ReadonlyArray<{ id: string; aliases?: readonly string[] | undefined }>,
): LanguageTable {
  const table = new Map<string, string>(PLAIN_TEXT.map((id) => [id, 'text']));
  for (const info of infos) {
    table.set(info.id.toLowerCase(), info.id);
    for (const alias of info.aliases ?? []) table.set(alias.toLowerCase(), info.id);
  }
  return table;
}

/**
 * The Shiki id for a fence's language as written in a Jekyll post, lowercased: `C` → `c`, `JSON` → `json`,
 * `JS` → `js` (an alias Shiki and the code-block label both know). `known` is false when Shiki has no
 * such grammar; the id is then `text`, so the block is shown as plain text instead of failing the build.
 */
export function normalizeFenceLanguage(language: string, table: LanguageTable): { id: string; known: boolean } {
  const lower = language.toLowerCase();
  return table.has(lower) ? { id: lower, known: true } : { id: 'text', known: false };
}
