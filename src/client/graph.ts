// The concept graph's only script: zoom (buttons, wheel, pinch), pan (drag), and highlighting a node's
// neighbours on hover or keyboard focus. Reading progress marks come from ./progress.ts.
import { markStudied } from './progress.ts';

for (const figure of document.querySelectorAll<HTMLElement>('[data-concept-graph]')) {
  const viewport = figure.querySelector<HTMLElement>('[data-graph-viewport]')!;
  const svg = viewport.querySelector('svg')!;
  const tools = figure.querySelector<HTMLElement>('[data-graph-tools]')!;
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  let scale = 1;
  const zoom = (factor: number) => {
    scale = Math.min(3, Math.max(0.4, factor === 0 ? 1 : scale * factor));
    svg.setAttribute('width', String(width * scale));
    svg.setAttribute('height', String(height * scale));
  };
  tools.hidden = false;
  tools.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest<HTMLElement>('[data-zoom]')?.dataset.zoom;
    if (action) zoom(action === 'in' ? 1.25 : action === 'out' ? 0.8 : 0);
  });
  viewport.addEventListener(
    'wheel',
    (event) => {
      if (!event.ctrlKey && !event.metaKey) return; // plain wheel scrolls the page and the viewport
      event.preventDefault();
      zoom(event.deltaY < 0 ? 1.1 : 0.9);
    },
    { passive: false },
  );
  // Drag to pan (mouse or one finger); two fingers pinch to zoom.
  const pointers = new Map<number, { x: number; y: number }>();
  let pinch = 0;
  viewport.addEventListener('pointerdown', (event) => {
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  });
  viewport.addEventListener('pointermove', (event) => {
    const last = pointers.get(event.pointerId);
    if (!last) return;
    if (pointers.size === 1 && event.buttons) {
      viewport.scrollLeft -= event.clientX - last.x;
      viewport.scrollTop -= event.clientY - last.y;
    }
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const distance = Math.hypot(a!.x - b!.x, a!.y - b!.y);
      if (pinch) zoom(distance / pinch);
      pinch = distance;
    }
  });
  const release = (event: PointerEvent) => {
    pointers.delete(event.pointerId);
    pinch = 0;
  };
  viewport.addEventListener('pointerup', release);
  viewport.addEventListener('pointercancel', release);

  const nodes = [...figure.querySelectorAll<SVGAElement>('.concept-graph__node')];
  const edges = [...figure.querySelectorAll<SVGPathElement>('.concept-graph__edge')];
  const highlight = (node: SVGAElement | null) => {
    figure.classList.toggle('is-focused', node !== null);
    const slug = node?.dataset.slug;
    const near = new Set((node?.dataset.neighbours ?? '').split(' '));
    for (const n of nodes) {
      n.classList.toggle('is-active', n === node);
      n.classList.toggle('is-neighbour', near.has(n.dataset.slug ?? ''));
    }
    for (const e of edges) e.classList.toggle('is-neighbour', e.dataset.from === slug || e.dataset.to === slug);
  };
  for (const node of nodes) {
    node.addEventListener('pointerenter', () => highlight(node));
    node.addEventListener('focus', () => highlight(node));
    node.addEventListener('pointerleave', () => highlight(null));
    node.addEventListener('blur', () => highlight(null));
  }
}
markStudied();
