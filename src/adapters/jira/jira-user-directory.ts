import { route } from '@forge/api';
import type { PersonRef } from '../../domain/planning-record/model';
import type { UserDirectory } from '../../application/shared/ports';
import type { JiraClient } from './jira-client';
import { toPersonRef, userPageSchema, usersSchema } from './jira-schemas';

/** People in Jira, as the acting user may see them. */
export class JiraUserDirectory implements UserDirectory {
  private myself: Promise<PersonRef> | null = null;

  constructor(private readonly jira: JiraClient) {}

  me(): Promise<PersonRef> {
    this.myself ??= this.jira.json<unknown>(route`/rest/api/3/myself`).then((raw) => toPersonRef(usersSchema.element.parse(raw)));
    return this.myself;
  }

  async search(query: string): Promise<PersonRef[]> {
    const raw = await this.jira.json<unknown>(route`/rest/api/3/user/search?query=${query}&maxResults=20`);
    return usersSchema.parse(raw ?? []).map(toPersonRef);
  }

  async byIds(accountIds: string[]): Promise<PersonRef[]> {
    const query = new URLSearchParams([...accountIds.map((id) => ['accountId', id]), ['maxResults', '50']]);
    const raw = await this.jira.json<unknown>(route`/rest/api/3/user/bulk?${query}`);
    return userPageSchema.parse(raw ?? { values: [] }).values.map(toPersonRef);
  }
}
