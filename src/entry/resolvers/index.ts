import { asUser } from '@forge/api';
import { makeResolver } from '@forge/resolver';
import { z } from 'zod';
import { JiraClient } from '../../adapters/jira/jira-client';
import { JiraWorkItemReader } from '../../adapters/jira/jira-work-item-reader';
import { getIssueOverview } from '../../application/get-issue-overview';
import { DEFAULT_PAGE_SIZE, listPlanningItems, MAX_PAGE_SIZE } from '../../application/list-planning-items';
import type { ResolverDefs } from '../../shared/contract';
import { issueKeyFrom, projectKeyFrom } from './context';
import { parsePayload, respond } from './envelope';
import { toWorkItemDto } from './mappers';

/**
 * Resolvers for the app's Custom UI surfaces. Each one validates, takes the issue/project from the Forge
 * context, reads Jira as the user (so Jira's permissions decide what they may see), and calls one use case.
 */
const userReader = (): JiraWorkItemReader => new JiraWorkItemReader(new JiraClient(asUser().requestJira));

const listPayload = z
  .object({
    pageToken: z.string().max(2000).nullish(),
    pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  })
  .strict();

export const resolver = makeResolver<ResolverDefs>({
  'issue.getOverview': ({ context }) =>
    respond('issue.getOverview', async () => {
      const overview = await getIssueOverview({ reader: userReader() }, issueKeyFrom(context));
      return { item: toWorkItemDto(overview.item), project: overview.project, isPlanningItem: overview.isPlanningItem };
    }),
  'project.listPlanningItems': ({ payload, context }) =>
    respond('project.listPlanningItems', async () => {
      const request = parsePayload(listPayload, payload);
      const page = await listPlanningItems(
        { reader: userReader() },
        { projectKey: projectKeyFrom(context), pageSize: request.pageSize ?? DEFAULT_PAGE_SIZE, pageToken: request.pageToken ?? null },
      );
      return { project: page.project, items: page.items.map(toWorkItemDto), nextPageToken: page.nextPageToken };
    }),
});
