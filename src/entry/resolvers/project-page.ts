import { makeResolver } from '@forge/resolver';
import { DEFAULT_PAGE_SIZE, listPlanningItems } from '../../application/portfolio/list-planning-items';
import { asUserDeps } from '../../composition';
import type { ProjectPageDefs } from '../../shared/contract/project-page';
import { listPlanningItemsPayloadSchema } from '../../shared/payloads/portfolio';
import { projectKeyFrom } from './support/context';
import { parsePayload, respond } from './support/envelope';
import { toWorkItemDto } from './support/mappers';
import { getPortfolioDependencies } from '../../application/dependencies/get-portfolio-dependencies';
import { toPortfolioDependenciesDto } from './support/portfolio-dependency-mappers';
import { listPortfolioRisks } from '../../application/risks/portfolio-risks';
import { toPortfolioRisksDto } from './support/risk-mappers';

/** The portfolio project page. */
export const projectPageResolver = makeResolver<ProjectPageDefs>({
  'project.listPlanningItems': ({ payload, context }) =>
    respond('project.listPlanningItems', async () => {
      const request = parsePayload(listPlanningItemsPayloadSchema, payload);
      const page = await listPlanningItems(asUserDeps(), {
        projectKey: projectKeyFrom(context),
        pageSize: request.pageSize ?? DEFAULT_PAGE_SIZE,
        pageToken: request.pageToken ?? null,
      });
      return { project: page.project, items: page.items.map(toWorkItemDto), nextPageToken: page.nextPageToken };
    }),
  'dependencies.portfolio': ({ context }) =>
    respond('dependencies.portfolio', async () => toPortfolioDependenciesDto(await getPortfolioDependencies(asUserDeps(), projectKeyFrom(context)))),
  'risks.portfolio': ({ context }) => respond('risks.portfolio', async () => toPortfolioRisksDto(await listPortfolioRisks(asUserDeps(), projectKeyFrom(context)))),
});
