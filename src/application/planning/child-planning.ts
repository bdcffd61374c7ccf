import type { ReadinessState } from '../../domain/item-summary/item-summary';
import type { EstimateValue, SpecStatus } from '../../domain/planning-record/model';
import { isPlanningItemType } from '../../domain/work-item/work-item';
import type { ChildrenWithPlanningReader, ChildWithPlanning } from './ports';

/** A child epic or feature's own planning state, as its parent's Decomposition lists it. */
export interface ChildPlanning {
  key: string;
  /**
   * From the child's item summary: the status the app verified (an unverified approval never shows). Read
   * in the children's own search, so it is known whenever the children are.
   */
  specStatus: SpecStatus;
  estimate: { value: EstimateValue; confidence: number } | null;
}

export interface ChildPlanningDeps {
  childrenWithPlanning: ChildrenWithPlanningReader;
}

/** An epic has a handful of features; a huge one lists the first 50. */
const MAX_CHILDREN = 50;

/**
 * The spec status and estimate of each planning-level child (a feature under an epic), for the first 50.
 * A child whose record cannot be read shows no estimate, never failing the view.
 */
export function childPlanningOf(children: ChildWithPlanning[]): ChildPlanning[] {
  return children
    .filter((c) => isPlanningItemType(c.item))
    .slice(0, MAX_CHILDREN)
    .map(({ item, summary, record }): ChildPlanning => {
      // No summary yet means the app never wrote anything for the child: its spec is a draft.
      const estimate = record.ok ? record.record.estimate : null;
      return { key: item.key, specStatus: summary?.specStatus ?? 'DRAFT', estimate: estimate ? { value: estimate.value, confidence: estimate.confidence } : null };
    });
}

/** The readiness state each planning-level child has stored (null: not scored yet), for its parent's facts. */
export function childReadinessStates(children: ChildWithPlanning[]): Array<ReadinessState | null> {
  return children.filter((c) => isPlanningItemType(c.item)).map((c) => c.summary?.readiness?.state ?? null);
}
