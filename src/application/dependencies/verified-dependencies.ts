import { effectiveRecord, verifyDependencies, type DependencyIntegrity, type DependencyLedger } from '../../domain/dependencies/authority';
import { EMPTY_DEPENDENCY_RECORD, type DependencyRecord } from '../../domain/dependencies/model';
import type { Digest } from '../../domain/planning-record/authority';
import type { DependencyLedgerStore, DependencyRecordRead, DependencyRecordStore } from './ports';

export interface VerifiedDependencies {
  stored: DependencyRecord;
  /** What the app believes: decisions it cannot prove are taken back to REQUESTED. */
  effective: DependencyRecord;
  integrity: DependencyIntegrity;
  /** Why the stored value cannot be used (it is then left as it is), or null. */
  problem: string | null;
  ledger: DependencyLedger | null;
}

export interface VerifiedDependenciesDeps {
  dependencyRecords: DependencyRecordStore;
  dependencyLedger: DependencyLedgerStore;
  digest: Digest;
}

/** A stored read checked against the app's ledger. */
export function verify(read: DependencyRecordRead, ledger: DependencyLedger | null, digest: Digest): VerifiedDependencies {
  if (!read.ok) return { stored: EMPTY_DEPENDENCY_RECORD, effective: EMPTY_DEPENDENCY_RECORD, integrity: { changedOutsideApp: true, unverified: [] }, problem: read.reason, ledger };
  const integrity = verifyDependencies(read.record, ledger, digest);
  return { stored: read.record, effective: effectiveRecord(read.record, integrity), integrity, problem: null, ledger };
}

export async function readVerifiedDependencies(deps: VerifiedDependenciesDeps, issueId: string): Promise<VerifiedDependencies> {
  const [read, ledger] = await Promise.all([deps.dependencyRecords.load(issueId), deps.dependencyLedger.get(issueId)]);
  return verify(read, ledger, deps.digest);
}
