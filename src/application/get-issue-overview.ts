import { isPlanningItemType, type WorkItem } from '../domain/work-item';
import { notFound } from './errors';
import type { WorkItemReader } from './ports';

export interface IssueOverview {
  item: WorkItem;
  project: { key: string; name: string };
  isPlanningItem: boolean;
}

/** The basics of one issue for the panels: what it is, where it stands, who has it. */
export async function getIssueOverview(deps: { reader: WorkItemReader }, issueKey: string): Promise<IssueOverview> {
  const item = await deps.reader.getWorkItem(issueKey);
  if (!item) throw notFound(`Issue ${issueKey}`);
  return { item, project: item.project, isPlanningItem: isPlanningItemType(item.issueType) };
}
