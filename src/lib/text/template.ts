// The widgets' sentences are templates with named blanks, so each language orders its words its own way:
// `'{name} at ({x}, {y})'` in English, `'{name} 在 ({x}, {y})'` in Chinese.

/** `template` with each `{key}` replaced by `vars[key]`; a blank without a value becomes empty. */
export function fillTemplate(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(vars[key] ?? ''));
}
