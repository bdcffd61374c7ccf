import { route } from '@forge/api';
import { z } from 'zod';
import type { ProjectLister } from '../../../application/readiness/ports';
import type { JiraClient } from '../jira-client';

const pageSchema = z.object({ values: z.array(z.object({ key: z.string() }).loose()), isLast: z.boolean().optional() }).loose();
const PAGE = 50;
/** A site with more projects is reconciled for its first 2,000 (40 pages). */
const MAX_PAGES = 40;

/**
 * The projects the caller can browse, over `GET /rest/api/3/project/search`.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-search-get
 */
export class JiraProjectLister implements ProjectLister {
  constructor(private readonly jira: JiraClient) {}

  async listProjectKeys(): Promise<string[]> {
    const keys: string[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const raw = await this.jira.json<unknown>(route`/rest/api/3/project/search?startAt=${page * PAGE}&maxResults=${PAGE}&orderBy=key`);
      const parsed = pageSchema.parse(raw ?? { values: [] });
      keys.push(...parsed.values.map((p) => p.key));
      if (parsed.isLast !== false || parsed.values.length === 0) break;
    }
    return keys;
  }
}
