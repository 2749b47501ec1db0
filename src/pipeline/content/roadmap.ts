// The learning roadmap of the AI Expert Roadmap (github.com/AMAI-GmbH/AI-Expert-Roadmap) as the seed gives it,
// each stage linked to the note of this site that covers it (or to its section of the roadmap note).
import type { RoadmapEdge, RoadmapNode } from '../../lib/content/roadmap-layout.ts';

export const ROADMAP_NODES: RoadmapNode[] = [
  {
    id: 'foundations',
    label: { zh: '基础', en: 'Foundations' },
    col: 0,
    row: 1,
    kind: 'stage',
    href: { zh: '#基础', en: '#foundations' },
  },
  {
    id: 'linear-algebra',
    label: { zh: '矩阵与线性代数', en: 'Matrices & linear algebra' },
    col: 0,
    row: 2.2,
    kind: 'topic',
    href: { zh: 'open-source-tools', en: 'open-source-tools' },
  },
  {
    id: 'databases',
    label: { zh: '数据库基础', en: 'Databases' },
    col: 0,
    row: 3.2,
    kind: 'topic',
    href: { zh: '#基础', en: '#foundations' },
  },
  {
    id: 'data-scientist',
    label: { zh: '数据科学家', en: 'Data scientist' },
    col: 1,
    row: 0,
    kind: 'stage',
    href: { zh: 'machine-learning-process', en: 'machine-learning-process' },
  },
  {
    id: 'machine-learning',
    label: { zh: '机器学习', en: 'Machine learning' },
    col: 2,
    row: 0,
    kind: 'stage',
    href: { zh: 'ai-taxonomy', en: 'ai-taxonomy' },
  },
  {
    id: 'deep-learning',
    label: { zh: '深度学习', en: 'Deep learning' },
    col: 3,
    row: 0,
    kind: 'stage',
    href: { zh: 'deep-learning-process', en: 'deep-learning-process' },
  },
  {
    id: 'data-engineer',
    label: { zh: '数据工程师', en: 'Data engineer' },
    col: 1,
    row: 2.2,
    kind: 'stage',
    href: { zh: '#数据工程师与大数据工程师', en: '#data-engineer-and-big-data-engineer' },
  },
  {
    id: 'big-data-engineer',
    label: { zh: '大数据工程师', en: 'Big-data engineer' },
    col: 2,
    row: 2.2,
    kind: 'stage',
    href: { zh: '#数据工程师与大数据工程师', en: '#data-engineer-and-big-data-engineer' },
  },
];

export const ROADMAP_EDGES: RoadmapEdge[] = [
  { from: 'foundations', to: 'data-scientist' },
  { from: 'data-scientist', to: 'machine-learning' },
  { from: 'machine-learning', to: 'deep-learning' },
  { from: 'foundations', to: 'data-engineer' },
  { from: 'data-engineer', to: 'big-data-engineer' },
  { from: 'foundations', to: 'linear-algebra' },
  { from: 'linear-algebra', to: 'databases' },
];
