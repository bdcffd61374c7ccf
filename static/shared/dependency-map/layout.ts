import dagre from '@dagrejs/dagre';
import { layeredLayout } from './layered-layout';
import { SPACING } from './spacing';
import type { MapEdge, MapNode } from './types';

/**
 * Dagre lays out small maps (an issue's neighbourhood) with fewer crossings and routed edges; past these
 * sizes its cost grows far faster than linear (seconds at a hundred nodes with random links), so larger
 * maps get the near-linear layered layout. Measured in docs/PERFORMANCE.md, "Dependency map".
 */
export const DAGRE_MAX_NODES = 40;
export const DAGRE_MAX_EDGES = 80;

export interface Positioned {
  /** Top-left corner of each node, by id. */
  positions: Map<string, { x: number; y: number }>;
  engine: 'dagre' | 'layered';
}

/** Where each node goes: providers to the left of their dependents. Edges to unknown nodes are ignored. */
export function layout(nodes: readonly MapNode[], edges: readonly MapEdge[]): Positioned {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const links: Array<[number, number]> = [];
  for (const e of edges) {
    const provider = index.get(e.to);
    const dependent = index.get(e.from);
    if (provider !== undefined && dependent !== undefined) links.push([provider, dependent]);
  }
  if (nodes.length <= DAGRE_MAX_NODES && links.length <= DAGRE_MAX_EDGES) return { positions: dagreLayout(nodes, links), engine: 'dagre' };
  const points = layeredLayout({ ids: nodes.map((n) => n.id), groupKey: (i) => `${nodes[i]!.team ?? '\uffff'}\u0000${nodes[i]!.label}`, links }, SPACING);
  return { positions: new Map(nodes.map((n, i) => [n.id, points[i]!])), engine: 'layered' };
}

function dagreLayout(nodes: readonly MapNode[], links: Array<[number, number]>): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: SPACING.rowGap, ranksep: SPACING.columnGap });
  g.setDefaultEdgeLabel(() => ({}));
  nodes.forEach((n) => g.setNode(n.id, { width: SPACING.nodeWidth, height: SPACING.nodeHeight }));
  for (const [p, d] of links) g.setEdge(nodes[p]!.id, nodes[d]!.id);
  dagre.layout(g);
  // Dagre gives centres; the map places nodes by their top-left corner.
  return new Map(nodes.map((n) => {
    const { x, y } = g.node(n.id) as { x: number; y: number };
    return [n.id, { x: x - SPACING.nodeWidth / 2, y: y - SPACING.nodeHeight / 2 }];
  }));
}
