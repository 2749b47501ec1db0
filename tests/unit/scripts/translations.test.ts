// Runs `scripts/translations.ts` (what `npm run translations:stamp` and `translations:check` run) on a
// temporary notes folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, readStamp } from '../../../src/lib/content/translation.ts';

const work = mkdtempSync(join(tmpdir(), 'dln-translations-'));
const notes = join(work, 'notes');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const front = (title: string) => `---\ntitle: ${title}\ndescription: D\ndate: 2026-11-29\ntags: [math]\n---\n`;
const write = (path: string, text: string) => writeFileSync(join(notes, path), text);
const read = (path: string) => readFileSync(join(notes, path), 'utf8');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/translations.ts', ...args, '--notes-dir', notes], {
    encoding: 'utf8',
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

beforeEach(() => {
  rmSync(notes, { recursive: true, force: true });
  mkdirSync(join(notes, 'zh'), { recursive: true });
  mkdirSync(join(notes, 'en'), { recursive: true });
  write('zh/neuron.mdx', `${front('神经元')}\nimport W from 'x';\n\n神经元。\n`);
  write('en/neuron.mdx', `${front('Neuron')}\nimport W from 'x';\n\nThe neuron.\n`);
  write('zh/loss.md', `${front('损失')}\n损失函数。\n`);
  write('en/loss.md', `${front('Loss')}\nThe loss.\n`);
  write('en/english-only.md', `${front('Only in English')}\nNot a translation.\n`);
});

describe('translations:stamp', () => {
  it('--all stamps every English note that has a Chinese original with the hash of its body', () => {
    const { status, out } = run('stamp', '--all');
    expect(status).toBe(0);
    expect(readStamp(read('en/neuron.mdx'))).toBe(contentHash(`\nimport W from 'x';\n\n神经元。\n`));
    expect(readStamp(read('en/loss.md'))).toBe(contentHash('损失函数。'));
    expect(read('en/english-only.md')).not.toContain('translationOf');
    expect(out).toMatch(/✓ stamped {3}.*en\/loss\.md \(translationOf: [0-9a-f]{12}, from .*zh\/loss\.md\)/);
    // The body of the translation is untouched.
    expect(read('en/loss.md')).toBe(
      front('Loss').replace(/---\n$/, `translationOf: ${contentHash('损失函数。')}\n---\n`) + '\nThe loss.\n',
    );
    expect(run('stamp', '--all').out).toContain('unchanged');
  });

  it('stamps only the notes given, as paths or slugs, and refuses one without a Chinese original', () => {
    expect(run('stamp', join(notes, 'en/loss.md')).status).toBe(0);
    expect(readStamp(read('en/loss.md'))).toMatch(/^[0-9a-f]{12}$/);
    expect(readStamp(read('en/neuron.mdx'))).toBeUndefined();
    expect(run('stamp', 'neuron').status).toBe(0);
    expect(readStamp(read('en/neuron.mdx'))).toMatch(/^[0-9a-f]{12}$/);
    const refused = run('stamp', 'english-only');
    expect(refused.status).toBe(2);
    expect(refused.err).toMatch(/english-only\.md: there is no Chinese note english-only/);
    expect(run('stamp').status).toBe(2);
    expect(run('stamp', '--all', 'loss').status).toBe(2);
  });
});

describe('translations:check', () => {
  it('passes when every stamp matches, and warns about unstamped translations without failing', () => {
    const unstamped = run('check');
    expect(unstamped.status).toBe(0);
    expect(unstamped.err).toMatch(/2 translations have no stamp/);
    expect(unstamped.err).toContain('en/loss.md  no translationOf stamp');
    expect(unstamped.err).not.toContain('english-only');
    run('stamp', '--all');
    const clean = run('check');
    expect(clean.status).toBe(0);
    expect(clean.out).toContain('✓ translations: 2 up to date');
    expect(clean.err).toBe('');
  });

  it('fails and lists a translation whose Chinese original changed; whitespace-only changes do not count', () => {
    run('stamp', '--all');
    write('zh/loss.md', `${front('损失（新标题）')}\r\n损失函数。   \r\n\r\n`);
    expect(run('check').status).toBe(0);
    write('zh/loss.md', `${front('损失')}\n损失函数，以及风险。\n`);
    const stale = run('check');
    expect(stale.status).toBe(1);
    expect(stale.err).toMatch(
      /✗ 1 translation is out of date:\n {2}\S*en\/loss\.md {2}\S*zh\/loss\.md changed since this translation \(stamp [0-9a-f]{12}, now [0-9a-f]{12}\)/,
    );
    expect(stale.err).not.toContain('neuron');
    // After updating the translation, stamping it clears the report.
    run('stamp', 'loss');
    expect(run('check').status).toBe(0);
  });

  it('reports a malformed stamp', () => {
    write('en/loss.md', front('Loss').replace(/---\n$/, 'translationOf: nope\n---\n') + '\nThe loss.\n');
    const result = run('check');
    expect(result.status).toBe(1);
    expect(result.err).toContain('translationOf "nope" is not 12 hex digits');
  });
});
