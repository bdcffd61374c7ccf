import type { GraphEdge, GraphNode, NodeFacts } from './graph';
import { isOpen, isUncommitted } from './graph';
import { findCycles } from './cycles';
import { findLate } from './late';

/**
 * The counts each node publishes in its item summary (JQL: openDependencies, lateDependencies,
 * dependencyCycle). A dependency counts for its dependent only (the `from` node): the provider's own
 * summary is about what it needs, not what it owes. `late` counts dependencies, not reasons.
 * `cycle` is 1 for every node on a cycle; `today` (yyyy-mm-dd) makes overdue dependencies late. O(V + E).
 */
export function nodeFacts(nodes: readonly GraphNode[], edges: readonly GraphEdge[], today: string | null): Map<string, NodeFacts> {
  const facts = new Map<string, NodeFacts>(nodes.map((n) => [n.id, { open: 0, late: 0, cycle: 0, uncommitted: 0 }]));
  const lateEdges = new Set(findLate(nodes, edges, today).map((f) => f.edgeId));
  for (const edge of edges) {
    const fact = facts.get(edge.from);
    if (!fact || !isOpen(edge.status)) continue;
    fact.open++;
    if (isUncommitted(edge.status)) fact.uncommitted++;
    if (lateEdges.delete(edge.id)) fact.late++;
  }
  for (const cycle of findCycles(nodes, edges)) for (const id of cycle) facts.get(id)!.cycle = 1;
  return facts;
}
