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
  const projectKey = issueKey.split('-')[0]!;
  const project = await deps.reader.getProject(projectKey);
  if (!project) throw notFound(`Project ${projectKey}`);
  return { item, project: { key: project.key, name: project.name }, isPlanningItem: isPlanningItemType(item.issueType) };
}
