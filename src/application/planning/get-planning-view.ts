import { decompose, type Decomposition, type DecompositionItem } from '../../domain/decomposition/decomposition';
import { estimateRange, reconcile, type Reconciliation } from '../../domain/estimate/estimate';
import { emptyPlanningRecord, type PlanningRecord } from '../../domain/planning-record/model';
import { readStoredRecord } from '../../adapters/jira/planning-record/stored-format';
import type { ProjectSettings } from '../../domain/project-settings/project-settings';
import type { WorkItem } from '../../domain/work-item/work-item';
import { canApproveSpecs } from './approval-rights';
import { notFound } from '../shared/errors';
import type { AccessChecker, PlanningRecordStore, ProjectSettingsStore, WorkItemReader } from '../shared/ports';

export interface PlanningView {
  item: WorkItem;
  record: PlanningRecord;
  /** Set when the stored record cannot be read: it is shown as unavailable and never overwritten. */
  recordProblem: string | null;
  canEdit: boolean;
  canApprove: boolean;
  decomposition: Decomposition;
  reconciliation: Reconciliation | null;
  settings: ProjectSettings;
}

export interface PlanningViewDeps {
  reader: WorkItemReader;
  store: PlanningRecordStore;
  access: AccessChecker;
  settings: ProjectSettingsStore;
}

/** Everything the Planning panel shows for one epic or feature: spec, estimate, decomposition, rights. */
export async function getPlanningView(deps: PlanningViewDeps, issueKey: string, accountId: string): Promise<PlanningView> {
  const item = await deps.reader.getWorkItem(issueKey);
  if (!item) throw notFound(`Issue ${issueKey}`);
  const [stored, settings, canEdit, descendants] = await Promise.all([
    deps.store.load(issueKey),
    deps.settings.get(item.project.key),
    deps.access.canEditIssue(issueKey),
    listDescendants(deps.reader, item),
  ]);
  const read = readStoredRecord(stored);
  const record = read.ok ? read.record : emptyPlanningRecord();
  const editable = canEdit === true && read.ok;
  const decomposition = decompose(item.key, descendants);
  return {
    item,
    record,
    recordProblem: read.ok ? null : read.reason,
    canEdit: editable,
    canApprove: editable && (await canApproveSpecs(deps.access, settings, item.project.key, accountId)),
    decomposition,
    reconciliation: record.estimate
      ? reconcile(estimateRange(record.estimate.value, settings.tshirtScale), { points: decomposition.bottomUpPoints, estimated: decomposition.estimatedStoryCount, total: decomposition.storyCount }, settings.divergenceThresholdPct)
      : null,
    settings,
  };
}

/** Children, and for items two or more levels above stories, the levels below down to stories. */
async function listDescendants(reader: WorkItemReader, item: WorkItem): Promise<DecompositionItem[]> {
  const all: DecompositionItem[] = [];
  let parents = [item.key];
  for (let level = item.issueType.hierarchyLevel; level > 0 && parents.length > 0; level--) {
    const children = await reader.listChildren(parents);
    all.push(...children);
    parents = children.filter((c) => c.hierarchyLevel > 0).map((c) => c.key);
  }
  return all;
}
