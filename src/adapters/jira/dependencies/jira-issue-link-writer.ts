import { route } from '@forge/api';
import { z } from 'zod';
import type { IssueLinkWriter, LinkTypeInfo } from '../../../application/dependencies/ports';
import type { JiraClient } from '../jira-client';

const typesSchema = z.object({ issueLinkTypes: z.array(z.object({ name: z.string(), inward: z.string(), outward: z.string() }).loose()) }).loose();

/** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-links/ */
export class JiraIssueLinkWriter implements IssueLinkWriter {
  constructor(private readonly jira: JiraClient) {}

  async linkTypes(): Promise<LinkTypeInfo[]> {
    const raw = await this.jira.json<unknown>(route`/rest/api/3/issueLinkType`);
    return typesSchema.parse(raw ?? { issueLinkTypes: [] }).issueLinkTypes.map((t) => ({ name: t.name, inward: t.inward, outward: t.outward }));
  }

  async create(typeName: string, inwardIssue: string, outwardIssue: string): Promise<void> {
    await this.jira.send(route`/rest/api/3/issueLink`, { method: 'POST', body: { type: { name: typeName }, inwardIssue: { key: inwardIssue }, outwardIssue: { key: outwardIssue } } });
  }

  async comment(issueKey: string, body: unknown): Promise<void> {
    await this.jira.send(route`/rest/api/3/issue/${issueKey}/comment`, { method: 'POST', body: { body } });
  }
}
