import { dependencySettingsProblem, type DependencySettings } from '../../domain/dependencies/settings';
import { forbidden, invalidInput, notFound } from '../shared/errors';
import type { AccessChecker } from '../shared/ports';
import type { DependencySettingsStore, IssueLinkWriter, LinkTypeInfo } from './ports';

export interface DependencySettingsDeps {
  access: AccessChecker;
  dependencySettings: DependencySettingsStore;
  issueLinks: IssueLinkWriter;
}

export interface DependencySettingsView {
  settings: DependencySettings;
  /** The site's link types, to choose from. */
  linkTypes: LinkTypeInfo[];
  canAdminister: boolean;
}

/** The link types that mean "depends on" in a project; anyone who may browse it reads them. */
export async function getDependencySettings(deps: DependencySettingsDeps, projectKey: string): Promise<DependencySettingsView> {
  const canAdminister = await deps.access.canAdministerProject(projectKey);
  if (canAdminister === null) throw notFound(`Project ${projectKey}`);
  const [settings, linkTypes] = await Promise.all([deps.dependencySettings.get(projectKey), deps.issueLinks.linkTypes()]);
  return { settings, linkTypes, canAdminister };
}

/** Only the project's administrators change them, as the other settings (see project-settings.ts). */
export async function updateDependencySettings(deps: DependencySettingsDeps, projectKey: string, settings: DependencySettings): Promise<DependencySettingsView> {
  const canAdminister = await deps.access.canAdministerProject(projectKey);
  if (canAdminister === null) throw notFound(`Project ${projectKey}`);
  if (!canAdminister) throw forbidden("Only the project's administrators can change Planning Readiness settings.");
  const linkTypes = await deps.issueLinks.linkTypes();
  const problem = dependencySettingsProblem(settings, linkTypes.map((t) => t.name));
  if (problem) throw invalidInput(problem);
  // Stored with Jira's own spelling of each type's name.
  const normalized = { linkTypes: settings.linkTypes.map((m) => ({ ...m, name: linkTypes.find((t) => t.name.toLowerCase() === m.name.toLowerCase())!.name })) };
  await deps.dependencySettings.save(projectKey, normalized);
  return { settings: normalized, linkTypes, canAdminister };
}
