import { describe, expect, it } from 'vitest';
import { tooDeeplyNested, unclosedFence } from '../../../../src/lib/content/markdown-checks.ts';

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

describe('tooDeeplyNested', () => {
  it('finds the line where lists or quotes go deeper than the limit', () => {
    expect(tooDeeplyNested(`Intro.\n\n${'- '.repeat(101)}x\n`)).toBe(3);
    expect(tooDeeplyNested(`${'> '.repeat(101)}x\n`)).toBe(1);
    const indented = Array.from({ length: 120 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    expect(tooDeeplyNested(indented)).toBe(101);
    expect(tooDeeplyNested(`${'1. '.repeat(60)}${'- '.repeat(60)}x\n`)).toBe(1);
  });

  it('lets ordinary nesting and code through', () => {
    expect(tooDeeplyNested(`${'- '.repeat(100)}x\n`)).toBeUndefined();
    expect(tooDeeplyNested('- a\n  - b\n    > c\n    > - d\n')).toBeUndefined();
    expect(tooDeeplyNested(`\`\`\`text\n${'- '.repeat(500)}x\n\`\`\`\n`)).toBeUndefined();
  });
});
