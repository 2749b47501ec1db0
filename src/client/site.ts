// The one script every page loads: theme toggle, copy buttons on code blocks, and the "on this page"
// highlight. Each part does nothing on pages that lack its elements. Kept small: see README for its size.

type ThemePreference = 'auto' | 'light' | 'dark';
const THEME_CYCLE: Record<ThemePreference, ThemePreference> = { auto: 'light', light: 'dark', dark: 'auto' };
const root = document.documentElement;
const systemDark = matchMedia('(prefers-color-scheme: dark)');

function readPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem('theme');
    return stored === 'light' || stored === 'dark' ? stored : 'auto';
  } catch {
    return 'auto'; // storage can be blocked (private modes, file://): fall back to the system
  }
}

function applyTheme(preference: ThemePreference): void {
  root.dataset.themePreference = preference;
  root.dataset.theme = preference === 'auto' ? (systemDark.matches ? 'dark' : 'light') : preference;
  for (const button of document.querySelectorAll<HTMLButtonElement>('.theme-toggle')) {
    const label = button.getAttribute(`data-label-${preference}`) ?? preference;
    button.setAttribute('aria-label', label);
    button.title = label;
  }
}

function setUpThemeToggle(): void {
  applyTheme(readPreference());
  systemDark.addEventListener('change', () => applyTheme(readPreference()));
  for (const button of document.querySelectorAll<HTMLButtonElement>('.theme-toggle')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const next = THEME_CYCLE[readPreference()];
      try {
        if (next === 'auto') localStorage.removeItem('theme');
        else localStorage.setItem('theme', next);
      } catch {
        /* not persisted, still applied */
      }
      applyTheme(next);
    });
  }
  // Another tab changed the theme.
  addEventListener('storage', (event) => {
    if (event.key === 'theme') applyTheme(readPreference());
  });
}

/**
 * Copy buttons on code blocks. Their code loads only when a code block can be seen: at once if one is on the
 * page, else when a closed <details> holding one (every note's "cite this note") is first opened.
 */
function setUpCopyButtons(): void {
  const load = () => void import('./copy-buttons.ts').then((m) => m.addCopyButtons());
  const blocks = [...document.querySelectorAll('.code-block')];
  if (blocks.some((block) => !block.closest('details:not([open])'))) return load();
  for (const details of new Set(blocks.map((block) => block.closest('details')))) {
    details?.addEventListener('toggle', load, { once: true });
  }
}

function setUpTocHighlight(): void {
  const links = new Map<string, HTMLAnchorElement>();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-toc] [data-toc-link]')) {
    links.set(link.dataset.tocLink!, link);
  }
  // The sections are looked up inside the note (its <article> is the "overview" entry), not by document-wide id.
  const note = document.querySelector<HTMLElement>('article.note');
  if (links.size === 0 || !note) return;
  const headings = [...links.keys()]
    .map((id) => (note.id === id ? note : note.querySelector<HTMLElement>(`#${CSS.escape(id)}`)))
    .filter((el): el is HTMLElement => el !== null);
  let current = '';
  const update = () => {
    // The current section is the last heading that has scrolled above the top quarter of the viewport. A
    // heading inside a section the browser skips (content-visibility: auto) is measured by its section's box:
    // measuring the heading itself would lay the whole section out.
    const line = innerHeight / 4;
    let active = headings[0]?.id ?? '';
    for (const heading of headings) {
      const box = heading.closest('.section-body')?.getBoundingClientRect();
      const top = box && (box.top > line || box.bottom <= line) ? box.top : heading.getBoundingClientRect().top;
      if (top <= line) active = heading.id;
    }
    if (active === current) return;
    links.get(current)?.removeAttribute('aria-current');
    links.get(active)?.setAttribute('aria-current', 'true');
    current = active;
  };
  let queued = false;
  addEventListener(
    'scroll',
    () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        update();
      });
    },
    { passive: true },
  );
  update();
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** Search opens in a dialog from the header button, `/` or Ctrl/Cmd+K; its code loads only then. */
function setUpSearch(): void {
  const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
  const pagePanel = document.querySelector<HTMLElement>('[data-search-page] [data-search-panel]');
  if (pagePanel) void import('../search/client/controller.ts').then((m) => m.mountSearch(pagePanel));
  if (!dialog) return;
  const panel = dialog.querySelector<HTMLElement>('[data-search-panel]')!;
  const input = panel.querySelector<HTMLInputElement>('input[type="search"]')!;
  let opener: HTMLElement | null = null;
  const open = () => {
    if (dialog.open) return;
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    input.focus();
    input.select();
    void import('../search/client/controller.ts').then((m) => m.mountSearch(panel));
  };
  for (const button of document.querySelectorAll<HTMLElement>('[data-search-button]')) {
    button.addEventListener('click', (event) => {
      event.preventDefault(); // without JavaScript the button is a link to the search page
      open();
    });
  }
  addEventListener('keydown', (event) => {
    const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey);
    if (
      shortcut ||
      (event.key === '/' && !isEditable(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey)
    ) {
      event.preventDefault();
      open();
    }
  });
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close(); // a click on the backdrop
  });
  dialog.addEventListener('close', () => opener?.focus());
}

