import { isPlanningItemType, type WorkItem } from '../../domain/work-item/work-item';
import { notFound } from '../shared/errors';
import type { WorkItemReader } from '../shared/ports';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export interface PlanningItemsPage {
  project: { key: string; name: string };
  items: WorkItem[];
  nextPageToken: string | null;
}

/** A page of a project's planning items (epic level and above) for the portfolio view. */
export async function listPlanningItems(
  deps: { reader: WorkItemReader },
  request: { projectKey: string; pageSize: number; pageToken: string | null },
): Promise<PlanningItemsPage> {
  const project = await deps.reader.getProject(request.projectKey);
  if (!project) throw notFound(`Project ${request.projectKey}`);
  const planningTypeIds = project.issueTypes.filter(isPlanningItemType).map((t) => t.id);
  if (planningTypeIds.length === 0) return { project: { key: project.key, name: project.name }, items: [], nextPageToken: null };
  const page = await deps.reader.listWorkItems({
    projectKey: project.key,
    issueTypeIds: planningTypeIds,
    pageSize: Math.min(Math.max(1, request.pageSize), MAX_PAGE_SIZE),
    pageToken: request.pageToken,
  });
  return { project: { key: project.key, name: project.name }, items: page.items, nextPageToken: page.nextPageToken };
}
