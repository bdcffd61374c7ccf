import { makeResolver } from '@forge/resolver';
import { DEFAULT_PAGE_SIZE, listPlanningItems } from '../../application/portfolio/list-planning-items';
import { asAppEscalationDeps, asUserDeps, asUserEscalationDeps } from '../../composition';
import { closeMeeting, getAgenda } from '../../application/impediments/agenda';
import { followUpImpediment } from '../../application/impediments/follow-up';
import { reconcileProject } from '../../application/impediments/reconcile-project';
import { followUpPayloadSchema, previousPayloadSchema } from '../../shared/payloads/escalations';
import { searchUsersPayloadSchema } from '../../shared/payloads/project-settings';
import { toAgendaDto } from './support/escalation-mappers';
import type { ProjectPageDefs } from '../../shared/contract/project-page';
import { listPlanningItemsPayloadSchema } from '../../shared/payloads/portfolio';
import { projectKeyFrom } from './support/context';
import { parsePayload, respond } from './support/envelope';
import { invalidInput } from '../../application/shared/errors';
import { toWorkItemDto } from './support/mappers';
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
  'risks.portfolio': ({ context }) => respond('risks.portfolio', async () => toPortfolioRisksDto(await listPortfolioRisks(asUserDeps(), projectKeyFrom(context)))),
  // Escalations (issue 12): the Scrum of Scrums agenda, as the user.
  'escalations.getAgenda': ({ context }) => respond('escalations.getAgenda', async () => toAgendaDto(await getAgenda(asUserEscalationDeps(), projectKeyFrom(context)))),
  'escalations.followUp': ({ payload, context }) =>
    respond('escalations.followUp', () => {
      const request = parsePayload(followUpPayloadSchema, payload);
      if (request.itemKey.split('-')[0] !== projectKeyFrom(context)) throw invalidInput('itemKey: an epic or feature of this project');
      return followUpImpediment(asUserEscalationDeps(), request);
    }),
  'escalations.closeMeeting': ({ payload, context }) =>
    respond('escalations.closeMeeting', async () => {
      const { previous } = parsePayload(previousPayloadSchema, payload);
      return { lastMeetingAt: (await closeMeeting(asUserEscalationDeps(), projectKeyFrom(context), previous === 'none' ? null : previous)).lastMeetingAt ?? '' };
    }),
  // The administrator's check is as the user; detection then runs as the app, exactly as the triggers do.
  'escalations.rescan': ({ context }) =>
    respond('escalations.rescan', async () => {
      const { issues, warnings } = await reconcileProject(asAppEscalationDeps(), asUserDeps().access, projectKeyFrom(context));
      return { issues, warnings };
    }),
  'escalations.searchUsers': ({ payload }) => respond('escalations.searchUsers', () => asUserDeps().users.search(parsePayload(searchUsersPayloadSchema, payload).query)),
});
