// The search UI: results as you type, exact-phrase-first ranking for Chinese, tag chips, both-languages
// switch, keyboard navigation (combobox + listbox pattern). Everything is rendered with text nodes.
import { excerptSegments, hasCjk, mergeRanked, normalizeQuery, phraseQuery } from '../query.ts';
import { searchQueries } from '../../lib/content/glossary.ts';
import SYNONYMS from '../synonyms.json';
import {
  loadPagefind,
  mergeLanguage,
  pageHref,
  type Pagefind,
  type PagefindResultData,
  type PagefindSubResult,
} from './pagefind.ts';

interface Messages {
  loading: string;
  count: string;
  none: string;
  suggest: string;
  failed: string;
  /** Said instead of `failed` when the browser is offline (part of the index was never cached). */
  offline: string;
  glossary: string;
  glossaryUrl: string;
}

const MAX_SHOWN = 8;
const DEBOUNCE_MS = 60;
const mounted = new WeakSet<HTMLElement>();

/** Adds `?highlight=<query>` so the landing page marks the matched words. */
export function withHighlight(url: string, query: string): string {
  const [path, hash] = url.split('#');
  const separator = path!.includes('?') ? '&' : '?';
  return `${path}${separator}highlight=${encodeURIComponent(query)}${hash ? `#${hash}` : ''}`;
}

/** The section of the note where the query matters most (Pagefind lists sections in page order). */
function bestSection(data: PagefindResultData): { title?: string; url: string; excerpt: string } {
  const weight = (s: PagefindSubResult) =>
    s.weighted_locations?.reduce((sum, l) => sum + l.balanced_score, 0) ?? s.locations?.length ?? 0;
  const sections = data.sub_results.filter((s) => s.url.includes('#') && s.title !== data.meta.title);
  const best = sections.reduce<PagefindSubResult | undefined>(
    (a, b) => (a && weight(a) >= weight(b) ? a : b),
    undefined,
  );
  return best ?? { url: data.url, excerpt: data.excerpt };
}

