import type { Request } from '@forge/resolver';
import { getReadiness, type ReadinessView } from '../../application/readiness/get-readiness';
import { getReadinessSettings, updateReadinessSettings, type ReadinessSettingsView } from '../../application/readiness/readiness-settings';
import { asUserDeps } from '../../composition';
import type { ReadinessSettingsViewDto, ReadinessViewDto } from '../../shared/contract/readiness';
import { readinessSettingsPayloadSchema } from '../../shared/payloads/readiness';
import { issueKeyFrom, projectKeyFrom } from './support/context';
import { parsePayload, respond } from './support/envelope';

/**
 * The `readiness.*` resolver functions of the issue panel and the side panel, and the `settings.readiness.*`
 * ones of the project settings page. As the user: the reader returns nothing the user cannot browse, and
 * only project administrators change settings (checked in the use case).
 */
export const readinessIssueResolvers = {
  'readiness.get': ({ context }: Request) => respond('readiness.get', async () => toReadinessViewDto(await getReadiness(asUserDeps(), issueKeyFrom(context)))),
};

export const readinessSettingsResolvers = {
  'settings.readiness.get': ({ context }: Request) => respond('settings.readiness.get', async () => toSettingsViewDto(await getReadinessSettings(asUserDeps(), projectKeyFrom(context)))),
  'settings.readiness.update': ({ payload, context }: Request) =>
    respond('settings.readiness.update', async () => toSettingsViewDto(await updateReadinessSettings(asUserDeps(), projectKeyFrom(context), parsePayload(readinessSettingsPayloadSchema, payload)))),
};

export function toReadinessViewDto(view: ReadinessView): ReadinessViewDto {
  const { dependencies, risks, impediments } = view.counts;
  return {
    issueKey: view.issueKey,
    score: view.readiness.score,
    state: view.readiness.state,
    criteria: view.readiness.criteria.map(({ criterion, title, weight, earned, reason, nextStep }) => ({ criterion, title, weight, earned, reason, nextStep })),
    storedScore: view.storedScore,
    counts: { dependencies: { ...dependencies }, risks: { ...risks }, impediments: { ...impediments } },
    landedFeatures: view.landedFeatures,
  };
}

function toSettingsViewDto(view: ReadinessSettingsView): ReadinessSettingsViewDto {
  const r = view.recompute;
  return {
    settings: view.settings,
    canAdminister: view.canAdminister,
    issueTypes: view.issueTypes,
    landedFeatures: view.landedFeatures,
    recompute: r ? { state: r.state, requestedAt: r.requestedAt, finishedAt: r.finishedAt, scored: r.scored, changed: r.changed, message: r.message } : null,
  };
}
