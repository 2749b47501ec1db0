import { describe, expect, it } from 'vitest';
import { CELL, layoutRoadmap, wrapLabel } from '../../../../src/lib/content/roadmap-layout.ts';
import { ROADMAP_EDGES, ROADMAP_NODES } from '../../../../src/pipeline/content/roadmap.ts';

const node = (id: string, col: number, row: number) => ({
  id,
  col,
  row,
  label: { zh: id, en: id },
  href: { zh: id, en: id },
});

describe('layoutRoadmap', () => {
  it('places nodes on the grid and sizes the canvas to fit', () => {
    const layout = layoutRoadmap([node('a', 0, 0), node('b', 2, 1)], [{ from: 'a', to: 'b' }]);
    expect(layout.nodes[1]).toMatchObject({ x: CELL.margin + 2 * CELL.width, y: CELL.margin + CELL.height });
    expect(layout.width).toBe(CELL.margin + 2 * CELL.width + CELL.nodeWidth + CELL.margin);
    expect(layout.height).toBe(CELL.margin + CELL.height + CELL.nodeHeight + CELL.margin);
  });
  it('routes an edge from the right side of one node to the left side of the next', () => {
    const [edge] = layoutRoadmap([node('a', 0, 0), node('b', 1, 0)], [{ from: 'a', to: 'b' }]).edges;
    const y = CELL.margin + CELL.nodeHeight / 2;
    expect(edge!.d).toMatch(new RegExp(`^M${CELL.margin + CELL.nodeWidth},${y} C.* ${CELL.margin + CELL.width},${y}$`));
  });
  it('drops vertically within a column', () => {
    const [edge] = layoutRoadmap([node('a', 0, 0), node('b', 0, 1)], [{ from: 'a', to: 'b' }]).edges;
    expect(edge!.d).toBe(
      `M${CELL.margin + CELL.nodeWidth / 2},${CELL.margin + CELL.nodeHeight} L${CELL.margin + CELL.nodeWidth / 2},${CELL.margin + CELL.height}`,
    );
  });
  it('rejects an edge to a missing node', () => {
    expect(() => layoutRoadmap([node('a', 0, 0)], [{ from: 'a', to: 'zz' }])).toThrow(/zz/);
  });
  it('lays out the real roadmap without overlapping nodes', () => {
    const { nodes } = layoutRoadmap(ROADMAP_NODES, ROADMAP_EDGES);
    for (const a of nodes)
      for (const b of nodes)
        if (a !== b)
          expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(
            true,
          );
  });
  it('reads the real roadmap from its data: each node a stage or a topic, with a distinct id', () => {
    expect(ROADMAP_NODES.map((n) => n.kind).every((kind) => kind === 'stage' || kind === 'topic')).toBe(true);
    expect(new Set(ROADMAP_NODES.map((n) => n.id)).size).toBe(ROADMAP_NODES.length);
    expect(ROADMAP_NODES[0]).toMatchObject({ id: 'foundations', label: { zh: '基础', en: 'Foundations' } });
  });
});

describe('wrapLabel', () => {
  it('keeps short labels on one line and splits long ones at spaces', () => {
    expect(wrapLabel('Foundations')).toEqual(['Foundations']);
    expect(wrapLabel('Matrices & linear algebra', 16)).toEqual(['Matrices &', 'linear algebra']);
    expect(wrapLabel('数据工程师与大数据工程师', 8)).toEqual(['数据工程师与大数', '据工程师']);
  });
  it('cuts a label longer than two lines with an ellipsis', () => {
    expect(wrapLabel('Open-source tools: TVM, old-photo restoration, SD WebUI and BLAS/LAPACK', 18)).toEqual([
      'Open-source tools:',
      'TVM, old-photo…',
    ]);
  });
});
