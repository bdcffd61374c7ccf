import { makeResolver } from '@forge/resolver';
import { readinessIssueResolvers } from './readiness';
import { getPlanningView } from '../../application/planning/get-planning-view';
import { updatePlanningRecord } from '../../application/planning/update-planning-record';
import { asUserDeps } from '../../composition';
import type { IssuePanelDefs } from '../../shared/contract/issue-panel';
import { updatePlanningPayloadSchema } from '../../shared/payloads/planning';
import { accountIdFrom, issueKeyFrom } from './support/context';
import { parsePayload, respond } from './support/envelope';
import { toPlanningUpdateDto, toPlanningViewDto } from './support/mappers';
import { getRiskView } from '../../application/risks/get-risk-view';
import { updateRisks } from '../../application/risks/update-risks';
import { syncDependenciesAsUser } from '../../application/risks/sync-as-user';
import { searchUsersPayloadSchema } from '../../shared/payloads/project-settings';
import { syncDependenciesPayloadSchema, updateRisksPayloadSchema } from '../../shared/payloads/risks';
import { toRisksUpdateDto, toRiskViewDto } from './support/risk-mappers';

/** The Planning issue panel: the issue comes from Forge's context, the user acts as themselves. */
export const issuePanelResolver = makeResolver<IssuePanelDefs>({
  'planning.getView': ({ context }) =>
    respond('planning.getView', async () => toPlanningViewDto(await getPlanningView(asUserDeps(), issueKeyFrom(context), accountIdFrom(context)))),
  'planning.update': ({ payload, context }) =>
    respond('planning.update', async () => {
      const request = parsePayload(updatePlanningPayloadSchema, payload);
      const result = await updatePlanningRecord(asUserDeps(), {
        issueKey: issueKeyFrom(context),
        accountId: accountIdFrom(context),
        baseRev: request.baseRev,
        operation: request.operation,
      });
      return toPlanningUpdateDto(result);
    }),
  ...readinessIssueResolvers,
  // Risks tab (issue 10).
  'risks.getView': ({ context }) => respond('risks.getView', async () => toRiskViewDto(await getRiskView(asUserDeps(), issueKeyFrom(context)))),
  'risks.update': ({ payload, context }) =>
    respond('risks.update', async () => {
      const request = parsePayload(updateRisksPayloadSchema, payload);
      return toRisksUpdateDto(await updateRisks(asUserDeps(), { issueKey: issueKeyFrom(context), baseRev: request.baseRev, operation: request.operation }));
    }),
  'risks.searchUsers': ({ payload }) => respond('risks.searchUsers', () => asUserDeps().users.search(parsePayload(searchUsersPayloadSchema, payload).query)),
  'risks.syncDependencies': ({ payload, context }) =>
    respond('risks.syncDependencies', () => syncDependenciesAsUser(asUserDeps(), issueKeyFrom(context), parsePayload(syncDependenciesPayloadSchema, payload).signals)),
});
