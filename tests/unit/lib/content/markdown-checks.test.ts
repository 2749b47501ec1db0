import { describe, expect, it } from 'vitest';
import { unclosedFence } from '../../../../src/lib/content/markdown-checks.ts';

describe('unclosedFence', () => {
  it('accepts closed fences of either kind, longer closers and inner shorter fences', () => {
    expect(unclosedFence('---\ntitle: x\n---\n```python\nx = 1\n```\n~~~\ny\n~~~~\n')).toBeUndefined();
    expect(unclosedFence('````md\n```js\ncode\n```\n````\n')).toBeUndefined();
    expect(unclosedFence('Inline ```code``` is not a fence.\n')).toBeUndefined();
  });
  it('names the line of the fence that never closes', () => {
    expect(unclosedFence('---\ntitle: x\n---\n\nText\n\n```python\nx = 1\n')).toBe(7);
    expect(unclosedFence('```\na\n```\n\n~~~\nb\n```\n')).toBe(5);
  });
});
