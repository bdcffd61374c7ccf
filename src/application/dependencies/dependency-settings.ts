import { dependencySettingsProblem, type DependencySettings } from '../../domain/dependencies/settings';
import { forbidden, invalidInput, notFound } from '../shared/errors';
import type { AccessChecker } from '../shared/ports';
import { backfillProjectFacts, type BackfillDeps } from './backfill-project-facts';
import type { DependencySettingsStore, IssueLinkWriter, LinkTypeInfo } from './ports';

export interface DependencySettingsDeps extends BackfillDeps {
  access: AccessChecker;
  dependencySettings: DependencySettingsStore;
  issueLinks: IssueLinkWriter;
}

export interface DependencySettingsView {
  settings: DependencySettings;
  /** The site's link types, to choose from. */
  linkTypes: LinkTypeInfo[];
  canAdminister: boolean;
  /** After a save: what could not be recomputed in time (it follows with each issue's next change). */
  warnings: string[];
}

/** The link types that mean "depends on" in a project; anyone who may browse it reads them. */
export async function getDependencySettings(deps: DependencySettingsDeps, projectKey: string): Promise<DependencySettingsView> {
  const canAdminister = await deps.access.canAdministerProject(projectKey);
  if (canAdminister === null) throw notFound(`Project ${projectKey}`);
  const [settings, linkTypes] = await Promise.all([deps.dependencySettings.get(projectKey), deps.issueLinks.linkTypes()]);
  return { settings, linkTypes, canAdminister, warnings: [] };
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
  // Other link types count now: the project's JQL facts follow at once, as far as the time allows.
  const { left } = await backfillProjectFacts(deps, projectKey).catch(() => ({ left: -1 }));
  const warnings =
    left === 0
      ? []
      : [`Saved, but ${left > 0 ? `${left.toLocaleString('en')} epics and features` : 'some epics and features'} still show their previous dependency counts in Jira search; each follows with its next change.`];
  return { settings: normalized, linkTypes, canAdminister, warnings };
}
