import type { Decomposition } from '../decomposition/decomposition';
import { estimateRange, reconcile, type TShirtScale } from '../estimate/estimate';
import type { EstimatePoints, PlanningFacts, ReadinessState } from '../item-summary/item-summary';
import type { EstimateValue, PlanningRecord } from '../planning-record/model';
import type { ProjectSettings } from '../project-settings/project-settings';
import type { WorkItem } from '../work-item/work-item';

const written = (text: string | undefined): 0 | 1 => (text !== undefined && text.trim() !== '' ? 1 : 0);

/**
 * The planning facts readiness scores, from the issue, its effective (verified) planning record, its
 * breakdown, the readiness its planning-level children (an epic's features) have stored, and the project's
 * planning settings. The tech lead is the assignee (ADR 0009).
 */
export function planningFactsOf(input: {
  item: WorkItem;
  record: PlanningRecord;
  decomposition: Decomposition;
  childStates: ReadonlyArray<ReadinessState | null>;
  settings: Pick<ProjectSettings, 'tshirtScale' | 'divergenceThresholdPct'>;
}): PlanningFacts {
  const { item, record, decomposition: d, childStates, settings } = input;
  return {
    project: item.project.key,
    typeId: item.issueType.id,
    level: item.issueType.hierarchyLevel,
    nfrs: written(record.spec.sections.nfrs),
    acceptance: written(record.spec.sections.acceptance),
    estimate: estimateFact(record, d, settings),
    ...(record.estimate ? { estimatePoints: estimatePointsOf(record.estimate.value, settings.tshirtScale) } : {}),
    bottomUpPoints: d.bottomUpPoints,
    children: d.childCount,
    stories: d.storyCount,
    estimatedStories: d.estimatedStoryCount,
    techLead: item.assignee ? 1 : 0,
    childFeatures: childStates.length,
    childrenReady: childStates.filter((s) => s === 'READY').length,
    childrenAtRisk: childStates.filter((s) => s === 'AT_RISK').length,
  };
}

function estimateFact(record: PlanningRecord, d: Decomposition, settings: Pick<ProjectSettings, 'tshirtScale' | 'divergenceThresholdPct'>): PlanningFacts['estimate'] {
  if (!record.estimate) return 'NONE';
  if (d.estimatedStoryCount === 0) return 'NO_BOTTOM_UP';
  const r = reconcile(estimateRange(record.estimate.value, settings.tshirtScale), { points: d.bottomUpPoints, estimated: d.estimatedStoryCount, total: d.storyCount }, settings.divergenceThresholdPct);
  return r.flagged ? 'DIVERGES' : 'AGREES';
}

/** The range the estimate stands for in the project's scale, as it was when the facts were gathered. */
function estimatePointsOf(value: EstimateValue, scale: TShirtScale): EstimatePoints {
  const range = estimateRange(value, scale);
  return value.kind === 'tshirt' ? { size: value.size, low: range.low, high: range.high } : { low: range.low, high: range.high };
}
