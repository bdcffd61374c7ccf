import type { DecompositionItem } from '../../domain/decomposition/decomposition';
import type { ContextStatus, PersonRef, PlanningRecord } from '../../domain/planning-record/model';
import type { ProjectSettings } from '../../domain/project-settings/project-settings';
import type { IssueTypeInfo, WorkItem } from '../../domain/work-item/work-item';

/** Read access to Jira work items, as the acting user (so Jira's own permissions apply). */
export interface WorkItemReader {
  /** The work item, or null when it does not exist or the user cannot browse it. */
  getWorkItem(issueKey: string): Promise<WorkItem | null>;
  /** The project with its issue types, or null when it does not exist or the user cannot browse it. */
  getProject(projectKey: string): Promise<ProjectInfo | null>;
  /** One page of a project's work items of the given types, in agenda order. */
  /** Children of the given issues (by `parent`), with what decomposition needs. */
  listChildren(parentKeys: string[]): Promise<DecompositionItem[]>;
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

/** The planning record as stored on the issue (raw: it is validated and migrated by the domain). */
export interface PlanningRecordStore {
  load(issueKey: string): Promise<unknown>;
  save(issueKey: string, record: PlanningRecord): Promise<void>;
}

/** Serialises writes to one issue's record; rejects with UNAVAILABLE when it cannot get the lock in time. */
export interface IssueLock {
  withLock<T>(issueKey: string, work: () => Promise<T>): Promise<T>;
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

export interface ProjectSettingsStore {
  get(projectKey: string): Promise<ProjectSettings>;
  save(projectKey: string, settings: ProjectSettings): Promise<void>;
}

/** Publishes the lozenge Jira shows on the collapsed side panel of an issue. */
export interface ContextStatusPublisher {
  publish(issueKey: string, status: ContextStatus): Promise<void>;
}
