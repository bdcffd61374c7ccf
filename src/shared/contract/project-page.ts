import type { Result, WorkItemDto } from './common';
import type { DependencyProjectPageDefs } from './dependencies';
import type { RisksProjectPageDefs } from './risks';

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
} & DependencyProjectPageDefs &
  RisksProjectPageDefs;
