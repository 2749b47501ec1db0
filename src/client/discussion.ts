// Loads giscus (the <giscus-widget> web component, its code fetched only now) into the discussion section of a
// note when the reader scrolls near it or presses its button. Offline or from file:// the section stays a link.
const NEAR = '400px';

function pageTheme(): 'light' | 'dark' {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

async function load(section: HTMLElement): Promise<void> {
  const frame = section.querySelector<HTMLElement>('[data-discussion-frame]');
  if (!frame || frame.childElementCount > 0) return;
  await import('giscus');
  const data = section.dataset;
  const widget = document.createElement('giscus-widget');
  const attributes: Record<string, string | undefined> = {
    repo: data.discussionRepo,
    repoid: data.discussionRepoId,
    category: data.discussionCategory,
    categoryid: data.discussionCategoryId,
    mapping: 'specific',
    term: data.discussionTerm,
    strict: '1',
    reactionsenabled: '1',
    emitmetadata: '0',
    inputposition: 'top',
    theme: pageTheme(),
    lang: data.discussionLang,
    loading: 'eager',
  };
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) widget.setAttribute(name, value);
  frame.append(widget);
  section.querySelector<HTMLElement>('[data-discussion-load]')?.setAttribute('hidden', '');
  // The page's theme toggle changes <html data-theme>; giscus follows.
  new MutationObserver(() => widget.setAttribute('theme', pageTheme())).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
}

export function setUpDiscussion(): void {
  const section = document.querySelector<HTMLElement>('[data-testid="discussion"]');
  if (!section) return;
  if (location.protocol === 'file:' || !navigator.onLine) {
    section.querySelector<HTMLElement>('[data-discussion-offline]')?.removeAttribute('hidden');
    return;
  }
  const button = section.querySelector<HTMLButtonElement>('[data-discussion-load]');
  button?.removeAttribute('hidden');
  button?.addEventListener('click', () => void load(section));
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        void load(section);
      }
    },
    { rootMargin: NEAR },
  );
  observer.observe(section);
}
