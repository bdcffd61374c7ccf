import type { GraphEdge, GraphNode } from './graph';
import { isOpen } from './graph';
import { adjacency } from './adjacency';
import { dayNumber, isoDate, nodeDay } from './dates';
import { stronglyConnected } from './strongly-connected';

/**
 * The earliest day each node can start, given what it waits for upstream. The model:
 * - an open dependency is ready on its committed-by date, or, before anyone committed, on the provider's
 *   own due (or release) date;
 * - a provider cannot deliver before it can itself start, so the constraints carry down the chain;
 * - delivered and declined dependencies hold nothing back (one is there, the other is not coming);
 * - the nodes of a cycle wait on each other, so they share one earliest start: the latest of their
 *   constraints.
 * A node with no dated constraint upstream gets null (nothing known holds it back). O(V + E) on the
 * condensed graph.
 *
 * @example
 * // B needs A, A committed for 2026-03-01, A itself needs C, due 2026-04-01
 * earliestStarts(nodes, edges).get('B') // => '2026-04-01'
 */
export function earliestStarts(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Map<string, string | null> {
  const graph = adjacency(nodes, edges, (e) => isOpen(e.status));
  const components = stronglyConnected(graph);
  const start: Array<number | null> = components.members.map(() => null);
  const latest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
  // Components come providers first, so each provider's start is final before its dependents read it.
  components.members.forEach((members, c) => {
    let day: number | null = null;
    for (const v of members) {
      for (const e of graph.out[v]!) {
        const provider = graph.to[e]!;
        const ready = dayNumber(graph.edges[e]!.committedBy) ?? nodeDay(nodes[provider]!);
        day = latest(day, ready);
        const upstream = components.of[provider]!;
        if (upstream !== c) day = latest(day, start[upstream]!);
      }
    }
    start[c] = day;
  });
  return new Map(graph.ids.map((id, v) => {
    const day = start[components.of[v]!]!;
    return [id, day === null ? null : isoDate(day)];
  }));
}
