import { asUser } from '@forge/api';
import { makeResolver } from '@forge/resolver';
import { z } from 'zod';
import { JiraAccessChecker } from '../../adapters/jira/jira-access-checker';
import { JiraClient } from '../../adapters/jira/jira-client';
import { JiraContextStatusPublisher } from '../../adapters/jira/jira-context-status';
import { JiraPlanningRecordStore } from '../../adapters/jira/planning-record/jira-planning-record-store';
import { JiraUserDirectory } from '../../adapters/jira/jira-user-directory';
import { JiraWorkItemReader } from '../../adapters/jira/jira-work-item-reader';
import { KvsIssueLock } from '../../adapters/kvs/kvs-issue-lock';
import { KvsProjectSettingsStore } from '../../adapters/kvs/kvs-project-settings-store';
import { DEFAULT_PAGE_SIZE, listPlanningItems, MAX_PAGE_SIZE } from '../../application/portfolio/list-planning-items';
import { getPlanningView } from '../../application/planning/get-planning-view';
import { getProjectSettings, updateProjectSettings } from '../../application/project-settings/project-settings';
import { updatePlanningRecord } from '../../application/planning/update-planning-record';
import type { ResolverDefs } from '../../shared/contract/common';
import { searchUsersPayloadSchema, updatePlanningPayloadSchema, updateSettingsPayloadSchema } from '../../shared/payloads/planning';
import { accountIdFrom, issueKeyFrom, projectKeyFrom } from './support/context';
import { parsePayload, respond } from './support/envelope';
import { toPlanningViewDto, toWorkItemDto } from './support/mappers';

/**
 * Resolvers for the app's Custom UI surfaces. Each one validates, takes the issue/project and the user from
 * the Forge context, works as the user (so Jira's permissions decide), and calls one use case.
 */
function asUserDeps() {
  const jira = new JiraClient(asUser().requestJira);
  return {
    reader: new JiraWorkItemReader(jira),
    store: new JiraPlanningRecordStore(jira),
    access: new JiraAccessChecker(jira),
    users: new JiraUserDirectory(jira),
    settings: new KvsProjectSettingsStore(),
    lock: new KvsIssueLock(),
    contextStatus: new JiraContextStatusPublisher(jira),
    now: () => new Date(),
  };
}

const listPayload = z
  .object({
    pageToken: z.string().max(2000).nullish(),
    pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  })
  .strict();

export const resolver = makeResolver<ResolverDefs>({
  'project.listPlanningItems': ({ payload, context }) =>
    respond('project.listPlanningItems', async () => {
      const request = parsePayload(listPayload, payload);
      const page = await listPlanningItems(asUserDeps(), {
        projectKey: projectKeyFrom(context),
        pageSize: request.pageSize ?? DEFAULT_PAGE_SIZE,
        pageToken: request.pageToken ?? null,
      });
      return { project: page.project, items: page.items.map(toWorkItemDto), nextPageToken: page.nextPageToken };
    }),
  'planning.getView': ({ context }) =>
    respond('planning.getView', async () => toPlanningViewDto(await getPlanningView(asUserDeps(), issueKeyFrom(context), accountIdFrom(context)))),
  'planning.update': ({ payload, context }) =>
    respond('planning.update', async () => {
      const request = parsePayload(updatePlanningPayloadSchema, payload);
      return updatePlanningRecord(asUserDeps(), {
        issueKey: issueKeyFrom(context),
        projectKey: projectKeyFrom(context),
        accountId: accountIdFrom(context),
        baseRev: request.baseRev,
        operation: request.operation,
      });
    }),
  'settings.get': ({ context }) => respond('settings.get', () => getProjectSettings(asUserDeps(), projectKeyFrom(context))),
  'settings.update': ({ payload, context }) =>
    respond('settings.update', () => updateProjectSettings(asUserDeps(), projectKeyFrom(context), parsePayload(updateSettingsPayloadSchema, payload))),
  'settings.searchUsers': ({ payload }) =>
    respond('settings.searchUsers', () => asUserDeps().users.search(parsePayload(searchUsersPayloadSchema, payload).query)),
});
