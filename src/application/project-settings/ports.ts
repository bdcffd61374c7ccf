import type { ProjectSettings } from '../../domain/project-settings/project-settings';

/** Per-project settings, kept by the app (KVS), out of users' reach. */
export interface ProjectSettingsStore {
  get(projectKey: string): Promise<ProjectSettings>;
  save(projectKey: string, settings: ProjectSettings): Promise<void>;
}
