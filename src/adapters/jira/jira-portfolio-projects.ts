import { route } from '@forge/api';
import { z } from 'zod';
import type { ProjectEditCheck } from '../../application/portfolio/ports';
import type { JiraClient } from './jira-client';
import { issueTypeSchema, myPermissionsSchema, toIssueType } from './jira-schemas';
import { isPlanningItemType } from '../../domain/work-item/work-item';

/** The project-level permission and the site's planning issue types the portfolio needs, over Jira REST v3. */
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
}
