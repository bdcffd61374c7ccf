/**
 * The dependency graph the analyses work on: epics and features, teams and external parties as nodes, and
 * dependencies as edges. Pure data; where it comes from (issue links, the dependencies property) is the
 * application's business. Each analysis lives in its own file next to this one.
 */

export type NodeKind = 'issue' | 'team' | 'external';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  team: string | null;
  /** ISO dates (yyyy-mm-dd) or null */
  dueDate: string | null;
  releaseDate: string | null;
}

export const DEPENDENCY_STATUSES = ['IDENTIFIED', 'REQUESTED', 'COMMITTED', 'DELIVERED', 'DECLINED'] as const;
export type DependencyStatus = (typeof DEPENDENCY_STATUSES)[number];

/** from = the dependent (needs the work), to = the provider. For a Jira "A blocks B": from B, to A. */
export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  status: DependencyStatus;
  /** ISO dates (yyyy-mm-dd) or null */
  neededBy: string | null;
  committedBy: string | null;
}

/** A dependency still to be delivered: neither delivered nor declined. */
export function isOpen(status: DependencyStatus): boolean {
  return status !== 'DELIVERED' && status !== 'DECLINED';
}

/** A dependency nobody on the providing side has committed to yet. */
export function isUncommitted(status: DependencyStatus): boolean {
  return status === 'IDENTIFIED' || status === 'REQUESTED';
}

export type LateReason = 'COMMITTED_AFTER_NEEDED' | 'UPSTREAM_DUE_AFTER_DEPENDENT' | 'UPSTREAM_RELEASE_AFTER_DEPENDENT' | 'NEEDED_BY_PASSED' | 'COMMITTED_DATE_PASSED';

/** One reason an open dependency is late, and by how many calendar days. */
export interface LateFinding {
  edgeId: string;
  reason: LateReason;
  days: number;
}

/** A node that moves when another slips, and by how many days. */
export interface SlipImpact {
  nodeId: string;
  days: number;
}

/** The chain of open dependencies that spans the most calendar days, from the first provider to the last dependent. */
export interface CriticalPath {
  nodeIds: string[];
  days: number;
  /** Some hand-off on the path has a date at both ends; when none has, `days` (0) measures nothing. */
  dated: boolean;
}

export type StatusCounts = Record<DependencyStatus, number>;

export interface TeamMatrixCell {
  /** The dependent team (needs the work). */
  fromTeam: string;
  /** The providing team. */
  toTeam: string;
  counts: StatusCounts;
  edgeIds: string[];
}

export interface TeamMatrix {
  teams: string[];
  cells: TeamMatrixCell[];
}

/** The per-node counts the item summary's dependencies section publishes. */
export interface NodeFacts {
  open: number;
  late: number;
  cycle: 0 | 1;
  uncommitted: number;
}
