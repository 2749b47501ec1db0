import { Parser } from 'htmlparser2';
import { LineIndex } from '../text/line-index.ts';
import { scriptUrlReason, shownUrl } from './script-url.ts';

/**
 * Whether an SVG is safe to serve from the site's origin. An SVG opened on its own is a document: a `<script>`,
 * an `on*` handler or a `javascript:` link in it runs with the site's cookies and storage, and a reference to
 * another origin leaks the reader's visit (and breaks offline). Read with a real XML tokenizer (htmlparser2 in
 * XML mode), so that case, namespaces and entities cannot hide an element from the check.
 */

export interface SvgProblem {
  line: number;
  message: string;
}

/** Elements that run script or embed another document. */
const ACTIVE_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener']);
/** Attributes whose value is a URL the browser follows or loads. */
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'action', 'formaction']);
/** Animation attributes can set another attribute (an href) to a `javascript:` value; `values` is a `;` list. */
const ANIMATION_VALUES = new Set(['to', 'from', 'values', 'by']);
/** CSS that loads from elsewhere: `@import` or `url(…)` that is not a fragment or an inline image. */
const EXTERNAL_CSS = /@import|url\(\s*(['"]?)\s*(?!#|data:image\/)[^)'"\s]/i;

function isExternal(url: string): boolean {
  const trimmed = url.trim();
  return trimmed !== '' && !trimmed.startsWith('#') && !/^data:image\//i.test(trimmed);
}

export function svgProblems(svg: string): SvgProblem[] {
  const lines = new LineIndex(svg);
  const problems: SvgProblem[] = [];
  let inStyle = 0;
  const parser = new Parser(
    {
      onopentag(rawName, attributes) {
        const name = rawName.toLowerCase().replace(/^.*:/, '');
        const report = (message: string) => problems.push({ line: lines.lineOf(parser.startIndex), message });
        if (ACTIVE_ELEMENTS.has(name)) report(`<${rawName}> element: an SVG may not run script or embed documents`);
        if (name === 'style') inStyle++;
        for (const [rawAttribute, value] of Object.entries(attributes)) {
          const attribute = rawAttribute.toLowerCase();
          if (attribute.startsWith('on')) report(`${rawAttribute}="…" event handler: remove it`);
          else if (URL_ATTRIBUTES.has(attribute) || ANIMATION_VALUES.has(attribute)) {
            // Read as the browser reads a URL (`java\tscript:` runs too), by the same rule as links in notes.
            const urls = attribute === 'values' ? value.split(';') : [value];
            const reason = urls.map(scriptUrlReason).find(Boolean);
            if (reason) report(`${rawAttribute}="${shownUrl(value)}": a script URL (${reason})`);
            else if (URL_ATTRIBUTES.has(attribute) && isExternal(value))
              report(`${rawAttribute}="${value.trim().slice(0, 80)}": an external reference; inline it or use #id`);
          }
          else if (attribute === 'style' && EXTERNAL_CSS.test(value))
            report('style="…" loads from elsewhere (url() or @import)');
        }
      },
      onclosetag(rawName) {
        if (rawName.toLowerCase().replace(/^.*:/, '') === 'style') inStyle--;
      },
      ontext(text) {
        if (inStyle > 0 && EXTERNAL_CSS.test(text))
          problems.push({
            line: lines.lineOf(parser.startIndex),
            message: '<style> loads from elsewhere (url() or @import)',
          });
      },
      onprocessinginstruction(name, data) {
        // A DOCTYPE with an internal subset declares entities: an entity expansion bomb, or an external entity.
        if (name.toLowerCase() === '!doctype' && data.includes('['))
          problems.push({ line: lines.lineOf(parser.startIndex), message: 'DOCTYPE with entity declarations' });
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(svg);
  return problems;
}
