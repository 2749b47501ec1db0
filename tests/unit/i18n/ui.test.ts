import { describe, expect, it } from 'vitest';
import UI_STRINGS from '../../../src/i18n/ui-strings.json' with { type: 'json' };
import { t } from '../../../src/i18n/ui.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface strings (src/i18n/ui-strings.json)', () => {
  it('say every string in both languages, with the same placeholders', () => {
    for (const [key, { zh, en }] of Object.entries(UI_STRINGS)) {
      expect(zh.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(zh));
    }
  });
  it('fill placeholders and leave unknown ones visible', () => {
    expect(t('en', 'progress', { done: 2, total: 5 })).toBe('Progress: 2 of 5 notes studied');
    expect(t('zh', 'noteCount', { n: 3 })).toBe('3 篇笔记');
    expect(t('en', 'noteCount')).toBe('{n} notes');
  });
});
