// Hover previews: hovering (mouse) or focusing (keyboard) a link to a note shows its title, description and
// opening paragraph — or, for a link to a heading, that section. One tooltip element, reused; Esc closes it.
import type { NotePreview } from '../lib/content/previews.ts';
import { siteUrl } from './site-url.ts';

const previews = new Map<string, Promise<NotePreview | undefined>>();
let tooltip: HTMLElement | undefined;
let owner: HTMLAnchorElement | undefined;
let hideTimer: ReturnType<typeof setTimeout> | undefined;

/** One note's preview, fetched once (src/pages/[...lang]/previews/[slug].json.ts). */
function load(slug: string): Promise<NotePreview | undefined> {
  let preview = previews.get(slug);
  if (!preview) {
    const prefix = document.documentElement.lang === 'en' ? '/en/' : '/';
    preview = fetch(siteUrl(`${prefix}previews/${encodeURIComponent(slug)}.json`))
      .then((r) => (r.ok ? (r.json() as Promise<NotePreview>) : undefined))
      .catch(() => undefined);
    previews.set(slug, preview);
  }
  return preview;
}

function element(): HTMLElement {
  if (tooltip) return tooltip;
  tooltip = document.createElement('div');
  tooltip.id = 'link-preview';
  tooltip.className = 'link-preview';
  tooltip.setAttribute('role', 'tooltip');
  tooltip.dataset.testid = 'link-preview';
  tooltip.hidden = true;
  tooltip.addEventListener('pointerenter', () => clearTimeout(hideTimer));
  tooltip.addEventListener('pointerleave', () => scheduleHide());
  document.body.append(tooltip);
  addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && tooltip && !tooltip.hidden) hide();
  });
  return tooltip;
}

export function hide(): void {
  clearTimeout(hideTimer);
  if (tooltip) tooltip.hidden = true;
  owner?.removeAttribute('aria-describedby');
  owner = undefined;
}

function scheduleHide(): void {
  clearTimeout(hideTimer);
  hideTimer = setTimeout(hide, 200);
}

/** `/notes/<slug>/#<id>` or `/en/notes/<slug>/` → slug and heading id. */
function target(link: HTMLAnchorElement): { slug: string; id: string } | undefined {
  const match = /\/notes\/([^/]+)\/?$/.exec(link.pathname);
  if (!match || link.origin !== location.origin) return undefined;
  return { slug: decodeURIComponent(match[1]!), id: decodeURIComponent(link.hash.slice(1)) };
}

export async function preview(link: HTMLAnchorElement): Promise<void> {
  const where = target(link);
  if (!where) return;
  clearTimeout(hideTimer);
  const note = await load(where.slug);
  if (!note) return;
  const section = where.id ? note.sections[where.id] : undefined;
  const box = element();
  const title = document.createElement('strong');
  title.textContent = section ? `${note.title} › ${section.title}` : note.title;
  const description = document.createElement('p');
  description.className = 'link-preview__description';
  description.textContent = note.description;
  const text = document.createElement('p');
  text.textContent = section?.text || note.intro;
  box.replaceChildren(title, ...(section ? [] : [description]), text);
  owner?.removeAttribute('aria-describedby');
  owner = link;
  link.setAttribute('aria-describedby', box.id);
  box.hidden = false;
  const rect = link.getBoundingClientRect();
  const width = Math.min(360, innerWidth - 16);
  box.style.width = `${width}px`;
  box.style.left = `${Math.max(8, Math.min(rect.left, innerWidth - width - 8))}px`;
  const below = rect.bottom + 8;
  box.style.top =
    below + box.offsetHeight < innerHeight ? `${below}px` : `${Math.max(8, rect.top - box.offsetHeight - 8)}px`;
  link.addEventListener('pointerleave', scheduleHide, { once: true });
  link.addEventListener('blur', hide, { once: true });
}
