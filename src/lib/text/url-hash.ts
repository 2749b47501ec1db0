// Several widgets on one page share the URL hash: each owns one segment `name:body`, segments are joined by `~`
// (`#playground:d=xor&lr=0.03~optimizer:s=saddle`). A widget reads only its own segment and, when it writes,
// keeps the other widgets' segments, so a shared link restores every widget on the page.

/** Separates widget segments in the hash (an unreserved URL character, left alone by browsers and chat apps). */
export const SEGMENT_SEPARATOR = '~';

/** The body of segment `name` in `hash` (with or without `#`), or undefined when there is none. */
export function readHashSegment(hash: string, name: string): string | undefined {
  const prefix = `${name}:`;
  for (const segment of hash.replace(/^#/, '').split(SEGMENT_SEPARATOR)) {
    if (segment.startsWith(prefix)) return segment.slice(prefix.length);
  }
  return undefined;
}

/**
 * `hash` (with or without `#`) with segment `name` set to `body`, without the `#`. Other widgets' segments keep
 * their order; anything that is not a segment (a heading anchor such as `#adam`) is dropped.
 */
export function writeHashSegment(hash: string, name: string, body: string): string {
  const prefix = `${name}:`;
  const others = hash
    .replace(/^#/, '')
    .split(SEGMENT_SEPARATOR)
    .filter((segment) => /^[a-z][a-z0-9-]*:/.test(segment) && !segment.startsWith(prefix));
  return [...others, `${prefix}${body}`].join(SEGMENT_SEPARATOR);
}
