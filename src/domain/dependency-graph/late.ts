import type { GraphEdge, GraphNode, LateFinding, LateReason } from './graph';
import { isOpen } from './graph';
import { dayNumber } from './dates';

/**
 * The open dependencies that are late, with each reason and by how many days:
 * - COMMITTED_AFTER_NEEDED: the provider committed to a date after the one the dependent needs;
 * - UPSTREAM_DUE_AFTER_DEPENDENT: the provider's due date is after the dependent's;
 * - UPSTREAM_RELEASE_AFTER_DEPENDENT: the provider's release ships after the dependent's.
 * An edge may be late for several reasons at once and then has one finding per reason. Delivered and
 * declined dependencies are never late (one is done, the other will not be). Missing dates prove nothing.
 * O(V + E).
 */
export function findLate(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): LateFinding[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const findings: LateFinding[] = [];
  const check = (edgeId: string, reason: LateReason, providerDate: string | null, dependentDate: string | null) => {
    const provider = dayNumber(providerDate);
    const dependent = dayNumber(dependentDate);
    if (provider !== null && dependent !== null && provider > dependent) findings.push({ edgeId, reason, days: provider - dependent });
  };
  for (const edge of edges) {
    if (!isOpen(edge.status)) continue;
    check(edge.id, 'COMMITTED_AFTER_NEEDED', edge.committedBy, edge.neededBy);
    const dependent = byId.get(edge.from);
    const provider = byId.get(edge.to);
    if (!dependent || !provider) continue;
    check(edge.id, 'UPSTREAM_DUE_AFTER_DEPENDENT', provider.dueDate, dependent.dueDate);
    check(edge.id, 'UPSTREAM_RELEASE_AFTER_DEPENDENT', provider.releaseDate, dependent.releaseDate);
  }
  return findings;
}