/**
 * Hover previews of links to notes: by mouse hover or keyboard focus, never on touch-only devices (a preview
 * would stand between the tap and the link). The preview code and data load on first use.
 */
function setUpPreviews(): void {
  if (location.protocol === 'file:' || matchMedia('(hover: none)').matches) return;
  const link = (target: EventTarget | null) =>
    target instanceof Element ? target.closest<HTMLAnchorElement>('.prose a[href*="/notes/"], .backlinks a') : null;
  const show = (a: HTMLAnchorElement | null) => {
    if (a) void import('./previews.ts').then((m) => m.preview(a));
  };
  addEventListener('pointerover', (event) => {
    if (event.pointerType === 'mouse') show(link(event.target));
  });
  addEventListener('focusin', (event) => show(link(event.target)));
}

/**
 * Reading progress: its code loads only where there is progress to show (something stored, or a progress
 * summary on the page) or when the reader first marks a note, so a first visit to a note loads no more.
 */
function setUpProgressOnDemand(): void {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem('dln-studied');
  } catch {
    /* storage blocked: there is nothing to show */
  }
  const load = () => import('./progress.ts').then((m) => m.setUpProgress());
  if (stored || document.querySelector('[data-progress-summary]')) {
    void load();
    return;
  }
  for (const toggle of document.querySelectorAll<HTMLButtonElement>('[data-progress-toggle]')) {
    toggle.hidden = false;
    toggle.addEventListener('click', () => void load().then(() => toggle.click()), { once: true });
  }
}

/**
 * The service worker, for reading offline. The code that offers a newer version loads only when there is one.
 * Never on file:// (the offline bundle) or in development.
 */
async function registerServiceWorker(): Promise<void> {
  // Under a base path (<html data-base>, src/client/site-url.ts) the worker is there, and its scope by default.
  const registration = await (navigator.serviceWorker as ServiceWorkerContainer | undefined)?.register(
    `${root.dataset.base ?? '/'}sw.js`,
  );
  if (!registration) return;
  // Only when an older version runs this page: a first install has nothing to offer.
  const offer = () =>
    navigator.serviceWorker.controller && void import('./update-prompt.ts').then((m) => m.offerUpdate(registration));
  if (registration.waiting) offer();
  registration.addEventListener('updatefound', offer);
}

setUpThemeToggle();
setUpCopyButtons();
// Only pages with display formulas load the code that makes the wide ones reachable by keyboard.
if (document.querySelector('.katex-display')) void import('./wide-formulas.ts').then((m) => m.focusableWideFormulas());
setUpPreviews();
setUpTocHighlight();
setUpSearch();
setUpProgressOnDemand();
if (import.meta.env.PROD && location.protocol !== 'file:') {
  addEventListener('load', () => void registerServiceWorker().catch(() => undefined));
}
if (new URLSearchParams(location.search).has('highlight')) {
  void import('../search/client/highlight.ts').then((m) => m.highlightFromUrl());
}
