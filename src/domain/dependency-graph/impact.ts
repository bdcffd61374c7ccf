import type { GraphEdge, GraphNode, SlipImpact } from './graph';
import { isOpen } from './graph';
import { adjacency } from './adjacency';
import { dayNumber, nodeDay } from './dates';
import { MinHeap } from './min-heap';

/**
 * "If X slips N days, what moves, and by how much."
 *
 * The model: each open dependency has slack, the days between when the provider is ready (its committed-by
 * date, else its own due or release date) and when the dependent needs it (the needed-by date, else the
 * dependent's own due or release date). A slip of S days at the provider pushes the dependent by
 * max(0, S - slack); the dependent then slips by the most any of its providers pushes it, and so on
 * downstream. Slack is never negative (a dependency that is already late absorbs nothing, but its
 * existing lateness is not counted as impact) and is 0 where a date is missing, so an undated dependency
 * passes the slip on in full: the cautious answer. Delivered and declined dependencies pass on nothing.
 *
 * A node's slip is therefore N minus the least total slack on any chain from X to it, which is a shortest
 * path with non-negative weights: Dijkstra, O((V + E) log V). Cycles need no special case, since going
 * round one never adds slip.
 *
 * Returns the nodes that move, X itself excluded, largest slip first (then in input order).
 */
export function slipImpact(nodes: readonly GraphNode[], edges: readonly GraphEdge[], nodeId: string, days: number): SlipImpact[] {
  const graph = adjacency(nodes, edges, (e) => isOpen(e.status));
  const origin = graph.indexOf.get(nodeId);
  if (origin === undefined || !(days > 0)) return [];
  const dependents: number[][] = graph.ids.map(() => []);
  graph.edges.forEach((_, e) => dependents[graph.to[e]!]!.push(e));

  const spent = new Float64Array(graph.ids.length).fill(Infinity); // least slack from the origin
  const settled = new Uint8Array(graph.ids.length);
  const heap = new MinHeap();
  spent[origin] = 0;
  heap.push(0, origin);
  for (let top = heap.pop(); top; top = heap.pop()) {
    const provider = top.value;
    if (settled[provider]) continue;
    settled[provider] = 1;
    for (const e of dependents[provider]!) {
      const dependent = graph.from[e]!;
      const total = top.key + slack(graph.edges[e]!, nodes[dependent]!, nodes[provider]!);
      if (total < days && total < spent[dependent]!) {
        spent[dependent] = total;
        heap.push(total, dependent);
      }
    }
  }
  const moved: SlipImpact[] = [];
  spent.forEach((s, v) => { if (v !== origin && s < days) moved.push({ nodeId: graph.ids[v]!, days: days - s }); });
  return moved.sort((a, b) => b.days - a.days);
}

function slack(edge: GraphEdge, dependent: GraphNode, provider: GraphNode): number {
  const needed = dayNumber(edge.neededBy) ?? nodeDay(dependent);
  const ready = dayNumber(edge.committedBy) ?? nodeDay(provider);
  return needed === null || ready === null ? 0 : Math.max(0, needed - ready);
}
