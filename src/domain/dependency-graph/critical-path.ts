import type { CriticalPath, GraphEdge, GraphNode } from './graph';
import { isOpen } from './graph';
import { adjacency } from './adjacency';
import { nodeDay } from './dates';
import { stronglyConnected } from './strongly-connected';

/**
 * The critical path by dates: the chain of open dependencies that spans the most calendar time.
 *
 * The model: each node is due on its due date, else its release's date. A hand-off from a provider to
 * its dependent spans the days from the provider's date to the dependent's; a hand-off that is already
 * late (provider after dependent) or where either date is missing spans none. A chain's length is the sum
 * of its hand-offs, which for a chain in date order is simply last date minus first date. Ties go to the
 * chain with more hand-offs, so undated portfolios still get their longest chain.
 *
 * Cycles are condensed first: the nodes of a cycle act as one step, due when the last of them is due,
 * and the path lists all of them (in input order) where it passes through. Delivered and declined
 * dependencies are not part of any path. O(V + E).
 *
 * `nodeIds` runs in work order, from the first provider to the last dependent; empty when there is no
 * open dependency at all. `dated` says whether any hand-off on it has both dates, so a caller does not
 * present an undated chain's 0 days as a length.
 */
export function criticalPath(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): CriticalPath {
  const graph = adjacency(nodes, edges, (e) => isOpen(e.status));
  const { of, members } = stronglyConnected(graph);
  const due = members.map((vs) => vs.reduce<number | null>((max, v) => {
    const day = nodeDay(nodes[v]!);
    return day === null ? max : max === null ? day : Math.max(max, day);
  }, null));
  // For each component, the best chain starting there and running upstream: its days, hops and next step.
  const days = new Float64Array(members.length);
  const hops = new Int32Array(members.length);
  const next = new Int32Array(members.length).fill(-1);
  // Components come providers first, so every upstream chain is final before it is extended.
  members.forEach((vs, c) => {
    for (const v of vs) {
      for (const e of graph.out[v]!) {
        const d = of[graph.to[e]!]!;
        if (d === c) continue;
        const from = due[c]!;
        const to = due[d]!;
        const span = from !== null && to !== null ? Math.max(0, from - to) : 0;
        const total = span + days[d]!;
        if (total > days[c]! || (total === days[c]! && hops[d]! + 1 > hops[c]!)) {
          days[c] = total;
          hops[c] = hops[d]! + 1;
          next[c] = d;
        }
      }
    }
  });
  let head = -1;
  members.forEach((_, c) => {
    if (hops[c]! > 0 && (head === -1 || days[c]! > days[head]! || (days[c] === days[head] && hops[c]! > hops[head]!))) head = c;
  });
  if (head === -1) return { nodeIds: [], days: 0, dated: false };
  const chain: string[] = [];
  let dated = false;
  for (let c = head; c !== -1; c = next[c]!) {
    chain.unshift(...members[c]!.map((v) => graph.ids[v]!));
    if (next[c] !== -1 && due[c] !== null && due[next[c]!] !== null) dated = true;
  }
  return { nodeIds: chain, days: days[head]!, dated };
}
