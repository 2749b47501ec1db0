// Shared by the widgets' views: each keeps its configuration in its own segment of the URL hash
// (src/lib/text/url-hash.ts), so one shared link restores every widget on the page.
import { writeHashSegment } from '../lib/text/url-hash.ts';

/** Writes `body` into the widget's hash segment without adding a history entry. */
export function replaceHashSegment(name: string, body: string): void {
  try {
    history.replaceState(history.state, '', `#${writeHashSegment(location.hash, name, body)}`);
  } catch {
    // A browser that rate-limits history updates refuses this one: the next change tries again.
  }
}
