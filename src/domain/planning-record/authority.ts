import type { PlanningRecord } from './model';
import { canonicalJson } from '../shared/canonical-json';

/**
 * Facts that carry authority (today: the spec approval) must be verifiable by the app, because anyone who
 * may edit an issue can rewrite its properties over REST. The app keeps its own copy of what it last
 * wrote, the ledger, where users cannot reach it; a stored record is trusted only as far as it matches.
 * See ADR 0003.
 */
export interface AuthorityLedger {
  /** The revision and digest of the record as the app last wrote it. */
  recordRev: number;
  recordDigest: string;
  /** The approval the app recorded, bound to the exact spec content the architect approved. */
  approval: { accountId: string; at: string; specDigest: string } | null;
}

/** A cryptographic digest of a text (SHA-256 in production), passed in so the domain does no I/O. */
export type Digest = (text: string) => string;

export interface Integrity {
  /** The stored record is not the one the app last wrote (someone wrote the property over REST). */
  changedOutsideApp: boolean;
  /** The record claims an approval that the ledger does not confirm for this exact spec. */
  approvalUnverified: boolean;
}

/** The spec content an approval covers: the sections and the design links. */
export function specContentDigest(record: PlanningRecord, digest: Digest): string {
  return digest(canonicalJson({ sections: record.spec.sections, links: record.spec.links.map((l) => ({ url: l.url, title: l.title })) }));
}

/**
 * The ledger entry for a record the app is about to write.
 *
 * @example
 * ledgerFor(approvedRecord, sha256) // => { recordRev: 4, recordDigest: '9f…', approval: { accountId: 'arjun', at: '…', specDigest: '1c…' } }
 */
export function ledgerFor(record: PlanningRecord, digest: Digest): AuthorityLedger {
  const approval = record.spec.status === 'APPROVED' && record.spec.approval
    ? { accountId: record.spec.approval.by.accountId, at: record.spec.approval.at, specDigest: specContentDigest(record, digest) }
    : null;
  return { recordRev: record.rev, recordDigest: digest(canonicalJson(record)), approval };
}

/**
 * Compares a stored record with the app's ledger. An empty record (never written) needs no ledger.
 *
 * @example
 * verifyRecord(forgedApproval, ledgerOfTheInReviewRecord, sha256) // => { changedOutsideApp: true, approvalUnverified: true }
 */
export function verifyRecord(record: PlanningRecord, ledger: AuthorityLedger | null, digest: Digest): Integrity {
  const claimsApproval = record.spec.status === 'APPROVED';
  if (!ledger) return { changedOutsideApp: record.rev > 0, approvalUnverified: claimsApproval };
  const changedOutsideApp = ledger.recordDigest !== digest(canonicalJson(record));
  if (!claimsApproval) return { changedOutsideApp, approvalUnverified: false };
  const a = ledger.approval;
  const confirmed =
    a !== null &&
    record.spec.approval !== null &&
    a.accountId === record.spec.approval.by.accountId &&
    a.at === record.spec.approval.at &&
    a.specDigest === specContentDigest(record, digest);
  return { changedOutsideApp, approvalUnverified: !confirmed };
}

/**
 * The record as it counts: an approval the app cannot verify counts nowhere, so the spec is treated as
 * In review (it was at least submitted: an approval was claimed). Everything else is kept as stored.
 */
export function effectiveRecord(record: PlanningRecord, integrity: Integrity): PlanningRecord {
  if (!integrity.approvalUnverified) return record;
  return { ...record, spec: { ...record.spec, status: 'IN_REVIEW', approval: null } };
}

/** What the panels say about a record changed outside the app; null when it is the app's own. */
export function integrityMessage(integrity: Integrity): string | null {
  if (integrity.approvalUnverified) {
    return 'This planning record was changed outside the app, and its approval cannot be verified, so it is not counted: the spec is treated as In review. The next change made here repairs the record; an architect can then approve it again.';
  }
  if (integrity.changedOutsideApp) {
    return 'This planning record was changed outside the app (over the REST API). What it says is shown as stored; the next change made here records it properly.';
  }
  return null;
}
