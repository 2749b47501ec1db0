// Why: KaTeX gates \href, \url, \includegraphics and the \html… commands behind its `trust` option. With trust
// off it neither throws nor drops them: it draws the command's name in its error colour, and rehype-katex ships
// that as a formula that rendered fine. Notes may not use them at all, so a formula that names one is parsed
// again by KaTeX, whose parse tree shows exactly which commands it refused, and the build names them.
import katex, { type KatexOptions } from 'katex';

/** The commands KaTeX runs only when trusted, each with what to write instead. */
const ADVICE: Readonly<Record<string, string>> = {
  '\\href': 'write a Markdown link next to the formula',
  '\\url': 'write a Markdown link next to the formula',
  '\\includegraphics': 'put a Markdown image next to the formula',
  '\\htmlClass': 'write the formula without it (a formula cannot carry HTML classes)',
  '\\htmlId': 'write the formula without it (a formula cannot carry HTML ids)',
  '\\htmlStyle': 'write the formula without it (a formula cannot carry HTML styles)',
  '\\htmlData': 'write the formula without it (a formula cannot carry HTML data attributes)',
};

export const UNTRUSTED_COMMANDS: readonly string[] = Object.keys(ADVICE);

/**
 * A formula that names none of them cannot use one: TeX cannot build a command's name from pieces (KaTeX has no
 * \csname) and none of KaTeX's own macros expands to one. In KaTeX's lexer `@` is a letter, so `\href@x` is
 * another command. The rare formula that matches is parsed; the rest cost one regular expression.
 */
const NAMES_ONE = /\\(?:href|url|includegraphics|html(?:Class|Id|Style|Data))(?![a-zA-Z@])/;

/** The error colour of the check's own parse: `\color` cannot name it (KaTeX takes only #hex and letters). */
const REFUSED_MARK = 'refused-command';

// KaTeX's own parser, exported as `__parse` though not in its type declarations (tests/unit/katex pin it).
const parseTree = (katex as unknown as { __parse(tex: string, options: KatexOptions): unknown }).__parse;

/** What `command` is refused with, and what to write instead. */
export function untrustedCommandMessage(command: string): string {
  return `${command} is not allowed in notes: ${ADVICE[command] ?? 'write the formula without it'}`;
}

/**
 * The trust-gated commands a formula uses, in order of use (empty for one KaTeX cannot parse at all: that error
 * is reported as such). `options` are the site's KaTeX options: its macros could name a gated command too.
 */
export function untrustedCommands(tex: string, options: KatexOptions = {}): string[] {
  if (!NAMES_ONE.test(tex) && options.macros === undefined) return [];
  let tree: unknown;
  try {
    tree = parseTree(tex, {
      ...options,
      // KaTeX writes \gdef into the macros object it is given: a copy keeps one formula's out of the next.
      ...(options.macros ? { macros: { ...options.macros } } : {}),
      trust: false,
      // strict mode would stop at \htmlClass ("HTML extension") before the trust check this is after.
      strict: 'ignore',
      throwOnError: true,
      errorColor: REFUSED_MARK,
    });
  } catch {
    return [];
  }
  const found: string[] = [];
  collectRefused(tree, found, new WeakSet());
  return found;
}

/** KaTeX stands a refused command in as a colour node (in `REFUSED_MARK`) around the command's name as text. */
function collectRefused(node: unknown, found: string[], seen: WeakSet<object>): void {
  if (node === null || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const child of node) collectRefused(child, found, seen);
    return;
  }
  const fields = node as Record<string, unknown>;
  if (fields.type === 'color' && fields.color === REFUSED_MARK) {
    found.push(textOf(fields.body));
    return;
  }
  // `loc` points back into the lexer and its input: source positions, no nodes.
  for (const [key, value] of Object.entries(fields)) if (key !== 'loc') collectRefused(value, found, seen);
}

function textOf(node: unknown): string {
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node === null || typeof node !== 'object') return '';
  const fields = node as { type?: unknown; text?: unknown; body?: unknown };
  return fields.type === 'textord' && typeof fields.text === 'string' ? fields.text : textOf(fields.body);
}
