/** A directed graph of notes: an edge `from → to` means `from` is a prerequisite of `to`. */
export interface Edge {
  from: string;
  to: string;
}

/**
 * A cycle among the edges, as the list of slugs walked around it (first slug repeated at the end), or
 * undefined when the graph is acyclic. Depth-first search with the usual three colours.
 */
export function findCycle(nodes: readonly string[], edges: readonly Edge[]): string[] | undefined {
  const next = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const { from, to } of edges) next.get(from)?.push(to);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    path.push(node);
    for (const target of next.get(node) ?? []) {
      if (state.get(target) === 'open') return [...path.slice(path.indexOf(target)), target];
      if (!state.has(target)) {
        const cycle = visit(target);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of nodes) {
    if (state.has(node)) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * A reading order in which every note comes after its prerequisites (Kahn's algorithm). Among the notes
 * that are ready, the one earliest in `preferred` goes first, so an explicit order is kept wherever the
 * prerequisites allow it. Throws on a cycle.
 */
export function topologicalOrder(
  nodes: readonly string[],
  edges: readonly Edge[],
  preferred: readonly string[] = nodes,
): string[] {
  const cycle = findCycle(nodes, edges);
  if (cycle) throw new Error(`prerequisites form a cycle: ${cycle.join(' → ')}`);
  // Ranks looked up, not searched: `indexOf` inside the sort made this cubic, seconds per call at 1,000 notes.
  const ranks = new Map<string, number>();
  preferred.forEach((n, i) => ranks.has(n) || ranks.set(n, i));
  nodes.forEach((n, i) => ranks.has(n) || ranks.set(n, preferred.length + i));
  const rank = (n: string) => ranks.get(n)!;
  const indegree = new Map(nodes.map((n) => [n, 0]));
  for (const { to } of edges) if (indegree.has(to)) indegree.set(to, indegree.get(to)! + 1);
  const ready = nodes.filter((n) => indegree.get(n) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => rank(a) - rank(b));
    const node = ready.shift()!;
    order.push(node);
    for (const { from, to } of edges) {
      if (from !== node || !indegree.has(to)) continue;
      indegree.set(to, indegree.get(to)! - 1);
      if (indegree.get(to) === 0) ready.push(to);
    }
  }
  return order;
}

/** For each note, the notes that link to it, sorted; a note linking to itself does not count. */
export function backlinks(linksFrom: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const result = new Map<string, Set<string>>();
  for (const [source, targets] of linksFrom) {
    for (const target of targets) {
      if (target === source) continue;
      if (!result.has(target)) result.set(target, new Set());
      result.get(target)!.add(source);
    }
  }
  return new Map([...result].map(([k, v]) => [k, [...v].sort()]));
}

/** Slugs of the notes a Markdown body links to (`/notes/<slug>/` or `/en/notes/<slug>/`, with or without #anchor). */
export function linkedSlugs(markdown: string): string[] {
  const found = new Set<string>();
  for (const m of markdown.matchAll(/\]\((?:\/en)?\/notes\/([^/)#\s]+)\/?(?:#[^)]*)?\)/g))
    found.add(decodeURIComponent(m[1]!));
  return [...found];
}

/** Where a diagram draws a node: its box, in SVG units from the top left. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNode extends Box {
  id: string;
  layer: number;
}

/** A diagram laid out at build time (this graph, the roadmap): its size, its placed nodes, each edge's SVG path. */
export interface DiagramLayout<Node extends Box> {
  width: number;
  height: number;
  nodes: Node[];
  edges: Array<Edge & { d: string }>;
}

export type GraphLayout = DiagramLayout<PlacedNode>;

export const GRAPH_CELL = { width: 220, height: 86, nodeWidth: 200, nodeHeight: 54, margin: 20 } as const;

/**
 * A layered layout, top to bottom: a note's layer is the length of the longest prerequisite chain leading
 * to it, so every edge points downwards; within a layer notes keep the reading order and the layer is
 * centred. Edges are cubic Béziers from the bottom of one node to the top of the next. Computed at build
 * time: the page needs no graph library to be read.
 */
export function layoutGraph(order: readonly string[], edges: readonly Edge[]): GraphLayout {
  const layer = new Map<string, number>();
  for (const node of order) {
    const parents = edges.filter((e) => e.to === node).map((e) => layer.get(e.from) ?? 0);
    layer.set(node, parents.length ? Math.max(...parents) + 1 : 0);
  }
  const perLayer = new Map<number, string[]>();
  for (const node of order) perLayer.set(layer.get(node)!, [...(perLayer.get(layer.get(node)!) ?? []), node]);
  const widest = Math.max(1, ...[...perLayer.values()].map((nodes) => nodes.length));
  const nodes = order.map((id) => {
    const l = layer.get(id)!;
    const row = perLayer.get(l)!;
    const offset = ((widest - row.length) * GRAPH_CELL.width) / 2;
    return {
      id,
      layer: l,
      x: GRAPH_CELL.margin + offset + row.indexOf(id) * GRAPH_CELL.width,
      y: GRAPH_CELL.margin + l * GRAPH_CELL.height,
      width: GRAPH_CELL.nodeWidth,
      height: GRAPH_CELL.nodeHeight,
    };
  });
  const at = new Map(nodes.map((n) => [n.id, n]));
  const placedEdges = edges
    .filter((e) => at.has(e.from) && at.has(e.to))
    .map((e) => {
      const a = at.get(e.from)!;
      const b = at.get(e.to)!;
      const x1 = a.x + GRAPH_CELL.nodeWidth / 2;
      const y1 = a.y + GRAPH_CELL.nodeHeight;
      const x2 = b.x + GRAPH_CELL.nodeWidth / 2;
      const y2 = b.y;
      const bend = Math.max(16, (y2 - y1) / 2);
      return { ...e, d: `M${x1},${y1} C${x1},${y1 + bend} ${x2},${y2 - bend} ${x2},${y2}` };
    });
  const width = GRAPH_CELL.margin * 2 + (widest - 1) * GRAPH_CELL.width + GRAPH_CELL.nodeWidth;
  const height = Math.max(0, ...nodes.map((n) => n.y + GRAPH_CELL.nodeHeight)) + GRAPH_CELL.margin;
  return { width, height, nodes, edges: placedEdges };
}
