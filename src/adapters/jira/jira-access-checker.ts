import { route } from '@forge/api';
import type { AccessChecker } from '../../application/shared/ports';
import type { JiraClient } from './jira-client';
import { myPermissionsSchema } from './jira-schemas';

/** The acting user's Jira permissions. @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-mypermissions-get */
export class JiraAccessChecker implements AccessChecker {
  constructor(private readonly jira: JiraClient) {}

  async canEditIssue(issueKey: string): Promise<boolean | null> {
    return this.has(await this.jira.json<unknown>(route`/rest/api/3/mypermissions?issueKey=${issueKey}&permissions=EDIT_ISSUES`), 'EDIT_ISSUES');
  }

  async canAdministerProject(projectKey: string): Promise<boolean | null> {
    return this.has(await this.jira.json<unknown>(route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=ADMINISTER_PROJECTS`), 'ADMINISTER_PROJECTS');
  }

  private has(raw: unknown, key: string): boolean | null {
    if (raw === null) return null;
    return myPermissionsSchema.parse(raw).permissions[key]?.havePermission === true;
  }
}
