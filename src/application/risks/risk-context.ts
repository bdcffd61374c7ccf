import type { RiskSettings } from '../../domain/risks/settings';
import { isPlanningItemType, type WorkItem } from '../../domain/work-item/work-item';
import { invalidInput, notFound } from '../shared/errors';
import type { AccessChecker, WorkItemReader } from '../shared/ports';
import type { RiskSettingsStore } from './ports';

export interface RiskContextDeps {
  reader: WorkItemReader;
  access: AccessChecker;
  riskSettings: RiskSettingsStore;
}

export interface RiskContext {
  item: WorkItem;
  settings: RiskSettings;
  canEdit: boolean;
}

/** The item (an epic or feature the user can see), the project's risk settings and the user's right to edit. */
export async function loadRiskContext(deps: RiskContextDeps, issueKey: string): Promise<RiskContext> {
  const item = await deps.reader.getWorkItem(issueKey);
  if (!item) throw notFound(`Issue ${issueKey}`);
  if (!isPlanningItemType(item.issueType)) throw invalidInput(`Risk registers belong to epics and features; ${item.key} is a ${item.issueType.name}.`);
  const [settings, canEdit] = await Promise.all([deps.riskSettings.get(item.project.key), deps.access.canEditIssue(item.key)]);
  return { item, settings, canEdit: canEdit === true };
}
