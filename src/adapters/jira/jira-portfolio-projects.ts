import { route } from '@forge/api';
import { z } from 'zod';
import type { ProjectEditCheck } from '../../application/portfolio/ports';
import type { JiraClient } from './jira-client';
import { issueTypeSchema, myPermissionsSchema, toIssueType } from './jira-schemas';
import { isPlanningItemType } from '../../domain/work-item/work-item';

const projectPageSchema = z.object({ values: z.array(z.object({ key: z.string() })), isLast: z.boolean().optional(), nextPage: z.string().optional() }).loose();
const PAGE = 50;
/** A site with more projects than this is snapshotted in key order up to it (the daily run's budget). */
const MAX_PROJECTS = 1_000;

/** The projects and the project-level permission the portfolio needs, over Jira REST v3. */
export class JiraPortfolioProjects implements ProjectEditCheck {
  constructor(private readonly jira: JiraClient) {}

  async canEditInProject(projectKey: string): Promise<boolean | null> {
    const raw = await this.jira.json<unknown>(route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=EDIT_ISSUES`);
    if (raw === null) return null;
    return myPermissionsSchema.parse(raw).permissions.EDIT_ISSUES?.havePermission === true;
  }

  /** The site's issue types at the epic level and above (hierarchy level >= 1), by id. */
  async planningTypeIds(): Promise<string[]> {
    const types = z.array(issueTypeSchema).parse((await this.jira.json<unknown>(route`/rest/api/3/issuetype`)) ?? []);
    return types.map(toIssueType).filter(isPlanningItemType).map((t) => t.id);
  }

  /** Every project the caller can see, by key (as the app: every project the app is installed for). */
  async projectKeys(): Promise<string[]> {
    const keys: string[] = [];
    for (let startAt = 0; startAt < MAX_PROJECTS; startAt += PAGE) {
      const page = projectPageSchema.parse((await this.jira.json<unknown>(route`/rest/api/3/project/search?startAt=${startAt}&maxResults=${PAGE}&orderBy=key`)) ?? { values: [] });
      keys.push(...page.values.map((p) => p.key));
      if (page.isLast !== false || page.values.length === 0) break;
    }
    return keys;
  }
}
