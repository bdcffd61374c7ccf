import { riskSettingsProblem, type RiskSettings } from '../../domain/risks/settings';
import { requireProjectAdmin } from '../project-settings/project-settings';
import { invalidInput, notFound } from '../shared/errors';
import type { AccessChecker, WorkItemReader } from '../shared/ports';
import type { RiskSettingsStore } from './ports';

export interface RiskSettingsDeps {
  reader: WorkItemReader;
  access: AccessChecker;
  riskSettings: RiskSettingsStore;
}

export async function getRiskSettings(deps: RiskSettingsDeps, projectKey: string): Promise<{ settings: RiskSettings; canAdminister: boolean }> {
  const project = await deps.reader.getProject(projectKey);
  if (!project) throw notFound(`Project ${projectKey}`);
  const [settings, canAdminister] = await Promise.all([deps.riskSettings.get(project.key), deps.access.canAdministerProject(project.key)]);
  return { settings, canAdminister: canAdminister === true };
}

/** Saves a project's risk scales and thresholds; only its administrators may, and only consistent ones. */
export async function updateRiskSettings(deps: RiskSettingsDeps, projectKey: string, update: RiskSettings): Promise<RiskSettings> {
  await requireProjectAdmin(deps.access, projectKey);
  const settings: RiskSettings = { likelihoodLabels: update.likelihoodLabels.map((l) => l.trim()), impactLabels: update.impactLabels.map((l) => l.trim()), thresholds: update.thresholds };
  const problem = riskSettingsProblem(settings);
  if (problem) throw invalidInput(problem);
  await deps.riskSettings.save(projectKey, settings);
  return settings;
}
