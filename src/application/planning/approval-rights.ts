import type { ProjectSettings } from '../../domain/project-settings/project-settings';
import type { AccessChecker } from '../shared/ports';

/** Architects named in the project's settings may approve; with none named, the project's administrators. */
export async function canApproveSpecs(access: AccessChecker, settings: ProjectSettings, projectKey: string, accountId: string): Promise<boolean> {
  if (settings.architects.length > 0) return settings.architects.some((a) => a.accountId === accountId);
  return (await access.canAdministerProject(projectKey)) === true;
}
