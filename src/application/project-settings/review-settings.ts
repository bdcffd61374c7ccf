import type { ReviewSettings } from '../../domain/planning-record/review-settings';
import { notFound } from '../shared/errors';
import type { AccessChecker } from '../shared/ports';
import type { ReviewSettingsStore } from './ports';
import { requireProjectAdmin } from './project-settings';

export interface ReviewSettingsDeps {
  access: AccessChecker;
  reviewSettings: ReviewSettingsStore;
}

/** A project's review settings, for anyone who can see the project; `canAdminister` says who may change them. */
export async function getReviewSettings(deps: ReviewSettingsDeps, projectKey: string): Promise<{ settings: ReviewSettings; canAdminister: boolean }> {
  const canAdminister = await deps.access.canAdministerProject(projectKey);
  if (canAdminister === null) throw notFound(`Project ${projectKey}`);
  return { settings: await deps.reviewSettings.get(projectKey), canAdminister };
}

export async function updateReviewSettings(deps: ReviewSettingsDeps, projectKey: string, settings: ReviewSettings): Promise<ReviewSettings> {
  await requireProjectAdmin(deps.access, projectKey);
  await deps.reviewSettings.save(projectKey, settings);
  return settings;
}
