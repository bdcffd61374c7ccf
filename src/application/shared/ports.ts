import type { DecompositionItem } from '../../domain/decomposition/decomposition';
import type { PersonRef } from '../../domain/planning-record/model';
import type { IssueTypeInfo, WorkItem } from '../../domain/work-item/work-item';

/** Read access to Jira work items, as the acting user (so Jira's own permissions apply). */
export interface WorkItemReader {
  /** The work item, or null when it does not exist or the user cannot browse it. */
  getWorkItem(issueKey: string): Promise<WorkItem | null>;
  /** The project with its issue types, or null when it does not exist or the user cannot browse it. */
  getProject(projectKey: string): Promise<ProjectInfo | null>;
  /** Children of the given issues (by `parent`), with what decomposition needs. */
  listChildren(parentKeys: string[]): Promise<DecompositionItem[]>;
}

export interface ProjectInfo {
  id: string;
  key: string;
  name: string;
  issueTypes: IssueTypeInfo[];
}

/** Jira permissions of the acting user; null when the issue or project is not visible to them. */
export interface AccessChecker {
  canEditIssue(issueKey: string): Promise<boolean | null>;
  canAdministerProject(projectKey: string): Promise<boolean | null>;
}

export interface UserDirectory {
  /** The acting user. */
  me(): Promise<PersonRef>;
  /** People matching a name or email, for pickers. */
  search(query: string): Promise<PersonRef[]>;
  /** The given users (unknown ids are left out). */
  byIds(accountIds: string[]): Promise<PersonRef[]>;
}
