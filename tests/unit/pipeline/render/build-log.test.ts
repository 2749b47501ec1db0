import { afterEach, describe, expect, it, vi } from 'vitest';
import buildLog from '../../../../src/pipeline/render/build-log.mjs';

afterEach(() => vi.restoreAllMocks());

/** What the destination writes to the terminal for Astro's log events. */
function written(events: Array<[label: string | null, message: string, newLine?: boolean]>): string {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const log = buildLog(undefined);
  for (const [label, message, newLine = true] of events) log.write({ label, level: 'info', message, newLine });
  return out.replace(/^\S+ /gm, ''); // the time Astro's logger puts before a line
}

describe('buildLog', () => {
  it('counts the restored pages instead of listing them, and lists the pages rendered', () => {
    const out = written([
      [null, ' generating static routes '],
      [null, '  ├─ /notes/a/index.html', false],
      ['SKIP_FORMAT', ' (restored)'],
      [null, '  ├─ /notes/b/index.html', false],
      ['SKIP_FORMAT', ' (+21ms)'],
      [null, '  ├─ /previews/a.json', false],
      ['SKIP_FORMAT', ' \u001b[32m(restored)\u001b[39m'],
      [null, '  ├─ /tags/x/index.html', false],
      ['SKIP_FORMAT', ' (cached)'],
      [null, '✓ Completed in 391ms.'],
    ]);
    expect(out).not.toContain('/notes/a/');
    expect(out).not.toContain('/previews/a.json');
    expect(out).toContain('├─ /notes/b/index.html (+21ms)\n');
    expect(out).toContain('├─ 3 pages restored from the cache\n');
    expect(out.indexOf('3 pages restored')).toBeLessThan(out.indexOf('✓ Completed'));
  });

  it('writes everything else as Astro writes it', () => {
    const out = written([
      ['build', 'Building static entrypoints...'],
      [null, '  ├─ /notes/a/index.html', false],
      ['build', 'a line that is not the end of the page line'],
    ]);
    expect(out).toContain('Building static entrypoints...');
    expect(out).toContain('├─ /notes/a/index.html');
    expect(out).not.toContain('restored');
  });
});
