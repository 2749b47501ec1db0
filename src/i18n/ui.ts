import type { Lang } from '../lib/content/lang.ts';

/** Every interface string, in both languages. A key missing in one language is a type error. */
const STRINGS = {
  skipToContent: { zh: '跳到正文', en: 'Skip to content' },
  home: { zh: '首页', en: 'Home' },
  notes: { zh: '笔记', en: 'Notes' },
  roadmap: { zh: '学习路线', en: 'Roadmap' },
  tags: { zh: '标签', en: 'Tags' },
  search: { zh: '搜索', en: 'Search' },
  searchPlaceholder: { zh: '搜索笔记…', en: 'Search the notes…' },
  searchBoth: { zh: '同时搜索英文笔记', en: 'Also search the Chinese notes' },
  graph: { zh: '概念图', en: 'Concept graph' },
  graphIntro: {
    zh: '每个节点是一篇笔记，箭头从前置知识指向依赖它的笔记。悬停或聚焦一个节点会突出它的前后关联；已学的笔记带有 ✓。',
    en: 'Each node is a note; arrows point from a prerequisite to the notes that build on it. Hover or focus a node to highlight its neighbours; studied notes carry a ✓.',
  },
  zoomIn: { zh: '放大', en: 'Zoom in' },
  zoomOut: { zh: '缩小', en: 'Zoom out' },
  zoomReset: { zh: '复位', en: 'Reset view' },
  referencedBy: { zh: '被以下笔记引用', en: 'Referenced by' },
  prerequisitesLabel: { zh: '前置知识', en: 'Prerequisites' },
  markStudied: { zh: '标记为已学', en: 'Mark as studied' },
  studied: { zh: '已学', en: 'Studied' },
  progress: { zh: '学习进度：已学 {done} / {total} 篇', en: 'Progress: {done} of {total} notes studied' },
  clearProgress: { zh: '清除进度', en: 'Clear progress' },
  progressNote: {
    zh: '进度只保存在这个浏览器里（localStorage），不需要账号，离线可用。',
    en: 'Progress is stored in this browser only (localStorage): no account, works offline.',
  },
  searchLabel: { zh: '搜索笔记', en: 'Search the notes' },
  searchClose: { zh: '关闭搜索', en: 'Close search' },
  searchFilterTags: { zh: '按标签筛选', en: 'Filter by tag' },
  searchResults: { zh: '搜索结果', en: 'Search results' },
  searchHint: {
    zh: '输入关键词，例如“激活函数”或“梯度下降”。↑↓ 选择，Enter 打开，Esc 关闭。',
    en: 'Type a word, e.g. “activation function” or “gradient descent”. ↑↓ to move, Enter to open, Esc to close.',
  },
  searchLoading: { zh: '正在加载搜索索引…', en: 'Loading the search index…' },
  searchCount: { zh: '找到 {n} 篇笔记', en: '{n} notes found' },
  searchNone: { zh: '没有找到与“{q}”相关的笔记。', en: 'No notes match “{q}”.' },
  searchSuggest: {
    zh: '试试更短或更常见的词，换用英文术语，或查看术语表。',
    en: 'Try a shorter or more common word, the Chinese term, or the glossary.',
  },
  searchFailed: {
    zh: '搜索索引无法加载，请稍后再试。页面的其余部分不受影响。',
    en: 'The search index could not be loaded; please try again later. The rest of the page still works.',
  },
  searchOffline: {
    zh: '离线时只能搜索已缓存的那部分索引，这次的词不在其中。联网后再试。',
    en: 'Offline, search can only use the parts of the index cached so far, and these words are not among them. Try again online.',
  },
  searchGlossary: { zh: '术语表', en: 'Glossary' },
  searchOtherLanguage: { zh: '英文', en: 'Chinese' },
  mainNav: { zh: '主导航', en: 'Main' },
  sidebar: { zh: '笔记目录', en: 'All notes' },
  breadcrumbs: { zh: '面包屑导航', en: 'Breadcrumbs' },
  onThisPage: { zh: '本页内容', en: 'On this page' },
  overview: { zh: '概览', en: 'Overview' },
  published: { zh: '发布于', en: 'Published' },
  updated: { zh: '更新于', en: 'Updated' },
  readingTime: { zh: '阅读约 {n} 分钟', en: '{n} min read' },
  previous: { zh: '上一篇', en: 'Previous' },
  next: { zh: '下一篇', en: 'Next' },
  prevNext: { zh: '上一篇与下一篇', en: 'Previous and next note' },
  editPage: { zh: '在仓库中编辑此页', en: 'Edit this page' },
  theme: { zh: '主题', en: 'Theme' },
  themeAuto: { zh: '跟随系统', en: 'System' },
  themeLight: { zh: '浅色', en: 'Light' },
  themeDark: { zh: '深色', en: 'Dark' },
  language: { zh: '语言', en: 'Language' },
  otherLanguageName: { zh: 'English', en: '中文' },
  notTranslatedShort: { zh: '（尚无英文版）', en: '(no Chinese version yet)' },
  notTranslatedTitle: { zh: '此笔记尚无中文版', en: 'This note has not been translated yet' },
  notTranslatedBody: {
    zh: '这篇笔记目前只有英文版。你可以阅读英文原文，或通过 pull request 贡献中文翻译。',
    en: 'This note exists only in Chinese so far. Read the Chinese original, or contribute a translation by pull request.',
  },
  readOriginal: { zh: '阅读英文版', en: 'Read the Chinese original' },
  latestNotes: { zh: '最近更新', en: 'Latest notes' },
  startHere: { zh: '从学习路线开始', en: 'Start with the roadmap' },
  allTags: { zh: '全部标签', en: 'All tags' },
  notesTagged: { zh: '标签“{tag}”下的笔记', en: 'Notes tagged “{tag}”' },
  noteCount: { zh: '{n} 篇笔记', en: '{n} notes' },
  notFoundTitle: { zh: '找不到这个页面', en: 'Page not found' },
  notFoundBody: {
    zh: '链接可能已经失效，或者地址有误。试试搜索，或回到首页。',
    en: 'The link may be out of date or mistyped. Try searching, or go back to the home page.',
  },
  rss: { zh: 'RSS 订阅', en: 'RSS feed' },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  copyCode: { zh: '复制代码', en: 'Copy code' },
  footerLicense: {
    zh: '内容以 CC BY-SA 4.0 许可发布；代码以 MIT 许可发布。',
    en: 'Content under CC BY-SA 4.0; code under the MIT licence.',
  },
  builtWith: { zh: '以 Astro 构建，离线可读。', en: 'Built with Astro, readable offline.' },
  sectionOther: { zh: '其他', en: 'More' },
  showAllNotes: { zh: '全部笔记', en: 'All notes' },
  moreNotes: { zh: '本节另有 {n} 篇…', en: '{n} more in this section…' },
  searchNoScript: {
    zh: '搜索需要 JavaScript。你也可以从学习路线或标签页浏览全部笔记。',
    en: 'Search needs JavaScript. You can also browse every note from the roadmap or the tags page.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type UiKey = keyof typeof STRINGS;

/** The interface string `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

// One formatter per language: creating one costs far more than formatting a date (home pages list every note).
const DATE_FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};

/** Dates as readers of each language write them: 2026年11月29日 / 29 November 2026. */
export function formatDate(lang: Lang, date: Date): string {
  return DATE_FORMATS[lang].format(date);
}
