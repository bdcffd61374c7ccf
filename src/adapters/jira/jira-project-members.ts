import { route } from '@forge/api';
import type { ProjectMembers } from '../../application/project-settings/ports';
import type { PersonRef } from '../../domain/planning-record/model';
import type { JiraClient } from './jira-client';
import { toPersonRef, usersSchema } from './jira-schemas';

/** Picker results shown at once. */
const PICKER_SIZE = 20;

/**
 * Who can browse a project: Jira's "Find users with browse permission".
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/#api-rest-api-3-user-viewissue-search-get
 */
export class JiraProjectMembers implements ProjectMembers {
  constructor(private readonly jira: JiraClient) {}

  async searchBrowsers(projectKey: string, query: string): Promise<PersonRef[]> {
    // Jira filters a page of users by permission after paging, so ask for a large page and keep the first few.
    const raw = await this.jira.json<unknown>(route`/rest/api/3/user/viewissue/search?projectKey=${projectKey}&query=${query}&maxResults=1000`);
    return usersSchema.parse(raw ?? []).slice(0, PICKER_SIZE).map(toPersonRef);
  }

  async canBrowse(projectKey: string, accountId: string): Promise<boolean> {
    const raw = await this.jira.json<unknown>(route`/rest/api/3/user/viewissue/search?projectKey=${projectKey}&accountId=${accountId}`);
    return usersSchema.parse(raw ?? []).some((u) => u.accountId === accountId);
  }
}
