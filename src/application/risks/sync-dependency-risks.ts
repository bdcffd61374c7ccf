import { risksForDependencies, type DependencySignal } from '../../domain/risks/dependency-risks';
import type { IssueLock } from '../planning/ports';
import { notFound } from '../shared/errors';
import type { WorkItemReader } from '../shared/ports';
import type { RiskSettingsStore } from './ports';
import { saveRegister, type SaveRegisterDeps } from './save-register';
import { readVerifiedRegister } from './verified-register';

export interface SyncDependencyRisksDeps extends SaveRegisterDeps {
  lock: IssueLock;
  reader: WorkItemReader;
  riskSettings: RiskSettingsStore;
  now: () => Date;
}

export type SyncOutcome =
  | { outcome: 'unchanged' }
  | { outcome: 'unreadable'; reason: string }
  | { outcome: 'saved'; raised: string[]; proposed: string[]; warnings: string[] };

/**
 * Raises the "dependency" risks of an item's late or declined dependencies, and proposes closing those whose
 * dependency is resolved. Called by the dependency trigger (as the app) with what it knows of the item's
 * dependencies; idempotent, so repeated or reordered events raise nothing twice. A register that cannot be
 * read is left alone.
 */
export async function syncDependencyRisks(deps: SyncDependencyRisksDeps, issueId: string, signals: DependencySignal[]): Promise<SyncOutcome> {
  if (signals.length === 0) return { outcome: 'unchanged' };
  const item = await deps.reader.getWorkItem(issueId);
  if (!item) throw notFound(`Issue ${issueId}`);
  const settings = await deps.riskSettings.get(item.project.key);
  return deps.lock.withLock(item.id, async (lease) => {
    const current = await readVerifiedRegister(deps, item.id);
    if (current.problem) return { outcome: 'unreadable', reason: current.problem };
    const changes = risksForDependencies(current.effective, signals, deps.now());
    if (changes.raised.length === 0 && changes.proposed.length === 0) return { outcome: 'unchanged' };
    const { warnings } = await saveRegister(deps, item.id, current, changes.register, settings.thresholds, lease);
    return { outcome: 'saved', raised: changes.raised, proposed: changes.proposed, warnings };
  });
}
