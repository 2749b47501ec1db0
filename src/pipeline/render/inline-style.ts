// Why: a `style` attribute in a note's raw HTML could lift an element out of the text and lay it over the page
// (`position: fixed; inset: 0; z-index: 99999`), move it over the header with a transform or a negative margin, or
// load from elsewhere with `url(…)`. A note may colour and emphasise its text, nothing more: the declarations are
// read with css-tree (a CSS parser, so comments, escapes and odd spacing cannot hide one) and only the properties
// below are kept, with values made of keywords, numbers, colours and colour functions.
import * as csstree from 'css-tree';

/** Properties a note's raw HTML may set: none of them can move an element, size it or stack it over others. */
export const NOTE_STYLE_PROPERTIES: ReadonlySet<string> = new Set([
  'color',
  'background',
  'background-color',
  'font-weight',
  'font-style',
  'font-variant',
  'text-decoration',
  'text-decoration-line',
  'text-decoration-color',
  'text-decoration-style',
  'text-align',
  'text-transform',
  'white-space',
  'word-break',
  'overflow-wrap',
]);

/** The only functions a kept value may call: colours (no `url()`, `var()`, `calc()`, `image-set()`, gradients). */
const COLOR_FUNCTIONS = new Set(['rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color']);

function harmlessValue(value: csstree.Value | csstree.Raw): boolean {
  if (value.type === 'Raw') return false;
  let harmless = true;
  csstree.walk(value, (node) => {
    if (node.type === 'Url' || node.type === 'Raw') harmless = false;
    if (node.type === 'Function' && !COLOR_FUNCTIONS.has(node.name.toLowerCase())) harmless = false;
  });
  return harmless;
}

/** What is left of a note's `style` attribute: `{ kept: 'color:red', dropped: ['position:fixed'] }`. */
export function noteStyle(style: string): { kept: string; dropped: string[] } {
  const list = csstree.parse(style, { context: 'declarationList', parseValue: true });
  const kept: string[] = [];
  const dropped: string[] = [];
  csstree.walk(list, {
    visit: 'Declaration',
    enter(declaration) {
      const text = csstree.generate(declaration);
      const allowed = NOTE_STYLE_PROPERTIES.has(declaration.property.toLowerCase()) && harmlessValue(declaration.value);
      (allowed ? kept : dropped).push(text);
    },
  });
  // Text css-tree could not read as a declaration is dropped too.
  if (list.type === 'DeclarationList') {
    list.children.forEach((node) => {
      if (node.type === 'Raw' && node.value.trim() !== '') dropped.push(node.value.trim());
    });
  }
  return { kept: kept.join(';'), dropped };
}
