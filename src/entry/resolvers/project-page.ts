import { makeResolver } from '@forge/resolver';
import { commitBaseline } from '../../application/portfolio/commit-baseline';
import { exportPortfolio } from '../../application/portfolio/export-portfolio';
import { freshReadinessView, snapshotReadinessView } from '../../application/portfolio/readiness-view';
import { asAppEscalationDeps, asUserDeps, asUserEscalationDeps, asUserPortfolioDeps } from '../../composition';
import { closeMeeting, getAgenda } from '../../application/impediments/agenda';
import { followUpImpediment } from '../../application/impediments/follow-up';
import { reconcileProject } from '../../application/impediments/reconcile-project';
import { followUpPayloadSchema, previousPayloadSchema } from '../../shared/payloads/escalations';
import { searchUsersPayloadSchema } from '../../shared/payloads/project-settings';
import { toAgendaDto } from './support/escalation-mappers';
import type { ProjectPageDefs } from '../../shared/contract/project-page';
import { portfolioExportPayloadSchema, portfolioScopePayloadSchema, portfolioViewPayloadSchema } from '../../shared/payloads/portfolio';
import { explainRow } from './support/portfolio-explain';
import { projectKeyFrom } from './support/context';
import { parsePayload, respond } from './support/envelope';
import { invalidInput } from '../../application/shared/errors';
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
      const { scope, withAccess } = parsePayload(portfolioViewPayloadSchema, payload);
      return toPortfolioViewDto(await freshReadinessView(asUserPortfolioDeps(), projectKeyFrom(context), scope, { check: withAccess }));
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
  'portfolio.explain': (request) => explainRow(request),
  'risks.portfolio': ({ context }) => respond('risks.portfolio', async () => toPortfolioRisksDto(await listPortfolioRisks(asUserDeps(), projectKeyFrom(context)))),
  // Planning review (issue 8): the Reviews view.
  'reviews.list': ({ context }) => respond('reviews.list', () => listReviews(asUserDeps(), projectKeyFrom(context))),
  // Escalations (issue 12): the Scrum of Scrums agenda, as the user.
  'escalations.getAgenda': ({ context }) => respond('escalations.getAgenda', async () => toAgendaDto(await getAgenda(asUserEscalationDeps(), asUserPortfolioDeps().access, projectKeyFrom(context)))),
  'escalations.followUp': ({ payload, context }) =>
    respond('escalations.followUp', () => {
      const request = parsePayload(followUpPayloadSchema, payload);
      if (request.itemKey.split('-')[0] !== projectKeyFrom(context)) throw invalidInput('itemKey: an epic or feature of this project');
      return followUpImpediment(asUserEscalationDeps(), request);
    }),
  'escalations.closeMeeting': ({ payload, context }) =>
    respond('escalations.closeMeeting', async () => {
      const { previous } = parsePayload(previousPayloadSchema, payload);
      return { lastMeetingAt: (await closeMeeting(asUserEscalationDeps(), asUserPortfolioDeps().access, projectKeyFrom(context), previous === 'none' ? null : previous)).lastMeetingAt ?? '' };
    }),
  // The administrator's check is as the user; detection then runs as the app, exactly as the triggers do.
  'escalations.rescan': ({ context }) =>
    respond('escalations.rescan', async () => {
      const { issues, warnings } = await reconcileProject(asAppEscalationDeps(), asUserDeps().access, projectKeyFrom(context));
      return { issues, warnings };
    }),
  'escalations.searchUsers': ({ payload }) => respond('escalations.searchUsers', () => asUserDeps().users.search(parsePayload(searchUsersPayloadSchema, payload).query)),
});
