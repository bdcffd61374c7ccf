import type { GraphEdge, GraphNode, LateFinding, LateReason } from './graph';
import { isOpen, isUncommitted } from './graph';
import { dayNumber } from './dates';

/** The reasons that compare a date with today: the dependency is overdue, not only planned late. */
export const OVERDUE_REASONS: ReadonlySet<LateReason> = new Set(['NEEDED_BY_PASSED', 'COMMITTED_DATE_PASSED']);

/**
 * The open dependencies that are late, with each reason and by how many days:
 * - COMMITTED_AFTER_NEEDED: the provider committed to a date after the one the dependent needs;
 * - UPSTREAM_DUE_AFTER_DEPENDENT: the provider's due date is after the dependent's;
 * - UPSTREAM_RELEASE_AFTER_DEPENDENT: the provider's release ships after the dependent's;
 * - NEEDED_BY_PASSED (overdue): nobody has committed yet and the needed-by date is before `today`;
 * - COMMITTED_DATE_PASSED (overdue): committed, not delivered, and the committed date is before `today`.
 * An edge may be late for several reasons at once and then has one finding per reason. Delivered and
 * declined dependencies are never late (one is done, the other will not be). Missing dates prove nothing;
 * a null `today` checks only the dates against each other. O(V + E).
 */
export function findLate(nodes: readonly GraphNode[], edges: readonly GraphEdge[], today: string | null): LateFinding[] {
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
    // Overdue: the date the dependent counted on has gone by with no promise, or the promise was not kept.
    if (isUncommitted(edge.status)) check(edge.id, 'NEEDED_BY_PASSED', today, edge.neededBy);
    if (edge.status === 'COMMITTED') check(edge.id, 'COMMITTED_DATE_PASSED', today, edge.committedBy);
    const dependent = byId.get(edge.from);
    const provider = byId.get(edge.to);
    if (!dependent || !provider) continue;
    check(edge.id, 'UPSTREAM_DUE_AFTER_DEPENDENT', provider.dueDate, dependent.dueDate);
    check(edge.id, 'UPSTREAM_RELEASE_AFTER_DEPENDENT', provider.releaseDate, dependent.releaseDate);
  }
  return findings;
}
