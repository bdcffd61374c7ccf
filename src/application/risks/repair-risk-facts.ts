import { riskCounts } from '../../domain/risks/counts';
import { publishFacts, type PublishFactsDeps, type PublishOutcome } from '../item-summary/publish-facts';
import type { IssueLock } from '../planning/ports';
import { storageUnavailable } from '../shared/errors';
import type { WorkItemReader } from '../shared/ports';
import type { RiskSettingsStore } from './ports';
import { readVerifiedRegister, type VerifiedRegisterDeps } from './verified-register';

export interface RepairRiskFactsDeps extends VerifiedRegisterDeps, PublishFactsDeps {
  lock: IssueLock;
  reader: WorkItemReader;
  riskSettings: RiskSettingsStore;
}

/**
 * Makes the `risks` section of an issue's summary say what its verified register says; run by the trigger
 * when someone writes the register (or the summary) outside the app. Idempotent: publishes only a change.
 */
export async function repairRiskFacts(deps: RepairRiskFactsDeps, issueId: string): Promise<PublishOutcome | 'unreadable' | 'gone'> {
  const item = await deps.reader.getWorkItem(issueId);
  if (!item) return 'gone';
  const settings = await deps.riskSettings.get(item.project.key);
  return deps.lock.withLock(item.id, async () => {
    const verified = await readVerifiedRegister(deps, item.id);
    if (verified.problem) return 'unreadable';
    // Without the ledger nothing can be verified: repairing now could drop a real acceptance from the counts.
    if (verified.ledger === undefined) throw storageUnavailable();
    return (await publishFacts(deps, item.id, { risks: riskCounts(verified.effective, settings.thresholds) })).outcome;
  });
}
