import type { ProjectSettings } from '../../domain/project-settings/project-settings';
import type { PersonRef } from '../../domain/planning-record/model';
import type { ReviewSettings } from '../../domain/planning-record/review-settings';

/** Per-project settings, kept by the app (KVS), out of users' reach. */
export interface ProjectSettingsStore {
  get(projectKey: string): Promise<ProjectSettings>;
  save(projectKey: string, settings: ProjectSettings): Promise<void>;
}

/** A project's review settings, kept by the app (KVS key `settings:review:<projectKey>`). */
export interface ReviewSettingsStore {
  get(projectKey: string): Promise<ReviewSettings>;
  save(projectKey: string, settings: ReviewSettings): Promise<void>;
}

/** The people who can browse a project, as Jira says (asUser: the caller must see the project too). */
export interface ProjectMembers {
  /** People matching a name or email who can browse the project, for the architects picker. */
  searchBrowsers(projectKey: string, query: string): Promise<PersonRef[]>;
  /** Whether this person can browse the project. */
  canBrowse(projectKey: string, accountId: string): Promise<boolean>;
}
