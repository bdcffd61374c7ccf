import type { DependencyStatus, GraphEdge, GraphNode, StatusCounts, TeamMatrix, TeamMatrixCell } from './graph';
import { DEPENDENCY_STATUSES } from './graph';

/** The row or column of nodes that have no team (an external party, an issue nobody has claimed). */
export const NO_TEAM = '(no team)';

/**
 * The cross-team matrix for a Scrum of Scrums: for each pair (dependent team, providing team) that has
 * dependencies, their counts by status and their edge ids. Teams come sorted by name, with NO_TEAM last;
 * cells row by row in that order. A team node (a dependency on a team before it has an issue) belongs to
 * its own team, or to the team named by its label when it has none. O(E + T log T).
 */
export function teamMatrix(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): TeamMatrix {
  const teamOf = new Map(nodes.map((n) => [n.id, n.team ?? (n.kind === 'team' ? n.label : NO_TEAM)]));
  const cells = new Map<string, TeamMatrixCell>();
  for (const edge of edges) {
    const fromTeam = teamOf.get(edge.from);
    const toTeam = teamOf.get(edge.to);
    if (fromTeam === undefined || toTeam === undefined) continue;
    const key = `${fromTeam}\u0000${toTeam}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { fromTeam, toTeam, counts: zeroCounts(), edgeIds: [] }));
    cell.counts[edge.status]++;
    cell.edgeIds.push(edge.id);
  }
  const teams = [...new Set([...cells.values()].flatMap((c) => [c.fromTeam, c.toTeam]))].sort(byTeam);
  const rank = new Map(teams.map((t, i) => [t, i]));
  const sorted = [...cells.values()].sort((a, b) => rank.get(a.fromTeam)! - rank.get(b.fromTeam)! || rank.get(a.toTeam)! - rank.get(b.toTeam)!);
  return { teams, cells: sorted };
}

function zeroCounts(): StatusCounts {
  return Object.fromEntries(DEPENDENCY_STATUSES.map((s) => [s, 0])) as Record<DependencyStatus, number>;
}

function byTeam(a: string, b: string): number {
  if (a === NO_TEAM || b === NO_TEAM) return Number(a === NO_TEAM) - Number(b === NO_TEAM);
  return a.localeCompare(b);
}
