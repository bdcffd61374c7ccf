import type { Digest } from '../planning-record/authority';
import { canonicalJson } from '../shared/canonical-json';
import type { Risk, RiskRegister } from './model';

/**
 * A risk acceptance carries authority (someone decided the program lives with it), and anyone who may edit
 * the issue can rewrite its properties over REST. So the app keeps its own proof in KVS
 * (`authority:risks:<issueId>`): the digest of the register as it last wrote it, and each acceptance bound to
 * the rating that was accepted. An acceptance the ledger does not confirm counts nowhere: the risk is treated
 * as unROAMed. See ADR 0003 and ADR 0008.
 */
export interface RiskLedger {
  registerRev: number;
  registerDigest: string;
  acceptances: Array<{ riskId: string; accountId: string; at: string; ratingDigest: string }>;
}

export interface RiskIntegrity {
  /** The stored register is not the one the app last wrote. */
  changedOutsideApp: boolean;
  /** Risks that claim an acceptance the ledger does not confirm. */
  unverifiedAcceptances: string[];
}

export const acceptanceDigest = (risk: Risk, digest: Digest): string => digest(canonicalJson({ id: risk.id, rating: risk.rating }));

/** The ledger entry for a register the app is about to write. */
export function riskLedgerFor(register: RiskRegister, digest: Digest): RiskLedger {
  const acceptances = register.risks.flatMap((r) =>
    r.roam.state === 'ACCEPTED' ? [{ riskId: r.id, accountId: r.roam.by.accountId, at: r.roam.at, ratingDigest: acceptanceDigest(r, digest) }] : [],
  );
  return { registerRev: register.rev, registerDigest: digest(canonicalJson(register)), acceptances };
}

/**
 * Compares a stored register with the ledger. An empty register (never written) needs no ledger.
 *
 * @example
 * verifyRegister(registerWithAForgedAcceptance, ledger, sha256) // => { changedOutsideApp: true, unverifiedAcceptances: ['r-7'] }
 */
export function verifyRegister(register: RiskRegister, ledger: RiskLedger | null, digest: Digest): RiskIntegrity {
  const accepted = register.risks.filter((r) => r.roam.state === 'ACCEPTED');
  if (!ledger) return { changedOutsideApp: register.rev > 0, unverifiedAcceptances: accepted.map((r) => r.id) };
  const confirmed = (r: Risk): boolean => {
    const { roam } = r;
    return roam.state === 'ACCEPTED' && ledger.acceptances.some((a) => a.riskId === r.id && a.accountId === roam.by.accountId && a.at === roam.at && a.ratingDigest === acceptanceDigest(r, digest));
  };
  return {
    changedOutsideApp: ledger.registerDigest !== digest(canonicalJson(register)),
    unverifiedAcceptances: accepted.filter((r) => !confirmed(r)).map((r) => r.id),
  };
}

/** The register as it counts: an acceptance the app cannot verify is dropped, leaving the risk unROAMed. */
export function effectiveRegister(register: RiskRegister, integrity: RiskIntegrity): RiskRegister {
  if (integrity.unverifiedAcceptances.length === 0) return register;
  return { ...register, risks: register.risks.map((r) => (integrity.unverifiedAcceptances.includes(r.id) ? { ...r, roam: { state: 'UNROAMED' } } : r)) };
}

/** What the panel says about a register changed outside the app; null when it is the app's own. */
export function riskIntegrityMessage(integrity: RiskIntegrity): string | null {
  if (integrity.unverifiedAcceptances.length > 0) {
    return 'This risk register was changed outside the app, and an acceptance in it cannot be verified, so those risks count as unROAMed. Accept them again here if that is still the decision.';
  }
  if (integrity.changedOutsideApp) return 'This risk register was changed outside the app (over the REST API). It is shown as stored; the next change made here records it properly.';
  return null;
}
