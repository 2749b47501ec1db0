// Zero JavaScript by default: a note page without widgets loads no script file, only small inline scripts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dist = process.env.E2E_DIST ?? 'dist';
/** The README states the measured figure; this budget keeps it honest. */
const INLINE_SCRIPT_BUDGET = 3 * 1024;

describe('script budget of a note page without widgets', () => {
  for (const path of ['en/notes/network-architectures/index.html', 'notes/glossary/index.html']) {
    it(`${path} loads no script file and at most ${INLINE_SCRIPT_BUDGET} bytes of inline script`, () => {
      const html = readFileSync(`${dist}/${path}`, 'utf8');
      expect(html).not.toMatch(/<script[^>]+src=/);
      const inline = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
      expect(inline).toBeGreaterThan(0);
      expect(inline).toBeLessThanOrEqual(INLINE_SCRIPT_BUDGET);
    });
  }
});