export function mountSearch(panel: HTMLElement): void {
  if (mounted.has(panel)) return;
  mounted.add(panel);
  const lang = panel.dataset.lang === 'en' ? 'en' : 'zh';
  const messages = JSON.parse(panel.dataset.messages ?? '{}') as Messages;
  const tagLabels = JSON.parse(panel.dataset.tags ?? '{}') as Record<string, string>;
  const input = panel.querySelector<HTMLInputElement>('input[type="search"]')!;
  const list = panel.querySelector<HTMLUListElement>('[data-search-results]')!;
  const status = panel.querySelector<HTMLElement>('[data-search-status]')!;
  const both = panel.querySelector<HTMLInputElement>('[data-search-both]')!;
  const chips = panel.querySelector<HTMLElement>('[data-search-filters]')!;
  const selectedTags = new Set<string>();
  let ticket = 0;
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const say = (text: string) => {
    status.textContent = text;
  };

  function options(): HTMLElement[] {
    return [...list.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  function setActive(index: number): void {
    const all = options();
    if (all.length === 0) return;
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', all[active]!.id);
    all[active]!.scrollIntoView({ block: 'nearest' });
  }

  function clearResults(): void {
    list.replaceChildren();
    active = -1;
    input.removeAttribute('aria-activedescendant');
    input.setAttribute('aria-expanded', 'false');
  }

  /** Chips for the tags of the current results (and any selected), most frequent first. */
  function renderChips(counts: Record<string, number>): void {
    for (const tag of selectedTags) counts[tag] ??= 0;
    chips.replaceChildren(
      ...Object.keys(counts)
        .filter((tag) => tagLabels[tag])
        .sort(
          (a, b) => Number(selectedTags.has(b)) - Number(selectedTags.has(a)) || (counts[b] ?? 0) - (counts[a] ?? 0),
        )
        .slice(0, 8)
        .map((tag) => {
          const chip = document.createElement('button');
          chip.type = 'button';
          chip.className = 'search-chip';
          chip.textContent = tagLabels[tag]!;
          chip.dataset.tag = tag;
          chip.setAttribute('aria-pressed', String(selectedTags.has(tag)));
          chip.addEventListener('click', () => {
            if (selectedTags.has(tag)) selectedTags.delete(tag);
            else selectedTags.add(tag);
            chip.setAttribute('aria-pressed', String(selectedTags.has(tag)));
            void run();
          });
          return chip;
        }),
    );
  }

  function renderResults(items: PagefindResultData[], query: string, total: number): void {
    // The same query can render twice (a keystroke's search and the one queued while Pagefind loaded): the option
    // the reader moved to stays chosen when it is still there.
    const chosen = options()[active]?.getAttribute('href');
    clearResults();
    // Which query the list answers: the status text alone cannot tell one query's results from the next one's.
    list.dataset.query = query;
    const counts: Record<string, number> = {};
    for (const item of items) for (const tag of item.filters?.tag ?? []) counts[tag] = (counts[tag] ?? 0) + 1;
    renderChips(counts);
    if (total === 0) {
      say(`${messages.none.replace('{q}', query)} ${messages.suggest} `);
      const link = document.createElement('a');
      link.href = messages.glossaryUrl;
      link.textContent = messages.glossary;
      status.append(link); // outside the listbox, which holds only options
      return;
    }
    say(messages.count.replace('{n}', String(total)));
    items.forEach((data, i) => {
      const section = bestSection(data);
      // The link is the option itself (an option must not contain another interactive element).
      const li = document.createElement('li');
      li.setAttribute('role', 'none');
      li.className = 'search-result';
      const link = document.createElement('a');
      // A colon: a note's heading ids never have one (and its HTML's ids are prefixed), so no heading shares it.
      link.id = `${list.id}:${i}`;
      link.setAttribute('role', 'option');
      link.setAttribute('aria-selected', 'false');
      link.href = withHighlight(pageHref(section.url), query);
      link.tabIndex = -1;
      const title = document.createElement('span');
      title.className = 'search-result__title';
      title.textContent = data.meta.title ?? data.url;
      link.append(title);
      if (section.title) {
        const heading = document.createElement('span');
        heading.className = 'search-result__section';
        heading.textContent = section.title;
        link.append(heading);
      }
      const excerpt = document.createElement('span');
      excerpt.className = 'search-result__excerpt';
      for (const segment of excerptSegments(section.excerpt)) {
        if (segment.marked) {
          const mark = document.createElement('mark');
          mark.textContent = segment.text;
          excerpt.append(mark);
        } else excerpt.append(segment.text);
      }
      link.append(excerpt);
      li.append(link);
      link.addEventListener('mousemove', () => setActive(i));
      list.append(li);
    });
    input.setAttribute('aria-expanded', 'true');
    const again = options().findIndex((option) => option.getAttribute('href') === chosen);
    if (again >= 0) setActive(again);
  }

  async function searchOne(pagefind: Pagefind, query: string, filters: Record<string, unknown>) {
    const [plain, phrase] = await Promise.all([
      pagefind.search(query, { filters }),
      hasCjk(query) ? pagefind.search(phraseQuery(query), { filters }) : Promise.resolve(null),
    ]);
    return mergeRanked(phrase?.results ?? [], plain?.results ?? []);
  }

  /** Results of the query and of its glossary synonyms (ReLU ⇄ 线性整流函数 ⇄ rectified linear unit), in searchQueries order. */
  async function search(pagefind: Pagefind, query: string) {
    const filters: Record<string, unknown> = {};
    if (!both.checked) filters.language = lang;
    if (selectedTags.size > 0) filters.tag = { any: [...selectedTags] };
    const lists = await Promise.all(searchQueries(query, SYNONYMS, lang).map((q) => searchOne(pagefind, q, filters)));
    const seen = new Set<string>();
    return lists.flat().filter((r) => !seen.has(r.id) && seen.add(r.id));
  }

  async function run(): Promise<void> {
    const mine = ++ticket;
    const query = normalizeQuery(input.value);
    if (!query) {
      clearResults();
      renderChips({});
      say('');
      return;
    }
    let pagefind: Pagefind;
    try {
      if (!status.textContent) say(messages.loading);
      pagefind = await loadPagefind();
      if (both.checked) await mergeLanguage(pagefind, lang === 'zh' ? 'en' : 'zh-cn');
      const results = await search(pagefind, query);
      const shown = await Promise.all(results.slice(0, MAX_SHOWN).map((r) => r.data()));
      if (mine !== ticket) return; // a newer keystroke won
      renderResults(shown, query, results.length);
    } catch {
      if (mine !== ticket) return;
      clearResults();
      say(navigator.onLine ? messages.failed : messages.offline);
      status.setAttribute('data-error', '');
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Escape') {
      // A search field would first swallow Esc to clear itself; in the dialog, Esc closes.
      const dialog = panel.closest('dialog');
      if (dialog?.open) {
        event.preventDefault();
        dialog.close();
      }
    } else if (event.key === 'Enter') {
      event.preventDefault(); // the form would reload the /search/ page
      const target = options()[Math.max(active, 0)] as HTMLAnchorElement | undefined;
      if (target) location.href = target.href;
    }
  });
  both.addEventListener('change', () => void run());

  say(messages.loading);
  loadPagefind()
    .then(() => {
      say('');
      if (input.value) void run();
    })
    .catch(() => {
      say(navigator.onLine ? messages.failed : messages.offline);
      status.setAttribute('data-error', '');
    });
}
