import { riskLedgerFor } from '../../domain/risks/authority';
import { riskCounts } from '../../domain/risks/counts';
import type { RiskRegister } from '../../domain/risks/model';
import type { RiskThresholds } from '../../domain/risks/settings';
import { fitRegister } from '../../domain/risks/size';
import { publishFacts, type PublishFactsDeps } from '../item-summary/publish-facts';
import type { Lease } from '../planning/ports';
import type { Deadline } from '../shared/deadline';
import { invalidInput, jiraUnavailable, UnconfirmedWrite } from '../shared/errors';
import type { VerifiedRegister, VerifiedRegisterDeps } from './verified-register';

export interface SaveRegisterDeps extends VerifiedRegisterDeps, PublishFactsDeps {
  deadline: Deadline;
}

/** Time the write needs (ledger, register, summary): with less left, nothing is started. */
export const MIN_WRITE_MS = 3_000;

export const SEARCH_WARNING = 'Saved, but Jira search (riskLevel, unroamedRisks) could not be updated: it shows the previous values until the next change here.';

/**
 * Writes a register the caller changed, UNDER THE ISSUE'S LEASE: size-checked (history trimmed to fit, else a
 * clear error), the ledger first so a written acceptance always has its proof, then the property (a write
 * that definitely failed, the ledger's own included, puts the ledger back), then the `risks` section of the
 * item summary. A failure of that last step is a warning on a saved change.
 */
export async function saveRegister(
  deps: SaveRegisterDeps,
  issueId: string,
  current: VerifiedRegister,
  next: RiskRegister,
  thresholds: RiskThresholds,
  lease: Lease,
): Promise<{ saved: RiskRegister; warnings: string[] }> {
  const fitted = fitRegister(next);
  if (!fitted.ok) throw invalidInput(fitted.message);
  if (!deps.deadline.allows(MIN_WRITE_MS)) throw jiraUnavailable('nothing was saved (it answered too slowly)');
  lease.assertHeld();
  try {
    // Inside: a ledger write whose answer was lost may have landed, and must be put back too.
    await deps.riskLedger.set(issueId, riskLedgerFor(fitted.register, deps.digest));
    await deps.riskStore.save(issueId, fitted.register);
  } catch (e) {
    if (e instanceof UnconfirmedWrite) {
      // It may still land: keep the lease until it has, and the ledger that proves it.
      lease.holdUntil(e.settled);
      throw e;
    }
    await deps.riskLedger.set(issueId, current.ledger ?? null).catch(() => undefined);
    throw e;
  }
  const warnings: string[] = [];
  await publishFacts(deps, issueId, { risks: riskCounts(fitted.register, thresholds) }).catch(() => warnings.push(SEARCH_WARNING));
  return { saved: fitted.register, warnings };
}
