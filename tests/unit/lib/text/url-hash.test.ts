import { describe, expect, it } from 'vitest';
import { readHashSegment, writeHashSegment } from '../../../../src/lib/text/url-hash.ts';

describe('url hash segments', () => {
  it('reads its own segment only', () => {
    expect(readHashSegment('#playground:d=xor&lr=0.03~optimizer:s=saddle', 'playground')).toBe('d=xor&lr=0.03');
    expect(readHashSegment('playground:d=xor~optimizer:s=saddle', 'optimizer')).toBe('s=saddle');
    expect(readHashSegment('#adam', 'optimizer')).toBeUndefined();
    expect(readHashSegment('', 'optimizer')).toBeUndefined();
    expect(readHashSegment('#my-playground:x', 'playground')).toBeUndefined();
  });

  it('writes its segment, keeps the others, drops plain anchors', () => {
    expect(writeHashSegment('', 'playground', 'd=xor')).toBe('playground:d=xor');
    expect(writeHashSegment('#adam', 'optimizer', 's=saddle')).toBe('optimizer:s=saddle');
    expect(writeHashSegment('#playground:d=xor~optimizer:s=saddle', 'playground', 'd=spiral')).toBe(
      'optimizer:s=saddle~playground:d=spiral',
    );
    expect(writeHashSegment('#optimizer:s=saddle', 'playground', 'd=xor')).toBe('optimizer:s=saddle~playground:d=xor');
  });
});
