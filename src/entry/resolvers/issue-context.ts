import { makeResolver } from '@forge/resolver';
import { readinessIssueResolvers } from './readiness';
import { getPlanningView } from '../../application/planning/get-planning-view';
import { asUserDeps } from '../../composition';
import type { IssueContextDefs } from '../../shared/contract/issue-context';
import { accountIdFrom, issueKeyFrom } from './support/context';
import { respond } from './support/envelope';
import { toPlanningViewDto } from './support/mappers';

/** The Readiness side panel: read only. */
export const issueContextResolver = makeResolver<IssueContextDefs>({
  'planning.getView': ({ context }) =>
    respond('planning.getView', async () => toPlanningViewDto(await getPlanningView(asUserDeps(), issueKeyFrom(context), accountIdFrom(context)))),
  ...readinessIssueResolvers,
});
