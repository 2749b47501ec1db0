// Light by default: a note page without widgets loads one small script (theme toggle, search button,
// copy buttons, "on this page"); search code and its index load only when search is opened.
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = process.env.E2E_DIST ?? 'dist';
/** The README states the measured figure; this budget keeps it honest. */
const GZIP_BUDGET = 3 * 1024;

function scriptsOf(html: string) {
  const files = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  return { files, inline };
}

describe('script budget of a note page without widgets', () => {
  for (const path of ['en/notes/machine-learning-process/index.html', 'notes/glossary/index.html']) {
    it(`${path}: one script file, no search code, at most ${GZIP_BUDGET} bytes gzipped`, () => {
      const { files, inline } = scriptsOf(readFileSync(`${dist}/${path}`, 'utf8'));
      expect(files).toHaveLength(1);
      expect(files.join()).not.toMatch(/pagefind|controller/);
      const bytes = Buffer.concat([
        ...inline.map((s) => Buffer.from(s)),
        ...files.map((f) => readFileSync(`${dist}${f}`)),
      ]);
      expect(statSync(`${dist}${files[0]}`).size).toBeGreaterThan(0);
      expect(gzipSync(bytes, { level: 9 }).length).toBeLessThanOrEqual(GZIP_BUDGET);
    });
  }
});
