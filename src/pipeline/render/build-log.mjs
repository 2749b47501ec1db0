// Why: Astro logs each page it restores from its incremental cache on a line of its own: 4,049 of a rebuild's lines
// at 2,000 notes, which bury the pages actually rendered, and 50 ms of writing. This log destination (Astro's
// `logger` option, which loads it as JavaScript) writes what Astro's own Node logger writes, but counts the
// restored pages instead of listing them, and says how many there were before the next line that is not a page's.
import nodeLogger from 'astro/logger/node';

/** A page's line as Astro begins it (`├─ /notes/x/index.html`, the rest of the line to follow). */
const PAGE_LINE = /├─/;
/** How Astro ends the line of a page it did not render. */
const NOT_RENDERED = /^\s*\((?:restored|cached)\)\s*$/;
// Astro colours its output on a terminal.
// eslint-disable-next-line no-control-regex -- the escape that starts a colour
const COLOUR = /\u001b\[[0-9;]*m/g;

/**
 * @typedef {{ label: string | null; level: string; message: string; newLine: boolean }} LogEvent
 * @param {Record<string, unknown> | undefined} config Astro's Node logger's own options.
 * @returns {{ write(event: LogEvent): void }}
 */
export default function buildLog(config) {
  const node = nodeLogger(config);
  /** @type {LogEvent | undefined} A page's line, held until it is known whether the page was restored. */
  let held;
  let restored = 0;
  const sayRestored = () => {
    if (restored === 0) return;
    const pages = restored === 1 ? '1 page' : `${restored} pages`;
    node.write({
      label: 'SKIP_FORMAT',
      level: 'info',
      message: `  ├─ ${pages} restored from the cache`,
      newLine: true,
    });
    restored = 0;
  };
  return {
    write(event) {
      if (held) {
        const page = held;
        held = undefined;
        if (event.label === 'SKIP_FORMAT' && NOT_RENDERED.test(event.message.replace(COLOUR, ''))) {
          restored++;
          return;
        }
        node.write(page);
      }
      if (event.level === 'info' && event.label === null && !event.newLine && PAGE_LINE.test(event.message)) {
        held = event;
        return;
      }
      if (event.label !== 'SKIP_FORMAT') sayRestored();
      node.write(event);
    },
  };
}
