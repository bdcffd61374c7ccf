import type { DependencyStatus } from '../dependency-graph/graph';
import type { PersonRef } from '../planning-record/model';

export { DEPENDENCY_STATUSES, isOpen, type DependencyStatus } from '../dependency-graph/graph';

/**
 * Dependencies of an epic or feature, as commitments. The domain model only: the stored JSON is the
 * adapter's (`src/adapters/jira/dependencies/stored-format.ts`) and the wire DTO is the contract's.
 *
 * A dependency goes from the dependent (the epic or feature that needs the work) to a provider: another
 * issue (a real Jira issue link, keyed here by its link id), a team without an issue yet, or an external
 * party. The record lives on the dependent.
 */
/** Statuses only the providing side can set: they carry authority and are proved by the app's ledger. */
export const DECIDED_STATUSES: ReadonlySet<DependencyStatus> = new Set(['COMMITTED', 'DELIVERED', 'DECLINED']);

/** A date, optionally named by the release it comes from (the release's date when it was chosen). */
export interface Milestone {
  /** yyyy-mm-dd */
  date: string;
  release: string | null;
}

/** What the dependent and the provider agree on. A link without an entry is IDENTIFIED with nothing else. */
export interface Commitment {
  description: string;
  neededBy: Milestone | null;
  committedBy: Milestone | null;
  /** The person on the providing side who answers for it. */
  owner: PersonRef | null;
  status: DependencyStatus;
  declineReason: string | null;
  /** Who last committed, delivered or declined, and when. */
  decidedBy: { by: PersonRef; at: string } | null;
  /**
   * The record revision that last changed this dependency, so an edit made from an older revision is a
   * conflict. Absent on a dependency not changed since the app began keeping it (stored format 1): it then
   * counts as 0, and the record's digest stays the one the app's ledger holds.
   */
  changedAtRev?: number;
}

export type OtherTarget = { kind: 'team'; team: string } | { kind: 'external'; party: string };

/** A dependency on a team (before it has an issue for the work) or on an external party. */
export interface OtherDependency extends Commitment {
  id: string;
  target: OtherTarget;
}

export interface DependencyHistoryEntry {
  rev: number;
  at: string;
  by: PersonRef;
  dependencyId: string;
  what: string;
}

export interface DependencyRecord {
  rev: number;
  /** Commitment data of issue-link dependencies, by Jira issue-link id. */
  links: Record<string, Commitment>;
  others: OtherDependency[];
  /** Newest first, the last LIMITS.history changes. */
  history: DependencyHistoryEntry[];
}

export const EMPTY_DEPENDENCY_RECORD: DependencyRecord = { rev: 0, links: {}, others: [], history: [] };

export const IDENTIFIED: Commitment = { description: '', neededBy: null, committedBy: null, owner: null, status: 'IDENTIFIED', declineReason: null, decidedBy: null };

export const DEPENDENCY_LIMITS = {
  descriptionChars: 1_000,
  reasonChars: 500,
  nameChars: 120,
  others: 50,
  history: 30,
  propertyBytes: 32_768,
} as const;

/** Dependency ids: `link:<issue link id>` for issue dependencies, the record's own id for the others. */
export const linkDependencyId = (linkId: string): string => `link:${linkId}`;
export const linkIdOf = (dependencyId: string): string | null => (dependencyId.startsWith('link:') ? dependencyId.slice(5) : null);

export function targetLabel(target: OtherTarget): string {
  return target.kind === 'team' ? `Team ${target.team}` : target.party;
}
