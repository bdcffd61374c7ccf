import type { IssueTypeInfo, WorkItem } from '../domain/work-item';

/** Read access to Jira work items, as the acting user (so Jira's own permissions apply). */
export interface WorkItemReader {
  /** The work item, or null when it does not exist or the user cannot browse it. */
  getWorkItem(issueKey: string): Promise<WorkItem | null>;
  /** The project with its issue types, or null when it does not exist or the user cannot browse it. */
  getProject(projectKey: string): Promise<ProjectInfo | null>;
  /** One page of a project's work items of the given types, in agenda order. */
  listWorkItems(query: { projectKey: string; issueTypeIds: string[]; pageSize: number; pageToken: string | null }): Promise<Page<WorkItem>>;
}

export interface ProjectInfo {
  id: string;
  key: string;
  name: string;
  issueTypes: IssueTypeInfo[];
}

export interface Page<T> {
  items: T[];
  nextPageToken: string | null;
}
