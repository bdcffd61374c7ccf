import type { DecompositionItem } from '../../domain/decomposition/decomposition';
import type { EstimateValue, SpecStatus } from '../../domain/planning-record/model';
import { isPlanningItemType } from '../../domain/work-item/work-item';
import { mapWithConcurrency } from '../../shared/pool';
import type { ItemSummaryStore } from '../item-summary/ports';
import type { PlanningRecordStore } from './ports';

/** A child epic or feature's own planning state, as its parent's Decomposition lists it. */
export interface ChildPlanning {
  key: string;
  /**
   * From the child's item summary: the status the app verified (an unverified approval never shows); null
   * when Jira could not be read just now.
   */
  specStatus: SpecStatus | null;
  estimate: { value: EstimateValue; confidence: number } | null;
}

export interface ChildPlanningDeps {
  store: PlanningRecordStore;
  itemSummary: ItemSummaryStore;
}

/** Children read at once: an epic has a handful of features; a huge one still answers in time. */
const CONCURRENCY = 8;
const MAX_CHILDREN = 50;

/**
 * The spec status and estimate of each planning-level child (a feature under an epic). Read for the first
 * 50 children only; a child whose properties cannot be read is shown as unknown, never as failing the view.
 */
export function readChildPlanning(deps: ChildPlanningDeps, children: DecompositionItem[]): Promise<ChildPlanning[]> {
  const planning = children.filter((c) => isPlanningItemType(c)).slice(0, MAX_CHILDREN);
  return mapWithConcurrency(planning, CONCURRENCY, async (child): Promise<ChildPlanning> => {
    const [summary, read] = await Promise.all([
      deps.itemSummary.load(child.key).then((s) => ({ ok: true as const, s }), () => ({ ok: false as const })),
      deps.store.load(child.key).catch(() => null),
    ]);
    // No summary yet means the app never wrote anything for the child: its spec is a draft.
    const specStatus = summary.ok ? (summary.s?.specStatus ?? 'DRAFT') : null;
    const estimate = read?.ok ? read.record.estimate : null;
    return { key: child.key, specStatus, estimate: estimate ? { value: estimate.value, confidence: estimate.confidence } : null };
  });
}
