import type { Digest } from '../../domain/planning-record/authority';
import { effectiveRegister, verifyRegister, type RiskIntegrity, type RiskLedger } from '../../domain/risks/authority';
import { emptyRiskRegister, type RiskRegister } from '../../domain/risks/model';
import { AppFailure } from '../shared/errors';
import type { RiskLedgerStore, RiskRegisterStore } from './ports';

export interface VerifiedRegister {
  /** The register as it counts: an acceptance the app cannot verify is dropped (empty when unreadable). */
  effective: RiskRegister;
  integrity: RiskIntegrity;
  /** Why the stored register cannot be read; it is then never overwritten. */
  problem: string | null;
  /** The ledger as read; `undefined` when storage could not be read (nothing may then be written). */
  ledger: RiskLedger | null | undefined;
}

export interface VerifiedRegisterDeps {
  riskStore: RiskRegisterStore;
  riskLedger: RiskLedgerStore;
  digest: Digest;
}

const CLEAN: RiskIntegrity = { changedOutsideApp: false, unverifiedAcceptances: [] };

/**
 * Reads an issue's risk register with the app's ledger and checks one against the other. Without the
 * ledger (storage down) no acceptance can be verified, so none counts.
 */
export async function readVerifiedRegister(deps: VerifiedRegisterDeps, issueId: string): Promise<VerifiedRegister> {
  const [read, ledger] = await Promise.all([
    deps.riskStore.load(issueId),
    deps.riskLedger.get(issueId).then(
      (l) => ({ ok: true as const, l }),
      (e: unknown) => {
        if (e instanceof AppFailure) return { ok: false as const };
        throw e;
      },
    ),
  ]);
  const known = ledger.ok ? ledger.l : undefined;
  if (!read.ok) return { effective: emptyRiskRegister(), integrity: CLEAN, problem: read.reason, ledger: known };
  const integrity = verifyRegister(read.register, known ?? null, deps.digest);
  // Storage down is not "changed outside the app": only the acceptances are unproven for now.
  const shown = known === undefined ? { ...integrity, changedOutsideApp: false } : integrity;
  return { effective: effectiveRegister(read.register, shown), integrity: shown, problem: null, ledger: known };
}
