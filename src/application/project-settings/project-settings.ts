import type { PersonRef } from '../../domain/planning-record/model';
import { settingsProblem, type ProjectSettings } from '../../domain/project-settings/project-settings';
import { forbidden, invalidInput, notFound } from '../shared/errors';
import type { AccessChecker, UserDirectory, WorkItemReader } from '../shared/ports';
import type { ProjectMembers, ProjectSettingsStore } from './ports';

export interface SettingsDeps {
  reader: WorkItemReader;
  access: AccessChecker;
  settings: ProjectSettingsStore;
  users: UserDirectory;
  members: ProjectMembers;
}

export async function getProjectSettings(deps: SettingsDeps, projectKey: string): Promise<{ project: { key: string; name: string }; settings: ProjectSettings; canAdminister: boolean }> {
  const project = await deps.reader.getProject(projectKey);
  if (!project) throw notFound(`Project ${projectKey}`);
  const [settings, canAdminister] = await Promise.all([deps.settings.get(project.key), deps.access.canAdministerProject(project.key)]);
  return { project: { key: project.key, name: project.name }, settings, canAdminister: canAdminister === true };
}

/** Throws unless the acting user administers the project: the check of every settings change. */
export async function requireProjectAdmin(access: AccessChecker, projectKey: string): Promise<void> {
  const canAdminister = await access.canAdministerProject(projectKey);
  if (canAdminister === null) throw notFound(`Project ${projectKey}`);
  if (!canAdminister) throw forbidden("Only the project's administrators can change Planning Readiness settings.");
}

/** Saves a project's settings; only its administrators may. Architects are looked up in Jira by account id. */
export async function updateProjectSettings(
  deps: SettingsDeps,
  projectKey: string,
  update: Omit<ProjectSettings, 'architects'> & { architectAccountIds: string[] },
): Promise<ProjectSettings> {
  await requireProjectAdmin(deps.access, projectKey);
  const ids = [...new Set(update.architectAccountIds)];
  const architects = ids.length > 0 ? await deps.users.byIds(ids) : [];
  const unknown = ids.filter((id) => !architects.some((a) => a.accountId === id));
  if (unknown.length > 0) throw invalidInput(`Architects: no Jira user with account id ${unknown.join(', ')}.`);
  // An architect who cannot browse the project could never read, let alone approve, its specs.
  const browse = await Promise.all(architects.map((a) => deps.members.canBrowse(projectKey, a.accountId)));
  const blind = architects.filter((_, i) => !browse[i]);
  if (blind.length > 0) {
    const names = blind.map((a) => a.displayName).join(' and ');
    throw invalidInput(`Architects: ${names} cannot browse project ${projectKey}, so they could not read its specs to approve them. Give them access to the project in Jira first, or choose someone else.`);
  }
  const settings: ProjectSettings = { architects, tshirtScale: update.tshirtScale, divergenceThresholdPct: update.divergenceThresholdPct };
  const problem = settingsProblem(settings);
  if (problem) throw invalidInput(problem);
  await deps.settings.save(projectKey, settings);
  return settings;
}

/** People an administrator may name as architects: those matching the query who can browse the project. */
export function searchArchitectCandidates(deps: Pick<SettingsDeps, 'members'>, projectKey: string, query: string): Promise<PersonRef[]> {
  return deps.members.searchBrowsers(projectKey, query);
}
