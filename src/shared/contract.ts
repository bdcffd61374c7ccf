/**
 * The one typed contract between the resolvers and the Custom UI apps (static/ imports it with `import type`).
 * Every resolver answers with a Result envelope: data, or an error with a stable code the UI can act on.
 */
export type ErrorCode = 'INVALID_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UNAVAILABLE' | 'INTERNAL';

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface PersonDto {
  accountId: string;
  displayName: string;
  avatarUrl: string | null;
}

export interface WorkItemDto {
  key: string;
  summary: string;
  issueType: { name: string; hierarchyLevel: number; iconUrl: string | null };
  status: { name: string; category: StatusCategory };
  assignee: PersonDto | null;
  parentKey: string | null;
  fixVersions: Array<{ name: string; releaseDate: string | null }>;
  team: string | null;
  flagged: boolean;
}

export interface IssueOverviewDto {
  item: WorkItemDto;
  project: { key: string; name: string };
  /** True for issue types above the story level (Epic, Feature...): the app's planning items. */
  isPlanningItem: boolean;
}

export interface PlanningItemsPageDto {
  project: { key: string; name: string };
  items: WorkItemDto[];
  nextPageToken: string | null;
}

export interface ListPlanningItemsPayload {
  pageToken?: string | null;
  pageSize?: number;
}

/** Resolver definitions, keyed `<surface>.<operation>`. */
export type ResolverDefs = {
  'issue.getOverview': () => Result<IssueOverviewDto>;
  'project.listPlanningItems': (payload: ListPlanningItemsPayload) => Result<PlanningItemsPageDto>;
};
