// The KaTeX options of the site's build, shared by the render step (src/pipeline/render/processor.ts) and the
// importer, which keeps a formula as math only if the build will render it.
import type { KatexOptions } from 'katex';

export const SITE_KATEX_OPTIONS = {
  strict: 'error',
  // Off: \href, \url, \includegraphics and \html… would emit links, load images or set attributes. A formula
  // that uses one stops the build (src/katex/untrusted-commands.ts).
  trust: false,
  // Bounds macro expansion and sizes, so a malicious formula cannot stall the build or cover the page.
  maxExpand: 1000,
  maxSize: 50,
} as const satisfies KatexOptions;
