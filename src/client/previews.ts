// Hover previews: hovering (mouse) or focusing (keyboard) a link to a note shows its title, description and
// opening paragraph — or, for a link to a heading, that section; a glossary term's link (rehype-glossary-terms.ts)
// shows the term's definition, which the page carries. One tooltip element, reused; Esc closes it.
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
  // A glossary term keeps its own description: the definition the page carries.
  if (owner?.getAttribute('aria-describedby') === tooltip?.id) owner?.removeAttribute('aria-describedby');
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

/** The definition a glossary term's link is described by, if it is one (`aria-describedby`, in the page). */
function glossaryDefinition(link: HTMLAnchorElement): HTMLElement | undefined {
  if (!link.classList.contains('glossary-term')) return undefined;
  const id = link.getAttribute('aria-describedby');
  return (id && document.getElementById(id)) || undefined;
}

const paragraph = (className?: string) => {
  const p = document.createElement('p');
  if (className) p.className = className;
  return p;
};

export async function preview(link: HTMLAnchorElement): Promise<void> {
  const definition = glossaryDefinition(link);
  if (definition) {
    const title = document.createElement('strong');
    title.textContent = definition.dataset.title ?? link.textContent;
    const text = paragraph();
    text.append(...[...definition.childNodes].map((node) => node.cloneNode(true)));
    show(link, [title, text], false);
    return;
  }
  const where = target(link);
  if (!where) return;
  clearTimeout(hideTimer);
  const note = await load(where.slug);
  if (!note) return;
  const section = where.id ? note.sections[where.id] : undefined;
  const title = document.createElement('strong');
  title.textContent = section ? `${note.title} › ${section.title}` : note.title;
  const description = paragraph('link-preview__description');
  description.textContent = note.description;
  const text = paragraph();
  text.textContent = section?.text || note.intro;
  show(link, [title, ...(section ? [] : [description]), text], true);
}

/** Shows `content` next to `link`, below it where it fits; `describes`: the tooltip becomes its description. */
function show(link: HTMLAnchorElement, content: readonly Node[], describes: boolean): void {
  clearTimeout(hideTimer);
  const box = element();
  box.replaceChildren(...content);
  if (owner?.getAttribute('aria-describedby') === box.id) owner.removeAttribute('aria-describedby');
  owner = link;
  if (describes) link.setAttribute('aria-describedby', box.id);
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
