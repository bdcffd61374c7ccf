import { route } from '@forge/api';
import { z } from 'zod';
import type { IssuePicker } from '../../../application/dependencies/ports';
import type { JiraClient } from '../jira-client';

const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,9}-[1-9][0-9]{0,9}$/;
const pageSchema = z.object({ issues: z.array(z.object({ key: z.string(), fields: z.object({ summary: z.string().nullish() }).loose() }).loose()) }).loose();

/**
 * The issue picker of the Dependencies tab, backed by Jira search as the user: a key is looked up as it is
 * (a search for an unknown key is an error in JQL), words are searched in summaries across projects.
 */
export class JiraIssuePicker implements IssuePicker {
  constructor(private readonly jira: JiraClient) {}

  async search(query: string, excludeKey: string): Promise<Array<{ key: string; summary: string }>> {
    const q = query.trim();
    if (ISSUE_KEY.test(q)) {
      const raw = await this.jira.json<unknown>(route`/rest/api/3/issue/${q.toUpperCase()}?fields=summary`);
      const issue = raw === null ? null : z.object({ key: z.string(), fields: z.object({ summary: z.string() }).loose() }).loose().safeParse(raw);
      return issue?.success && issue.data.key !== excludeKey ? [{ key: issue.data.key, summary: issue.data.fields.summary }] : [];
    }
    const words = q.replace(/["\\]/g, ' ').trim();
    if (words === '') return [];
    const raw = await this.jira.json<unknown>(route`/rest/api/3/search/jql`, {
      method: 'POST',
      readOnly: true,
      body: { jql: `summary ~ "${words}" AND key != "${excludeKey}" ORDER BY updated DESC`, fields: ['summary'], maxResults: 20 },
    });
    return pageSchema.parse(raw ?? { issues: [] }).issues.map((i) => ({ key: i.key, summary: i.fields.summary ?? '' }));
  }
}
