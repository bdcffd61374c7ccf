import { mapWithConcurrency } from '../../shared/pool';
import type { Deadline } from '../shared/deadline';
import type { WorkItemReader } from '../shared/ports';
import type { PortfolioScanner } from '../portfolio/ports';
import type { ProjectLister, ReconcileCursorStore } from './ports';
import { planningItemIds, RECOMPUTE_CONCURRENCY } from './recompute-project';
import { refreshPlanningFacts, type RefreshDeps } from './refresh-planning-facts';

export interface ReconcileDeps {
  reader: WorkItemReader;
  scanner: PortfolioScanner;
  projects: ProjectLister;
  cursor: ReconcileCursorStore;
  deadline: Deadline;
  forItem: () => RefreshDeps;
  /**
   * Facts that only events keep current, repaired with the same pass: the dependency counts follow Jira's
   * links, and a link event whose retries all ran out (its issue busy the whole time) would leave them stale.
   */
  repairEventFacts?: (issueId: string) => Promise<unknown>;
}

export interface ReconcileReport {
  items: number;
  refreshed: number;
  saved: number;
  failed: number;
  /** True when the time ran out: the next run goes on after the last item done. */
  partial: boolean;
}

const PER_ITEM_MS = 20_000;

/**
 * The scheduled safety net for events that never came: repairs the facts events keep (dependencies), then
 * refreshes the planning facts and readiness of every
 * epic and feature the app can see, and so writes a summary with zero counts for those that have none yet
 * (so `openImpediments = 0` finds them). Idempotent: an item already current is read, not written. When the
 * time runs out it remembers where it stopped and the next run goes on from there.
 */
export async function reconcileReadiness(deps: ReconcileDeps): Promise<ReconcileReport> {
  const ids: string[] = [];
  for (const key of await deps.projects.listProjectKeys()) ids.push(...(await planningItemIds(deps, key)));
  const after = await deps.cursor.get();
  const start = after === null ? 0 : ids.indexOf(after) + 1;
  const ordered = [...ids.slice(start), ...ids.slice(0, start)];
  const report: ReconcileReport = { items: ids.length, refreshed: 0, saved: 0, failed: 0, partial: false };
  let last: string | null = null;
  await mapWithConcurrency(ordered, RECOMPUTE_CONCURRENCY, async (id) => {
    if (report.partial || !deps.deadline.allows(PER_ITEM_MS)) {
      report.partial = true;
      return;
    }
    try {
      if (deps.repairEventFacts) await deps.repairEventFacts(id);
      const outcome = await refreshPlanningFacts(deps.forItem(), id);
      report.refreshed += 1;
      if (outcome === 'saved') report.saved += 1;
    } catch (e) {
      // One item that cannot be read now must not stop the others; the next run tries it again.
      report.failed += 1;
      console.warn(`[readiness-reconcile] issue ${id}: ${e instanceof Error ? e.message : String(e)}`);
    }
    last = id;
  });
  await deps.cursor.set(report.partial ? last : null);
  return report;
}
