import { describe, expect, it } from 'vitest';
import { isUtf8, unclosedFence } from '../../../src/lib/markdown-checks.ts';

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

describe('isUtf8', () => {
  it('accepts UTF-8 and rejects GBK bytes', () => {
    expect(isUtf8(new TextEncoder().encode('神经元'))).toBe(true);
    expect(isUtf8(Uint8Array.from([0xc9, 0xf1, 0xbe, 0xad]))).toBe(false); // 神经 in GBK
  });
});
