import { mergeFacts, sameItemSummary, type FactsPatch, type ItemSummary } from '../../domain/item-summary/item-summary';
import type { ItemSummaryStore } from './ports';

export interface PublishFactsDeps {
  itemSummary: ItemSummaryStore;
}

export type PublishOutcome = 'unchanged' | 'saved';

/**
 * Puts one feature's facts into the issue's summary, the JQL index of the app. The CALLER HOLDS THE ISSUE'S
 * LEASE (IssueLock), so two features publishing at once cannot undo each other's section. It reads the
 * current summary and writes only when something changed, so a repeated event or save writes nothing.
 */
export async function publishFacts(deps: PublishFactsDeps, issueId: string, patch: FactsPatch): Promise<{ outcome: PublishOutcome; summary: ItemSummary }> {
  const current = await deps.itemSummary.load(issueId);
  const next = mergeFacts(current, patch);
  if (sameItemSummary(current, next)) return { outcome: 'unchanged', summary: next };
  await deps.itemSummary.save(issueId, next);
  return { outcome: 'saved', summary: next };
}
