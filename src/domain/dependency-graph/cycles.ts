import type { GraphEdge, GraphNode } from './graph';
import { adjacency } from './adjacency';
import { isCyclic, stronglyConnected } from './strongly-connected';

/**
 * The dependency cycles: strongly connected components with more than one node, or a node that depends on
 * itself. A declined dependency will never be delivered, so it closes no cycle; a delivered one still does
 * (the work was done, but the plan was circular and the map should say so). O(V + E).
 *
 * Each cycle lists its node ids in input order; cycles are ordered by their first node.
 *
 * @example
 * findCycles(nodes, [ab, bc, ca]) // => [['A', 'B', 'C']]
 */
export function findCycles(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string[][] {
  const graph = adjacency(nodes, edges, (e) => e.status !== 'DECLINED');
  const components = stronglyConnected(graph);
  return components.members
    .filter((_, c) => isCyclic(graph, components, c))
    .sort((a, b) => a[0]! - b[0]!)
    .map((members) => members.map((v) => graph.ids[v]!));
}
