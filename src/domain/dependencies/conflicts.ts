import { canonicalJson } from '../shared/canonical-json';
import type { Commitment, DependencyRecord, Milestone } from './model';
import type { PersonRef } from '../planning-record/model';

/** What a conflict answers: the dependency's fields as they are now, so the editor can set theirs beside the user's. */
export interface DependencyConflict {
  part: string;
  current: { description: string; neededBy: Milestone | null; owner: PersonRef | null; status: Commitment['status'] } | null;
  rev: number;
}

export type ConflictError = { code: 'CONFLICT'; message: string; conflict: DependencyConflict };

const NOTHING_SAVED = 'Nothing was saved.';

/** The last change to a dependency, while the record's history still holds it. */
const lastEntry = (record: DependencyRecord, dependencyId: string) => record.history.find((h) => h.dependencyId === dependencyId);

/** Who made the last change to a dependency and what it was. */
function lastChange(record: DependencyRecord, dependencyId: string): string {
  const entry = lastEntry(record, dependencyId);
  return entry ? `${entry.by.displayName} changed this dependency after you opened it ("${entry.what}").` : 'Someone else changed this dependency after you opened it.';
}

const conflict = (record: DependencyRecord, dependencyId: string, current: Commitment, message: string): ConflictError => ({
  code: 'CONFLICT',
  message,
  conflict: {
    part: `dependency.${dependencyId}`,
    current: { description: current.description, neededBy: current.neededBy, owner: current.owner, status: current.status },
    rev: record.rev,
  },
});

/**
 * An edit rewrites what people typed, so it is refused when the dependency changed after the revision the
 * editor started from (two people editing different dependencies from one revision both keep theirs).
 *
 * @example
 * editConflict(recordAtRev7, 'link:10007', commitmentChangedAtRev6, 5)
 * // => { code: 'CONFLICT', message: 'Ann changed this dependency after you opened it ("Edited the dependency"). ...', conflict: { part: 'dependency.link:10007', current: {...}, rev: 7 } }
 */
export function editConflict(record: DependencyRecord, dependencyId: string, current: Commitment, baseRev: number): ConflictError | null {
  if ((current.changedAtRev ?? 0) <= baseRev) return null;
  return conflict(record, dependencyId, current, `${lastChange(record, dependencyId)} Their version is shown next to yours. ${NOTHING_SAVED}`);
}

/**
 * A commit or decline that finds the dependency already in that state is a no-op only when it says the same:
 * a second commitment with another date, or a decline with another reason, would otherwise be acknowledged
 * and silently dropped.
 */
export function repeatConflict(record: DependencyRecord, dependencyId: string, current: Commitment, op: { type: 'commit'; committedBy: Milestone } | { type: 'decline'; reason: string }): ConflictError | null {
  const same = op.type === 'commit' ? canonicalJson(op.committedBy) === canonicalJson(current.committedBy) : op.reason.trim() === current.declineReason;
  if (same) return null;
  const now = op.type === 'commit' ? `committed by ${current.committedBy?.release ?? current.committedBy?.date ?? 'another date'}` : `declined: ${current.declineReason ?? ''}`;
  return conflict(record, dependencyId, current, `${current.decidedBy?.by.displayName ?? 'Someone else'} already ${now}. ${NOTHING_SAVED}`);
}

/**
 * Adding an issue dependency that the app already holds details for (someone added it first, or it was
 * requested) would overwrite them unseen: it is a no-op when it says the same, and a conflict otherwise.
 */
export function addedConflict(record: DependencyRecord, dependencyId: string, current: Commitment, op: { description: string; neededBy: Milestone | null; owner: PersonRef | null }): ConflictError | null {
  const same = op.description.trim() === current.description && canonicalJson(op.neededBy) === canonicalJson(current.neededBy) && op.owner?.accountId === current.owner?.accountId;
  if (same) return null;
  const by = lastEntry(record, dependencyId)?.by.displayName ?? 'Someone else';
  return conflict(record, dependencyId, current, `${by} already added this dependency; it is shown as it is now: edit it to change it. ${NOTHING_SAVED}`);
}

/** Whether a revision the editor sends back is one this record has had. */
export const isKnownRev = (record: DependencyRecord, baseRev: number): boolean => Number.isInteger(baseRev) && baseRev >= 0 && baseRev <= record.rev;
