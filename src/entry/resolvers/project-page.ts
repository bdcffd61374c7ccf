import { makeResolver } from '@forge/resolver';
import { DEFAULT_PAGE_SIZE, listPlanningItems } from '../../application/portfolio/list-planning-items';
import { commitBaseline } from '../../application/portfolio/commit-baseline';
import { exportPortfolio } from '../../application/portfolio/export-portfolio';
import { freshReadinessView, snapshotReadinessView } from '../../application/portfolio/readiness-view';
import { asUserDeps, asUserPortfolioDeps } from '../../composition';
import type { ProjectPageDefs } from '../../shared/contract/project-page';
import { listPlanningItemsPayloadSchema, portfolioExportPayloadSchema, portfolioScopePayloadSchema } from '../../shared/payloads/portfolio';
import { projectKeyFrom } from './support/context';
import { parsePayload, respond } from './support/envelope';
import { toWorkItemDto } from './support/mappers';
import { getPortfolioDependencies } from '../../application/dependencies/get-portfolio-dependencies';
import { toPortfolioDependenciesDto } from './support/portfolio-dependency-mappers';
import { toPortfolioViewDto } from './support/portfolio-mappers';

/** Rows the first paint sends (the tiles count them all); the fresh view that follows sends every row. */
const FIRST_PAINT_ROWS = 200;
import { listPortfolioRisks } from '../../application/risks/portfolio-risks';
import { toPortfolioRisksDto } from './support/risk-mappers';
import { listReviews } from '../../application/planning/list-reviews';

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
  // ---- Readiness view (portfolio) ----
  'portfolio.snapshot': ({ payload, context }) =>
    respond('portfolio.snapshot', async () => {
      const { scope } = parsePayload(portfolioScopePayloadSchema, payload);
      const view = await snapshotReadinessView(asUserPortfolioDeps(), projectKeyFrom(context), scope);
      return view && toPortfolioViewDto(view, FIRST_PAINT_ROWS);
    }),
  'portfolio.view': ({ payload, context }) =>
    respond('portfolio.view', async () => {
      const { scope } = parsePayload(portfolioScopePayloadSchema, payload);
      return toPortfolioViewDto(await freshReadinessView(asUserPortfolioDeps(), projectKeyFrom(context), scope));
    }),
  'portfolio.commit': ({ payload, context }) =>
    respond('portfolio.commit', async () => {
      const { scope } = parsePayload(portfolioScopePayloadSchema, payload);
      return toPortfolioViewDto(await commitBaseline(asUserPortfolioDeps(), projectKeyFrom(context), scope));
    }),
  'portfolio.export': ({ payload, context }) =>
    respond('portfolio.export', async () => {
      const { scope, format } = parsePayload(portfolioExportPayloadSchema, payload);
      return exportPortfolio(asUserPortfolioDeps(), projectKeyFrom(context), scope, format);
    }),
  'risks.portfolio': ({ context }) => respond('risks.portfolio', async () => toPortfolioRisksDto(await listPortfolioRisks(asUserDeps(), projectKeyFrom(context)))),
  // Planning review (issue 8): the Reviews view.
  'reviews.list': ({ context }) => respond('reviews.list', () => listReviews(asUserDeps(), projectKeyFrom(context))),
});
