/**
 * Adds tags to the text of `content/tags.json`, one line each in the file's own style
 * (`  "id": { "zh": "…", "en": "…" },`), with the id as both labels until a person writes real ones.
 * The rest of the file is left byte for byte, so the diff of an import shows only the new lines.
 * Ids already in the registry are skipped.
 */
export function addTagsToRegistryText(text: string, ids: readonly string[]): string {
  const registry = JSON.parse(text) as Record<string, unknown>;
  const fresh = [...new Set(ids)].filter((id) => !(id in registry));
  if (fresh.length === 0) return text;
  const close = text.lastIndexOf('}');
  if (close < 0) throw new Error('the tag registry is not a JSON object');
  const head = text.slice(0, close).replace(/\s*$/, '');
  const lines = fresh.map(
    (id) => `  ${JSON.stringify(id)}: { "zh": ${JSON.stringify(id)}, "en": ${JSON.stringify(id)} }`,
  );
  const separator = head.endsWith('{') ? '' : ',';
  const result = `${head}${separator}\n${lines.join(',\n')}\n${text.slice(close)}`;
  JSON.parse(result); // never write a registry that does not parse
  return result;
}
