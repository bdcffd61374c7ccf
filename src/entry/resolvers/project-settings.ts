import { makeResolver } from '@forge/resolver';
import { readinessSettingsResolvers } from './readiness';
import { getProjectSettings, searchArchitectCandidates, updateProjectSettings } from '../../application/project-settings/project-settings';
import { asUserDeps, asUserEscalationDeps } from '../../composition';
import { webTrigger } from '@forge/api';
import { getEscalationSettings, rotateWebhookSecret, updateEscalationSettings } from '../../application/impediments/escalation-settings';
import { escalationSettingsPayloadSchema, previousPayloadSchema } from '../../shared/payloads/escalations';
import type { ProjectSettingsDefs } from '../../shared/contract/project-settings';
import { reviewSettingsPayloadSchema, searchUsersPayloadSchema, updateSettingsPayloadSchema } from '../../shared/payloads/project-settings';
import { getReviewSettings, updateReviewSettings } from '../../application/project-settings/review-settings';
import { projectKeyFrom } from './support/context';
import { getDependencySettings, updateDependencySettings } from '../../application/dependencies/dependency-settings';
import { dependencySettingsPayloadSchema } from '../../shared/payloads/dependencies';
import { parsePayload, respond } from './support/envelope';
import { getRiskSettings, updateRiskSettings } from '../../application/risks/risk-settings';
import { riskSettingsPayloadSchema } from '../../shared/payloads/risks';

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
  'settings.dependencies.get': ({ context }) => respond('settings.dependencies.get', () => getDependencySettings(asUserDeps(), projectKeyFrom(context))),
  'settings.dependencies.update': ({ payload, context }) =>
    respond('settings.dependencies.update', () => updateDependencySettings(asUserDeps(), projectKeyFrom(context), parsePayload(dependencySettingsPayloadSchema, payload))),
  ...readinessSettingsResolvers,
  'settings.risks.get': ({ context }) => respond('settings.risks.get', () => getRiskSettings(asUserDeps(), projectKeyFrom(context))),
  'settings.risks.update': ({ payload, context }) =>
    respond('settings.risks.update', () => updateRiskSettings(asUserDeps(), projectKeyFrom(context), parsePayload(riskSettingsPayloadSchema, payload))),
  // Escalations (issue 12): rules, SLA and signals per project; the installation's web trigger secret.
  'settings.escalations.get': ({ context }) =>
    respond('settings.escalations.get', async () => ({ ...(await getEscalationSettings(asUserEscalationDeps(), projectKeyFrom(context))), webTriggerUrl: await webTrigger.getUrl('escalation-webhook') })),
  'settings.escalations.update': ({ payload, context }) =>
    respond('settings.escalations.update', () => updateEscalationSettings(asUserEscalationDeps(), projectKeyFrom(context), parsePayload(escalationSettingsPayloadSchema, payload))),
  'settings.escalations.rotateSecret': ({ payload, context }) =>
    respond('settings.escalations.rotateSecret', () => {
      const { previous } = parsePayload(previousPayloadSchema, payload);
      return rotateWebhookSecret(asUserEscalationDeps(), projectKeyFrom(context), previous === 'none' ? null : previous);
    }),
});
