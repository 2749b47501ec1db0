import { describe, expect, it } from 'vitest';
import {
  backlinks,
  findCycle,
  GRAPH_CELL,
  layoutGraph,
  linkedSlugs,
  topologicalOrder,
} from '../../../../src/lib/content/graph.ts';

const e = (from: string, to: string) => ({ from, to });

describe('findCycle', () => {
  it('finds none in a DAG', () => {
    expect(findCycle(['a', 'b', 'c'], [e('a', 'b'), e('b', 'c'), e('a', 'c')])).toBeUndefined();
  });
  it('names the cycle, closed', () => {
    expect(findCycle(['a', 'b', 'c', 'd'], [e('a', 'b'), e('b', 'c'), e('c', 'a'), e('c', 'd')])).toEqual([
      'a',
      'b',
      'c',
      'a',
    ]);
    expect(findCycle(['x'], [e('x', 'x')])).toEqual(['x', 'x']);
  });
});

describe('topologicalOrder', () => {
  it('puts prerequisites first and keeps the preferred order where free', () => {
    expect(topologicalOrder(['a', 'b', 'c', 'd'], [e('c', 'a')], ['a', 'b', 'c', 'd'])).toEqual(['b', 'c', 'a', 'd']);
    expect(topologicalOrder(['a', 'b', 'c'], [], ['c', 'a', 'b'])).toEqual(['c', 'a', 'b']);
  });
  it('orders every note after all of its prerequisites', () => {
    const nodes = ['neuron', 'activation', 'architectures', 'learning', 'process'];
    const edges = [
      e('process', 'neuron'),
      e('neuron', 'activation'),
      e('neuron', 'architectures'),
      e('activation', 'learning'),
      e('architectures', 'learning'),
    ];
    const order = topologicalOrder(nodes, edges);
    for (const { from, to } of edges) expect(order.indexOf(from)).toBeLessThan(order.indexOf(to));
  });
  it('throws naming the cycle', () => {
    expect(() => topologicalOrder(['a', 'b'], [e('a', 'b'), e('b', 'a')])).toThrow(
      'prerequisites form a cycle: a → b → a',
    );
  });
});

describe('backlinks and linkedSlugs', () => {
  it('finds the notes a body links to, in both languages and with anchors', () => {
    expect(
      linkedSlugs(
        'See [n](/notes/neuron/), [a](/en/notes/activation-functions/#relu), [x](https://x.org/notes/no/), [n2](/notes/neuron/#bias) and [g](/notes/深度学习/).',
      ),
    ).toEqual(['neuron', 'activation-functions', '深度学习']);
  });
  it('inverts links, ignoring self-links', () => {
    const result = backlinks(
      new Map([
        ['a', ['b', 'c', 'a']],
        ['b', ['c']],
        ['c', []],
      ]),
    );
    expect(result.get('c')).toEqual(['a', 'b']);
    expect(result.get('b')).toEqual(['a']);
    expect(result.has('a')).toBe(false);
  });
});

describe('layoutGraph', () => {
  it('puts each note one layer below its deepest prerequisite, edges pointing down, layers centred', () => {
    const layout = layoutGraph(['a', 'b', 'c', 'd'], [e('a', 'b'), e('b', 'c'), e('a', 'c'), e('a', 'd')]);
    const layers = Object.fromEntries(layout.nodes.map((n) => [n.id, n.layer]));
    expect(layers).toEqual({ a: 0, b: 1, c: 2, d: 1 });
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(byId.get('d')!.x).toBe(byId.get('b')!.x + GRAPH_CELL.width); // second in layer 1
    expect(byId.get('a')!.x).toBe(GRAPH_CELL.margin + GRAPH_CELL.width / 2); // alone in its layer, centred over two
    for (const edge of layout.edges) expect(byId.get(edge.to)!.y).toBeGreaterThan(byId.get(edge.from)!.y);
    expect(layout.width).toBe(2 * GRAPH_CELL.margin + GRAPH_CELL.width + GRAPH_CELL.nodeWidth);
    expect(layout.height).toBe(GRAPH_CELL.margin + 2 * GRAPH_CELL.height + GRAPH_CELL.nodeHeight + GRAPH_CELL.margin);
  });
});
