import type { Digest } from '../planning-record/authority';
import { canonicalJson } from '../shared/canonical-json';
import { DECIDED_STATUSES, linkDependencyId, type Commitment, type DependencyRecord } from './model';

/**
 * Commitments, deliveries and declines carry authority: only the providing side may make them, but anyone
 * who may edit the dependent issue can rewrite its property over REST. The app keeps its own proof in KVS
 * (key `authority:dependencies:<issueId>`): the digest of the record as it wrote it, and of each decision.
 * See ADR 0007 (the pattern of ADR 0003).
 */
export interface DependencyLedger {
  recordRev: number;
  recordDigest: string;
  /** By dependency id: the digest of the decision the providing side made through the app. */
  decisions: Record<string, string>;
}

export interface DependencyIntegrity {
  /** The stored record is not the one the app last wrote. */
  changedOutsideApp: boolean;
  /** Dependencies whose stored decision the ledger does not prove: shown as such, counted as requested. */
  unverified: string[];
}

const decisionDigest = (c: Commitment, digest: Digest): string =>
  digest(canonicalJson({ status: c.status, committedBy: c.committedBy, declineReason: c.declineReason, decidedBy: c.decidedBy }));

function decided(record: DependencyRecord): Array<[string, Commitment]> {
  const all: Array<[string, Commitment]> = [...Object.entries(record.links).map(([linkId, c]): [string, Commitment] => [linkDependencyId(linkId), c]), ...record.others.map((o): [string, Commitment] => [o.id, o])];
  return all.filter(([, c]) => DECIDED_STATUSES.has(c.status));
}

/** The ledger entry for a record the app is about to write. */
export function dependencyLedgerFor(record: DependencyRecord, digest: Digest): DependencyLedger {
  return {
    recordRev: record.rev,
    recordDigest: digest(canonicalJson(record)),
    decisions: Object.fromEntries(decided(record).map(([id, c]) => [id, decisionDigest(c, digest)])),
  };
}

/**
 * Compares a stored record with the ledger; a record never written needs none.
 *
 * @example
 * verifyDependencies(recordWithAForgedCommit, ledger, sha256) // => { changedOutsideApp: true, unverified: ['link:10012'] }
 */
export function verifyDependencies(record: DependencyRecord, ledger: DependencyLedger | null, digest: Digest): DependencyIntegrity {
  if (ledger && ledger.recordDigest === digest(canonicalJson(record))) return { changedOutsideApp: false, unverified: [] };
  const unverified = decided(record)
    .filter(([id, c]) => ledger?.decisions[id] !== decisionDigest(c, digest))
    .map(([id]) => id);
  return { changedOutsideApp: ledger !== null || record.rev > 0, unverified };
}

/**
 * The record as the app believes it: a decision it cannot prove is taken back to REQUESTED (the text is kept).
 * The next write through the app stores this effective record, which repairs the property.
 */
export function effectiveRecord(record: DependencyRecord, integrity: DependencyIntegrity): DependencyRecord {
  if (integrity.unverified.length === 0) return record;
  const unproved = new Set(integrity.unverified);
  const undo = (c: Commitment): Commitment => ({ ...c, status: 'REQUESTED', committedBy: null, declineReason: null, decidedBy: null });
  return {
    ...record,
    links: Object.fromEntries(Object.entries(record.links).map(([linkId, c]) => [linkId, unproved.has(linkDependencyId(linkId)) ? undo(c) : c])),
    others: record.others.map((o) => (unproved.has(o.id) ? { ...o, ...undo(o) } : o)),
  };
}
