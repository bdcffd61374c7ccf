import type { GraphEdge, GraphNode } from './graph';

/**
 * Nodes numbered 0..n-1 in input order and, for each, the edges leaving it (dependent -> provider), so the
 * algorithms walk arrays instead of maps. Edges whose ends are not among the nodes are left out: a
 * dependency on something the caller did not load has nothing to analyse on that side.
 */
export interface Adjacency {
  ids: string[];
  indexOf: Map<string, number>;
  /** Edges kept, in input order. */
  edges: GraphEdge[];
  /** The provider index of each kept edge. */
  to: number[];
  /** The dependent index of each kept edge. */
  from: number[];
  /** For each node, the indices (into `edges`) of its outgoing edges. */
  out: number[][];
}

export function adjacency(nodes: readonly GraphNode[], edges: readonly GraphEdge[], keep: (edge: GraphEdge) => boolean = () => true): Adjacency {
  const ids = nodes.map((n) => n.id);
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => { if (!indexOf.has(id)) indexOf.set(id, i); });
  const out: number[][] = ids.map(() => []);
  const kept: GraphEdge[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (const edge of edges) {
    const f = indexOf.get(edge.from);
    const t = indexOf.get(edge.to);
    if (f === undefined || t === undefined || !keep(edge)) continue;
    out[f]!.push(kept.length);
    kept.push(edge);
    from.push(f);
    to.push(t);
  }
  return { ids, indexOf, edges: kept, from, to, out };
}
