import type { PlanningFacts } from '../../domain/item-summary/item-summary';
import { decompose } from '../../domain/decomposition/decomposition';
import { planningFactsOf } from '../../domain/readiness/planning-facts';
import { isPlanningItemType } from '../../domain/work-item/work-item';
import { childReadinessStates, type ChildPlanningDeps } from '../planning/child-planning';
import { readBreakdown } from '../planning/get-planning-view';
import { readVerifiedRecord, type VerifiedRecordDeps } from '../planning/verified-record';
import type { ProjectSettingsStore } from '../project-settings/ports';
import type { WorkItemReader } from '../shared/ports';

export interface GatherDeps extends VerifiedRecordDeps, ChildPlanningDeps {
  reader: WorkItemReader;
  settings: ProjectSettingsStore;
}

/**
 * Reads what readiness needs of an epic or feature from Jira: the issue (type, assignee), its breakdown with
 * the readiness its features have stored (read in the children's own search), its planning record and the project's planning settings. Null when the issue is gone, not visible, or not a
 * planning item (stories have no readiness). An unreadable record counts as an empty one: its facts are
 * what the panels show for it.
 */
export async function gatherPlanningFacts(deps: GatherDeps, issueIdOrKey: string): Promise<PlanningFacts | null> {
  const item = await deps.reader.getWorkItem(issueIdOrKey);
  if (!item || !isPlanningItemType(item.issueType)) return null;
  const [breakdown, verified, settings] = await Promise.all([readBreakdown(deps, item), readVerifiedRecord(deps, item.id), deps.settings.get(item.project.key)]);
  return planningFactsOf({ item, record: verified.effective, decomposition: decompose(item.key, breakdown.descendants), childStates: childReadinessStates(breakdown.children), settings });
}
