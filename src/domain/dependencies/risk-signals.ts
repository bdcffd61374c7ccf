import type { GraphEdge, GraphNode, LateFinding } from '../dependency-graph/graph';
import type { DependencySignal } from '../risks/dependency-risks';

/**
 * What an item's own dependencies tell its risk register (issue 10): a late or declined dependency raises a
 * "dependency" risk, a delivered one proposes closing it. Only the edges the item depends on count. The
 * title names the provider by its key (or the team or party), never its summary: the register is read by
 * people who may not browse the providing issue.
 *
 * @example
 * riskSignals('10', edges, late, keyOf) // => [{ dependencyId: 'link-7', state: 'LATE', title: 'DATA-2' }]
 */
export function riskSignals(issueId: string, nodes: readonly GraphNode[], edges: readonly GraphEdge[], late: readonly LateFinding[], keyOf: (nodeId: string) => string | null): DependencySignal[] {
  const lateIds = new Set(late.map((f) => f.edgeId));
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const providerName = (e: GraphEdge): string => {
    const node = nodeById.get(e.to);
    return node && node.kind !== 'issue' ? node.label : (keyOf(e.to) ?? 'an issue you may not see');
  };
  const signals: DependencySignal[] = [];
  for (const e of edges) {
    if (e.from !== issueId) continue;
    const state = e.status === 'DECLINED' ? 'DECLINED' : e.status === 'DELIVERED' ? 'RESOLVED' : lateIds.has(e.id) ? 'LATE' : null;
    if (state) signals.push({ dependencyId: e.id, state, title: providerName(e) });
  }
  return signals;
}
