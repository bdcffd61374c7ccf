import type { TShirtSize } from '../planning-record/model';
import type { PlanningSummary } from '../planning-record/summary';
import { canonicalJson } from '../shared/canonical-json';

/**
 * The one compact summary per epic or feature (issue property `planning-readiness-summary`): what JQL
 * indexes and what the portfolio reads for 100 issues per bulkfetch, never the full records. Only the app
 * writes it, always under the lease; each feature owns one section and publishes it after its own
 * write (`publishFacts`), and readiness is recomputed from the merged sections.
 *
 * Counts are written as 0, not left out, so `openImpediments = 0` finds the clear items.
 */
export interface ItemSummary extends PlanningSummary {
  dependencies: DependencyCounts;
  risks: RiskCounts;
  impediments: ImpedimentCounts;
  /** What readiness needs from Jira and the planning record besides the indexed fields; absent until gathered. */
  planningFacts?: PlanningFacts;
  /** Absent until the readiness engine has scored the item. */
  readiness?: ReadinessSummary;
}

/** Indexed as `openDependencies`, `lateDependencies`, `dependencyCycle`. */
export interface DependencyCounts {
  /** Dependencies neither delivered nor declined. */
  open: number;
  /** Open dependencies committed after they are needed, or whose upstream dates fall after this item's. */
  late: number;
  /** 1 when this item is on a dependency cycle, else 0. */
  cycle: 0 | 1;
  /** Dependencies not yet committed or delivered: identified, requested or declined (readiness needs 0). */
  uncommitted: number;
}

/** Indexed as `riskLevel` and `unroamedRisks`. */
export interface RiskCounts {
  /** The highest rating among open risks: 0 none, 1 low, 2 medium, 3 high, 4 critical. */
  level: 0 | 1 | 2 | 3 | 4;
  /** Risks not yet Resolved, Owned, Accepted or Mitigated. */
  unroamed: number;
  /** Risks that block readiness: unROAMed and High or above, or Critical and neither Mitigated nor Resolved. */
  blocking: number;
}

/**
 * The planning facts readiness scores (not indexed): gathered from the planning record, the issue and its
 * children by the planning write path, the readiness triggers and the reconciliation.
 */
export interface PlanningFacts {
  /** The project's key, whose readiness settings score the item. */
  project: string;
  /** The issue type's id and hierarchy level, which the settings map to epic or feature. */
  typeId: string;
  level: number;
  /** 1 when the spec's non-functional requirements / acceptance criteria sections are written. */
  nfrs: 0 | 1;
  acceptance: 0 | 1;
  /** How the estimate compares with the stories' points: none yet, agrees, diverges, or no estimated story to compare. */
  estimate: 'NONE' | 'AGREES' | 'DIVERGES' | 'NO_BOTTOM_UP';
  /**
   * The estimate's points range (a T-shirt size through the project's scale, with the size), and the sum of
   * the stories' points, so the table and exports show the numbers compared. Both absent in summaries
   * written before they were kept (read as "not known yet"); the range is absent without an estimate.
   */
  estimatePoints?: EstimatePoints;
  bottomUpPoints?: number;
  /** Direct children, story-level items below, and how many of those have story points. */
  children: number;
  stories: number;
  estimatedStories: number;
  /** 1 when a tech lead is named: the assignee (see ADR 0009). */
  techLead: 0 | 1;
  /**
   * The planning-level children (an epic's features) and how many of them are READY and AT_RISK by their own
   * stored readiness; a child not scored yet counts as not ready. Absent in summaries written before they
   * were kept: the "features ready" criterion is then absent until the facts are gathered again.
   */
  childFeatures?: number;
  childrenReady?: number;
  childrenAtRisk?: number;
}

/** An estimate as points: its range, and the T-shirt size it came from when it was one. */
export interface EstimatePoints {
  size?: TShirtSize;
  low: number;
  high: number;
}

/** Indexed as `openImpediments`. */
export interface ImpedimentCounts {
  open: number;
}

export type ReadinessState = 'READY' | 'AT_RISK' | 'NOT_READY';

/** Indexed as `readinessScore` and `readinessState`; the earned points add up to the score. */
export interface ReadinessSummary {
  score: number;
  state: ReadinessState;
  reasons: Array<{ criterion: string; weight: number; earned: number }>;
}

/** What one feature publishes after its write: its own section, nothing else. */
export interface FactsPatch {
  planning?: PlanningSummary;
  dependencies?: DependencyCounts;
  risks?: RiskCounts;
  impediments?: ImpedimentCounts;
  planningFacts?: PlanningFacts;
}

export const NO_DEPENDENCIES: DependencyCounts = { open: 0, late: 0, cycle: 0, uncommitted: 0 };
export const NO_RISKS: RiskCounts = { level: 0, unroamed: 0, blocking: 0 };
export const NO_IMPEDIMENTS: ImpedimentCounts = { open: 0 };

/** The summary of an issue the app has not written anything for yet. */
export const EMPTY_PLANNING: PlanningSummary = { rev: 0, specStatus: 'DRAFT', changedOutsideApp: 0 };

/**
 * The summary with one feature's facts replaced; every section missing so far gets its zero counts.
 *
 * @example
 * mergeFacts(null, { risks: { level: 3, unroamed: 1, blocking: 1 } }).impediments // => { open: 0 }
 */
export function mergeFacts(current: ItemSummary | null, patch: FactsPatch): ItemSummary {
  const { planning, ...sections } = patch;
  const base: ItemSummary = current ?? { ...EMPTY_PLANNING, dependencies: NO_DEPENDENCIES, risks: NO_RISKS, impediments: NO_IMPEDIMENTS };
  const merged: ItemSummary = { ...base, ...sections };
  if (!planning) return merged;
  const { estimateConfidence: _dropped, ...withoutEstimate } = merged;
  return { ...withoutEstimate, ...planning };
}

/** Structural equality, so an unchanged summary is never written again (events repeat). */
export function sameItemSummary(a: ItemSummary | null, b: ItemSummary): boolean {
  return a !== null && canonicalJson(a) === canonicalJson(b);
}

/** The planning section of a stored summary, to compare with what the verified record says. */
export function planningPart(summary: ItemSummary): PlanningSummary {
  return {
    rev: summary.rev,
    specStatus: summary.specStatus,
    ...(summary.estimateConfidence !== undefined ? { estimateConfidence: summary.estimateConfidence } : {}),
    changedOutsideApp: summary.changedOutsideApp,
  };
}
