import { effectiveRecord, verifyRecord, type AuthorityLedger, type Integrity } from '../../domain/planning-record/authority';
import { emptyPlanningRecord, type PlanningRecord } from '../../domain/planning-record/model';
import { AppFailure } from '../shared/errors';
import type { AuthorityLedgerStore, Digest, PlanningRecordStore } from './ports';

export interface VerifiedRecord {
  /** The record as stored (empty when unreadable). */
  stored: PlanningRecord;
  /** The record as it counts: an unverified approval is not. */
  effective: PlanningRecord;
  integrity: Integrity;
  /** Why the stored record cannot be read; it is then never overwritten. */
  problem: string | null;
  /** The app's ledger as read; `undefined` when storage could not be read (nothing may then be written). */
  ledger: AuthorityLedger | null | undefined;
}

export interface VerifiedRecordDeps {
  store: PlanningRecordStore;
  ledger: AuthorityLedgerStore;
  digest: Digest;
}

/**
 * Reads an issue's planning record together with the app's ledger and checks one against the other.
 * When the ledger cannot be read (storage down), no approval can be verified, so none counts.
 */
export async function readVerifiedRecord(deps: VerifiedRecordDeps, issueId: string): Promise<VerifiedRecord> {
  const [read, ledger] = await Promise.all([deps.store.load(issueId), deps.ledger.get(issueId).then((l) => ({ ok: true as const, l }), (e: unknown) => ({ ok: false as const, e }))]);
  if (!read.ok) {
    const empty = emptyPlanningRecord();
    return { stored: empty, effective: empty, integrity: { changedOutsideApp: false, approvalUnverified: false }, problem: read.reason, ledger: ledger.ok ? ledger.l : undefined };
  }
  if (!ledger.ok) {
    if (!(ledger.e instanceof AppFailure)) throw ledger.e;
    const integrity = { changedOutsideApp: false, approvalUnverified: read.record.spec.status === 'APPROVED' };
    return { stored: read.record, effective: effectiveRecord(read.record, integrity), integrity, problem: null, ledger: undefined };
  }
  const integrity = verifyRecord(read.record, ledger.l, deps.digest);
  return { stored: read.record, effective: effectiveRecord(read.record, integrity), integrity, problem: null, ledger: ledger.l };
}
