import { openImpediments } from '../../domain/impediments/model';
import { publishFacts } from '../item-summary/publish-facts';
import type { ImpedimentDeps } from './apply-to-record';

/**
 * Publishes the `impediments` section of an item's summary from its stored record, under the issue's lease:
 * the repair after someone wrote the app's properties outside the app. Writes only when it differs.
 */
export function repairImpediments(deps: Pick<ImpedimentDeps, 'lock' | 'impediments' | 'itemSummary'>, issueId: string): Promise<string> {
  return deps.lock.withLock(issueId, async (lease) => {
    const record = await deps.impediments.load(issueId);
    if (record.impediments.length === 0 && (await deps.itemSummary.load(issueId)) === null) return 'unchanged';
    lease.assertHeld();
    const { outcome } = await publishFacts(deps, issueId, { impediments: { open: openImpediments(record).length } });
    return outcome === 'saved' ? 'repaired' : 'unchanged';
  });
}
