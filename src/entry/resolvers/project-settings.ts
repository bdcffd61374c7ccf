import { makeResolver } from '@forge/resolver';
import { getProjectSettings, searchArchitectCandidates, updateProjectSettings } from '../../application/project-settings/project-settings';
import { asUserDeps } from '../../composition';
import type { ProjectSettingsDefs } from '../../shared/contract/project-settings';
import { reviewSettingsPayloadSchema, searchUsersPayloadSchema, updateSettingsPayloadSchema } from '../../shared/payloads/project-settings';
import { getReviewSettings, updateReviewSettings } from '../../application/project-settings/review-settings';
import { projectKeyFrom } from './support/context';
import { parsePayload, respond } from './support/envelope';

/** The project settings page: only project administrators change settings (checked in the use case). */
export const projectSettingsResolver = makeResolver<ProjectSettingsDefs>({
  'settings.get': ({ context }) => respond('settings.get', () => getProjectSettings(asUserDeps(), projectKeyFrom(context))),
  'settings.update': ({ payload, context }) =>
    respond('settings.update', () => updateProjectSettings(asUserDeps(), projectKeyFrom(context), parsePayload(updateSettingsPayloadSchema, payload))),
  'settings.searchUsers': ({ payload, context }) =>
    respond('settings.searchUsers', () => searchArchitectCandidates(asUserDeps(), projectKeyFrom(context), parsePayload(searchUsersPayloadSchema, payload).query)),
  // Planning review (issue 8): whether review steps are told in Jira comments.
  'settings.review.get': ({ context }) => respond('settings.review.get', () => getReviewSettings(asUserDeps(), projectKeyFrom(context))),
  'settings.review.update': ({ payload, context }) =>
    respond('settings.review.update', () => updateReviewSettings(asUserDeps(), projectKeyFrom(context), parsePayload(reviewSettingsPayloadSchema, payload))),
});
