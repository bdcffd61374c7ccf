import type { Result, WorkItemDto } from './common';
import type { RisksProjectPageDefs } from './risks';
import type { EscalationsPageDefs } from './escalations';

/** The portfolio project page (`jira:projectPage` planning-readiness-page). */
export interface PlanningItemsPageDto {
  project: { key: string; name: string };
  items: WorkItemDto[];
  nextPageToken: string | null;
}

export interface ListPlanningItemsPayload {
  pageToken?: string | null;
  pageSize?: number;
}

export type ProjectPageDefs = {
  'project.listPlanningItems': (payload: ListPlanningItemsPayload) => Result<PlanningItemsPageDto>;
} & RisksProjectPageDefs & EscalationsPageDefs;
