import type { ProjectSettings } from '../../domain/project-settings/project-settings';
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
