import { decompose, type Decomposition, type DecompositionItem } from '../../domain/decomposition/decomposition';
import { estimateRange, reconcile, type Reconciliation } from '../../domain/estimate/estimate';
import type { ReadinessState } from '../../domain/item-summary/item-summary';
import type { Integrity } from '../../domain/planning-record/authority';
import type { PlanningRecord } from '../../domain/planning-record/model';
import type { ProjectSettings } from '../../domain/project-settings/project-settings';
import { isPlanningItemType, type WorkItem } from '../../domain/work-item/work-item';
import type { ProjectSettingsStore } from '../project-settings/ports';
import { invalidInput, notFound } from '../shared/errors';
import type { AccessChecker, WorkItemReader } from '../shared/ports';
import { canApproveSpecs } from './approval-rights';
import { readVerifiedRecord, type VerifiedRecord, type VerifiedRecordDeps } from './verified-record';
import { childPlanningOf, childReadinessStates, type ChildPlanning, type ChildPlanningDeps } from './child-planning';
import type { ChildWithPlanning } from './ports';

export interface PlanningView {
  item: WorkItem;
  /** The record as it counts (an approval the app cannot verify is not shown as approved). */
  record: PlanningRecord;
  integrity: Integrity;
  /** Set when the stored record cannot be read: it is shown as unavailable and never overwritten. */
  recordProblem: string | null;
  canEdit: boolean;
  canApprove: boolean;
  decomposition: Decomposition;
  /** Each child epic or feature's own spec status and estimate. */
  childPlanning: ChildPlanning[];
  reconciliation: Reconciliation | null;
  settings: ProjectSettings;
}

export interface ViewContextDeps extends ChildPlanningDeps {
  reader: WorkItemReader;
  access: AccessChecker;
  settings: ProjectSettingsStore;
}

export type PlanningViewDeps = ViewContextDeps & VerifiedRecordDeps;

/** What the view needs besides the record: the item, the user's rights, the settings and the breakdown. */
export interface ViewContext {
  item: WorkItem;
  settings: ProjectSettings;
  canEditIssue: boolean;
  canApproveSpecs: boolean;
  decomposition: Decomposition;
  childPlanning: ChildPlanning[];
  /** The readiness each feature under an epic has stored, for the epic's planning facts. */
  childStates: Array<ReadinessState | null>;
}

/** Reads the item, the user's rights, the project's settings and the breakdown, in parallel where it can. */
export async function loadViewContext(deps: ViewContextDeps, issueKey: string, accountId: string): Promise<ViewContext> {
  return contextOf(deps, await readItem(deps, issueKey), accountId);
}

/** The item, if the user can see it and it is a planning item: records live on epics and features only. */
async function readItem(deps: Pick<ViewContextDeps, 'reader'>, issueKey: string): Promise<WorkItem> {
  const item = await deps.reader.getWorkItem(issueKey);
  if (!item) throw notFound(`Issue ${issueKey}`);
  if (!isPlanningItemType(item.issueType)) {
    throw invalidInput(`Planning records belong to epics and features (the epic level and above); ${item.key} is a ${item.issueType.name}.`);
  }
  return item;
}

/**
 * The item's breakdown: its children with their own planning state (summary and record, in the children's
 * own search), and everything below them down to stories (only those levels are searched again).
 */
export async function readBreakdown(deps: Pick<ViewContextDeps, 'reader' | 'childrenWithPlanning'>, item: WorkItem): Promise<{ descendants: DecompositionItem[]; children: ChildWithPlanning[] }> {
  const children = await deps.childrenWithPlanning.listChildrenWithPlanning(item.key);
  const items = children.map((c) => c.item);
  return { descendants: [...items, ...(await listBelow(deps.reader, items, item.issueType.hierarchyLevel - 1))], children };
}

async function contextOf(deps: ViewContextDeps, item: WorkItem, accountId: string): Promise<ViewContext> {
  const [settings, canEdit, breakdown] = await Promise.all([deps.settings.get(item.project.key), deps.access.canEditIssue(item.key), readBreakdown(deps, item)]);
  const canEditIssue = canEdit === true;
  const approves = canEditIssue ? await canApproveSpecs(deps.access, settings, item.project.key, accountId) : false;
  return {
    item,
    settings,
    canEditIssue,
    canApproveSpecs: canEditIssue && approves,
    decomposition: decompose(item.key, breakdown.descendants),
    childPlanning: childPlanningOf(breakdown.children),
    childStates: childReadinessStates(breakdown.children),
  };
}

/** The view of a record in its context: rights are withdrawn while the stored record is unreadable. */
export function assembleView(context: ViewContext, verified: VerifiedRecord): PlanningView {
  const { item, settings, decomposition, childPlanning } = context;
  const record = verified.effective;
  const editable = context.canEditIssue && verified.problem === null;
  return {
    item,
    record,
    integrity: verified.integrity,
    recordProblem: verified.problem,
    canEdit: editable,
    canApprove: editable && context.canApproveSpecs,
    decomposition,
    childPlanning,
    reconciliation: record.estimate
      ? reconcile(estimateRange(record.estimate.value, settings.tshirtScale), { points: decomposition.bottomUpPoints, estimated: decomposition.estimatedStoryCount, total: decomposition.storyCount }, settings.divergenceThresholdPct)
      : null,
    settings,
  };
}

/** Everything the Planning panel shows for one epic or feature: spec, estimate, decomposition, rights. */
export async function getPlanningView(deps: PlanningViewDeps, issueKey: string, accountId: string): Promise<PlanningView> {
  const item = await readItem(deps, issueKey);
  const [context, verified] = await Promise.all([contextOf(deps, item, accountId), readVerifiedRecord(deps, item.id)]);
  return assembleView(context, verified);
}

/** What lies under the given items, down `levels` more levels (one search per level). */
async function listBelow(reader: WorkItemReader, items: DecompositionItem[], levels: number): Promise<DecompositionItem[]> {
  const all: DecompositionItem[] = [];
  let parents = items.filter((c) => c.hierarchyLevel > 0).map((c) => c.key);
  for (let level = levels; level > 0 && parents.length > 0; level--) {
    const children = await reader.listChildren(parents);
    all.push(...children);
    parents = children.filter((c) => c.hierarchyLevel > 0).map((c) => c.key);
  }
  return all;
}
