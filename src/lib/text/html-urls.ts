// Rewrites the URLs of a built page where the browser reads them as URLs: URL attributes, `srcset`, the CSS of
// `style` attributes and `<style>` elements, and the URL-valued `<meta>` of Open Graph. htmlparser2's tokenizer
// gives the exact place of each attribute value, so text that merely looks like an attribute (a code block
// showing `<a href="/x">`, escaped as `&lt;a href="/x"&gt;`) is never touched, and the rest of the page keeps
// its bytes.
import { Tokenizer } from 'htmlparser2';

export interface UrlRewriter {
  url(value: string): string;
  css(text: string): string;
  srcset(value: string): string;
}

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'cite',
  'data-href',
  'xlink:href',
  'manifest',
]);

/** `<meta property|name="…" content="URL">`: the ones whose content is a URL. */
const URL_METAS = new Set(['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image']);

interface Attribute {
  name: string;
  start: number;
  end: number;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function rewriteAttribute(
  tag: string,
  attribute: Attribute,
  all: readonly Attribute[],
  html: string,
  rewrite: UrlRewriter,
) {
  const value = html.slice(attribute.start, attribute.end);
  const { name } = attribute;
  if (name === 'srcset') return rewrite.srcset(value);
  if (name === 'style') return rewrite.css(value);
  if (URL_ATTRIBUTES.has(name)) return rewrite.url(value);
  if (name === 'content' && tag === 'meta') {
    const key = all.find((a) => a.name === 'property' || a.name === 'name');
    if (key && URL_METAS.has(html.slice(key.start, key.end).toLowerCase())) return rewrite.url(value);
  }
  return value;
}

/** The page with each URL passed through `rewrite`; unchanged bytes elsewhere. */
export function rewriteHtmlUrls(html: string, rewrite: UrlRewriter): string {
  const edits: Edit[] = [];
  let tag = '';
  let attributes: Attribute[] = [];
  let name = '';
  let valueStart = -1;
  let valueEnd = -1;
  let styleStart = -1;

  const finishTag = () => {
    for (const attribute of attributes) {
      const text = rewriteAttribute(tag, attribute, attributes, html, rewrite);
      if (text !== html.slice(attribute.start, attribute.end)) edits.push({ ...attribute, text });
    }
    attributes = [];
  };
  const nothing = () => undefined;

  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        tag = html.slice(start, end).toLowerCase();
        attributes = [];
      },
      onattribname(start, end) {
        name = html.slice(start, end).toLowerCase();
        valueStart = -1;
      },
      onattribdata(start, end) {
        if (valueStart < 0) valueStart = start;
        valueEnd = end;
      },
      onattribend() {
        if (valueStart >= 0) attributes.push({ name, start: valueStart, end: valueEnd });
        valueStart = -1;
      },
      onopentagend(end) {
        finishTag();
        if (tag === 'style') styleStart = end + 1;
      },
      onselfclosingtag() {
        finishTag();
      },
      onclosetag(start, end) {
        if (styleStart >= 0 && html.slice(start, end).toLowerCase() === 'style') {
          const closeStart = html.lastIndexOf('</', start);
          const css = html.slice(styleStart, closeStart);
          const text = rewrite.css(css);
          if (text !== css) edits.push({ start: styleStart, end: closeStart, text });
          styleStart = -1;
        }
      },
      onattribentity: nothing,
      oncdata: nothing,
      oncomment: nothing,
      ondeclaration: nothing,
      onend: nothing,
      onprocessinginstruction: nothing,
      ontext: nothing,
      ontextentity: nothing,
    },
  );
  tokenizer.write(html);
  tokenizer.end();

  if (edits.length === 0) return html;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += html.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + html.slice(at);
}
