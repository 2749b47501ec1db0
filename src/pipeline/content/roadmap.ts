// The learning roadmap of the AI Expert Roadmap (github.com/AMAI-GmbH/AI-Expert-Roadmap) as the seed gives it,
// each stage linked to the note of this site that covers it (or to its section of the roadmap note). The stages
// and arrows are data (roadmap.json); the JSON's types check every field but `kind`, which is checked here.
import roadmap from './roadmap.json' with { type: 'json' };
import type { RoadmapEdge, RoadmapNode } from '../../lib/content/roadmap-layout.ts';

type NodeKind = NonNullable<RoadmapNode['kind']>;
const isNodeKind = (kind: string): kind is NodeKind => kind === 'stage' || kind === 'topic';

export const ROADMAP_NODES: RoadmapNode[] = roadmap.nodes.map((node) => {
  if (!isNodeKind(node.kind)) throw new Error(`roadmap.json: node ${node.id} has kind "${node.kind}" (stage or topic)`);
  return { ...node, kind: node.kind };
});

export const ROADMAP_EDGES: RoadmapEdge[] = roadmap.edges;
