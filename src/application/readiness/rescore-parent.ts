import { isPlanningItemType } from '../../domain/work-item/work-item';
import { refreshPlanningFacts, type RefreshDeps } from './refresh-planning-facts';

/**
 * After an item's readiness state changed: refreshes its parent's planning facts (which count how many of its
 * features are READY and AT_RISK) and so its readiness, under the parent's lease. Leases are always taken
 * child first, then parent, never the other way round, so this cannot deadlock; a parent whose own state
 * changes in turn rescores its parent the same way. A failure is logged, never thrown: the item's own save
 * stands, and the hourly reconciliation refreshes the parent.
 */
export async function rescoreParent(deps: RefreshDeps, issueId: string): Promise<void> {
  try {
    const item = await deps.reader.getWorkItem(issueId);
    if (!item?.parentKey) return;
    const parent = await deps.reader.getWorkItem(item.parentKey);
    if (!parent || !isPlanningItemType(parent.issueType)) return;
    await refreshPlanningFacts(deps, parent.id);
  } catch (e) {
    console.warn(`[readiness-rollup] parent of issue ${issueId}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
