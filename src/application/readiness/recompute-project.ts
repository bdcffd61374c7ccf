import { isPlanningItemType } from '../../domain/work-item/work-item';
import { mapWithConcurrency } from '../../shared/pool';
import { publishFacts, type PublishFactsDeps } from '../item-summary/publish-facts';
import type { IssueLock } from '../planning/ports';
import type { PortfolioScanner } from '../portfolio/ports';
import type { Deadline } from '../shared/deadline';
import type { WorkItemReader } from '../shared/ports';
import type { RecomputeStatus, RecomputeStatusStore } from './ports';

export interface ItemDeps extends PublishFactsDeps {
  lock: IssueLock;
}

export interface RecomputeDeps {
  reader: WorkItemReader;
  scanner: PortfolioScanner;
  recomputeStatus: RecomputeStatusStore;
  /** The time the whole run may take (a background function's limit, less a margin). */
  deadline: Deadline;
  now: () => Date;
  /** Fresh dependencies for one item, each with its own per-call budget. */
  forItem: () => ItemDeps;
}

/** Items rescored at once: each takes its lease and reads and maybe writes its summary. */
export const RECOMPUTE_CONCURRENCY = 5;
/** Time one more item needs; with less left the run stops and says so. */
const PER_ITEM_MS = 20_000;

/**
 * Rescores every epic and feature of a project after its readiness settings changed, and records how it went
 * for the settings page. The settings decide weights, thresholds and kinds only, never the facts, so each item
 * is rescored from its stored summary (an empty patch to `publishFacts`, under its lease). A newer settings
 * change supersedes this run: its status is left alone.
 */
export async function recomputeProject(deps: RecomputeDeps, projectKey: string, generation: number): Promise<void> {
  const status = await deps.recomputeStatus.get(projectKey);
  if (status && status.generation > generation) return;
  const base = { generation, requestedAt: status?.requestedAt ?? deps.now().toISOString() };
  try {
    const ids = await planningItemIds(deps, projectKey);
    let scored = 0;
    let changed = 0;
    let stopped = false;
    await mapWithConcurrency(ids, RECOMPUTE_CONCURRENCY, async (id) => {
      if (stopped || !deps.deadline.allows(PER_ITEM_MS)) {
        stopped = true;
        return;
      }
      const item = deps.forItem();
      const { outcome } = await item.lock.withLock(id, () => publishFacts(item, id, {}));
      scored += 1;
      if (outcome === 'saved') changed += 1;
    });
    const message = stopped ? `Stopped after ${scored} of ${ids.length} items for lack of time; the hourly reconciliation rescores the rest.` : null;
    await finish(deps, projectKey, { ...base, state: stopped ? 'FAILED' : 'DONE', scored, changed, message });
  } catch (e) {
    await finish(deps, projectKey, { ...base, state: 'FAILED', scored: 0, changed: 0, message: e instanceof Error ? e.message : String(e) }).catch(() => undefined);
    throw e;
  }
}

async function finish(deps: RecomputeDeps, projectKey: string, status: Omit<RecomputeStatus, 'finishedAt'>): Promise<void> {
  // A newer change may have started meanwhile: its status stays.
  const latest = await deps.recomputeStatus.get(projectKey);
  if (latest && latest.generation > status.generation) return;
  await deps.recomputeStatus.set(projectKey, { ...status, finishedAt: deps.now().toISOString() });
}

/** The ids of a project's epics and features (hierarchy level >= 1), read the floor way. */
export async function planningItemIds(deps: Pick<RecomputeDeps, 'reader' | 'scanner'>, projectKey: string): Promise<string[]> {
  const project = await deps.reader.getProject(projectKey);
  if (!project) return [];
  const typeIds = project.issueTypes.filter(isPlanningItemType).map((t) => t.id);
  if (typeIds.length === 0) return [];
  const result = await deps.scanner.scan({ jql: `project = "${project.key}" AND issuetype in (${typeIds.join(', ')}) ORDER BY key ASC`, fields: ['issuetype'], properties: [] });
  if (result.warnings.length > 0) throw new Error(`Some items could not be read: ${result.warnings.join(' ')}`);
  return result.issues.map((i) => i.id);
}
