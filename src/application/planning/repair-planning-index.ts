import { contextStatusFor } from '../../domain/planning-record/model';
import { planningPart } from '../../domain/item-summary/item-summary';
import { sameSummary, summarize } from '../../domain/planning-record/summary';
import { publishFacts } from '../item-summary/publish-facts';
import type { ItemSummaryStore } from '../item-summary/ports';
import { storageUnavailable } from '../shared/errors';
import type { ContextStatusPublisher, IssueLock } from './ports';
import { readVerifiedRecord, type VerifiedRecordDeps } from './verified-record';

export interface RepairDeps extends VerifiedRecordDeps {
  itemSummary: ItemSummaryStore;
  contextStatus: ContextStatusPublisher;
  lock: IssueLock;
}

export type RepairOutcome = 'unchanged' | 'repaired' | 'unreadable';

/**
 * Makes an issue's JQL summary and side-panel lozenge say what its verified record says. Run by the
 * trigger when someone writes one of the app's properties outside the app. Idempotent: it recomputes from
 * the current state and writes only what differs, so redelivered or reordered events change nothing more.
 */
export function repairPlanningIndex(deps: RepairDeps, issueId: string): Promise<RepairOutcome> {
  // Under the issue's lease, like every write to the summary, so no feature's section is undone.
  return deps.lock.withLock(issueId, () => repair(deps, issueId));
}

async function repair(deps: RepairDeps, issueId: string): Promise<RepairOutcome> {
  const verified = await readVerifiedRecord(deps, issueId);
  if (verified.problem) return 'unreadable';
  // Without the ledger nothing can be verified: repairing now could demote a real approval.
  if (verified.ledger === undefined) throw storageUnavailable();
  const wanted = summarize(verified.effective, verified.integrity);
  const wantedStatus = contextStatusFor(verified.effective.spec.status);
  const [summary, status] = await Promise.all([deps.itemSummary.load(issueId), deps.contextStatus.current(issueId)]);
  let repaired = false;
  if (!sameSummary(summary && planningPart(summary), wanted)) {
    await publishFacts(deps, issueId, { planning: wanted });
    repaired = true;
  }
  // Only records the app has written have a lozenge; a missing one on an empty record is fine.
  if ((status !== null || verified.stored.rev > 0) && JSON.stringify(status) !== JSON.stringify(wantedStatus)) {
    await deps.contextStatus.publish(issueId, wantedStatus);
    repaired = true;
  }
  return repaired ? 'repaired' : 'unchanged';
}
