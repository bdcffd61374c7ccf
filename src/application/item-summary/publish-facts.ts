import { mergeFacts, sameItemSummary, type FactsPatch, type ItemSummary } from '../../domain/item-summary/item-summary';
import type { ItemSummaryStore, ReadinessScorer } from './ports';

export interface PublishFactsDeps {
  itemSummary: ItemSummaryStore;
  /**
   * Recomputes readiness from the merged summary on every publish. The composition root always sets it;
   * it is optional only so that other features' use-case tests need no readiness fakes.
   */
  readiness?: ReadinessScorer;
}

export type PublishOutcome = 'unchanged' | 'saved';

/**
 * Puts one feature's facts into the issue's summary, the JQL index of the app, and recomputes its readiness
 * from the merged summary. The CALLER HOLDS THE ISSUE'S LEASE (IssueLock), so two features publishing at once
 * cannot undo each other's section. It reads the current summary and writes only when something changed, so
 * a repeated event or save writes nothing. An empty patch just rescores. When the readiness state changes,
 * the parent epic is rescored too (its "features ready" criterion counts this item's state).
 */
export async function publishFacts(deps: PublishFactsDeps, issueId: string, patch: FactsPatch): Promise<{ outcome: PublishOutcome; summary: ItemSummary }> {
  const current = await deps.itemSummary.load(issueId);
  const merged = mergeFacts(current, patch);
  const next = deps.readiness ? await deps.readiness.score(issueId, merged) : merged;
  if (sameItemSummary(current, next)) return { outcome: 'unchanged', summary: next };
  await deps.itemSummary.save(issueId, next);
  if (deps.readiness?.stateChanged && current?.readiness?.state !== next.readiness?.state) await deps.readiness.stateChanged(issueId);
  return { outcome: 'saved', summary: next };
}
