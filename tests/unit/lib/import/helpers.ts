// What the importer's tests share: the tag registry and KaTeX with the build's options, as the script uses them.
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { tagRegistry } from '../../../../src/lib/content/tags.ts';

export const REGISTRY = tagRegistry(JSON.parse(readFileSync('content/tags.json', 'utf8')) as Record<string, unknown>);

export function katexCheck(tex: string, display: boolean): boolean {
  try {
    katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'error' });
    return true;
  } catch {
    return false;
  }
}
