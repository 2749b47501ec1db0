// The kinds of callout a note may write (`> [!kind]`): GitHub's five alerts and Obsidian's callouts. Obsidian's
// other names for a kind (`[!faq]`, `[!error]`, …) are read as that kind; `important` and `caution` stay kinds
// of their own, as on GitHub (Obsidian reads them as `tip` and `warning`).
import type { Lang } from '../../lib/content/lang.ts';

export const CALLOUT_LABELS = {
  note: { zh: '备注', en: 'Note' },
  tip: { zh: '提示', en: 'Tip' },
  important: { zh: '重要', en: 'Important' },
  warning: { zh: '警告', en: 'Warning' },
  caution: { zh: '当心', en: 'Caution' },
  abstract: { zh: '摘要', en: 'Abstract' },
  info: { zh: '信息', en: 'Info' },
  todo: { zh: '待办', en: 'To do' },
  success: { zh: '成功', en: 'Success' },
  question: { zh: '问题', en: 'Question' },
  failure: { zh: '失败', en: 'Failure' },
  danger: { zh: '危险', en: 'Danger' },
  bug: { zh: '缺陷', en: 'Bug' },
  example: { zh: '示例', en: 'Example' },
  quote: { zh: '引文', en: 'Quote' },
} as const satisfies Record<string, Record<Lang, string>>;

export type CalloutKind = keyof typeof CALLOUT_LABELS;

const ALIASES: Readonly<Record<string, CalloutKind>> = {
  summary: 'abstract',
  tldr: 'abstract',
  hint: 'tip',
  attention: 'warning',
  check: 'success',
  done: 'success',
  help: 'question',
  faq: 'question',
  fail: 'failure',
  missing: 'failure',
  error: 'danger',
  cite: 'quote',
};

/** The kind a marker names (any case, aliases included), or undefined for a name that is no callout. */
export function calloutKind(name: string): CalloutKind | undefined {
  const lower = name.toLowerCase();
  if (Object.hasOwn(CALLOUT_LABELS, lower)) return lower as CalloutKind;
  return Object.hasOwn(ALIASES, lower) ? ALIASES[lower] : undefined;
}
