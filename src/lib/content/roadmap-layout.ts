import type { Box, DiagramLayout, Edge } from './graph.ts';

/** A stage of the learning roadmap, placed on a grid of columns (left to right) and rows. */
export interface RoadmapNode {
  id: string;
  label: { zh: string; en: string };
  col: number;
  row: number;
  /** Where the node links: a note slug, or `#anchor` within the roadmap note itself, per language. */
  href: { zh: string; en: string };
  kind?: 'stage' | 'topic';
}

export type RoadmapEdge = Edge;

export interface PlacedNode extends RoadmapNode, Box {}

/** The roadmap laid out; each edge's path runs from the right side of `from` to the left side (or top) of `to`. */
export type Layout = DiagramLayout<PlacedNode>;

export const CELL = { width: 170, height: 78, nodeWidth: 140, nodeHeight: 46, margin: 16 } as const;

/**
 * Places nodes on the grid (x = margin + col·cell width, y likewise) and routes each edge as a cubic
 * Bézier between facing sides, so the diagram is computed at build time and needs no layout library.
 */
export function layoutRoadmap(nodes: readonly RoadmapNode[], edges: readonly RoadmapEdge[]): Layout {
  const placed = nodes.map((node) => ({
    ...node,
    x: CELL.margin + node.col * CELL.width,
    y: CELL.margin + node.row * CELL.height,
    width: CELL.nodeWidth,
    height: CELL.nodeHeight,
  }));
  const byId = new Map(placed.map((n) => [n.id, n]));
  const routed = edges.map((edge) => {
    const a = byId.get(edge.from);
    const b = byId.get(edge.to);
    if (!a || !b) throw new Error(`roadmap edge ${edge.from} → ${edge.to} names a node that does not exist`);
    if (b.col === a.col) {
      // Same column: drop from the bottom of one to the top of the other.
      const x = a.x + a.width / 2;
      return { ...edge, d: `M${x},${a.y + a.height} L${x},${b.y}` };
    }
    const x1 = a.x + a.width;
    const y1 = a.y + a.height / 2;
    const x2 = b.x;
    const y2 = b.y + b.height / 2;
    const bend = (x2 - x1) / 2;
    return { ...edge, d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}` };
  });
  const width = Math.max(...placed.map((n) => n.x + n.width)) + CELL.margin;
  const height = Math.max(...placed.map((n) => n.y + n.height)) + CELL.margin;
  return { width, height, nodes: placed, edges: routed };
}

/**
 * Lines of the label so it fits inside a node: split at spaces (or in the middle of a word without any),
 * at most `maxLines` lines, the last one cut with "…" when the label is longer.
 */
export function wrapLabel(label: string, maxChars = 14, maxLines = 2): string[] {
  if (label.length <= maxChars) return [label];
  const words = label.split(' ');
  let lines: string[];
  if (words.length === 1) {
    lines = [];
    for (let i = 0; i < label.length; i += maxChars) lines.push(label.slice(i, i + maxChars));
  } else {
    lines = [''];
    for (const word of words) {
      const current = lines[lines.length - 1]!;
      if (current && (current + ' ' + word).length > maxChars) lines.push(word);
      else lines[lines.length - 1] = current ? `${current} ${word}` : word;
    }
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
  return kept;
}
