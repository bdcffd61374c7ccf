import { route } from '@forge/api';
import type { PlanningRecord } from '../../../domain/planning-record/model';
import type { PlanningRecordStore } from '../../../application/shared/ports';
import type { JiraClient } from '../jira-client';

/** The issue entity property that holds the planning record (readable over REST by anyone who can see the issue). */
export const PLANNING_RECORD_PROPERTY = 'planning-readiness';

/** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/ */
export class JiraPlanningRecordStore implements PlanningRecordStore {
  constructor(private readonly jira: JiraClient) {}

  async load(issueKey: string): Promise<unknown> {
    const raw = await this.jira.json<{ value?: unknown }>(route`/rest/api/3/issue/${issueKey}/properties/${PLANNING_RECORD_PROPERTY}`);
    return raw?.value;
  }

  async save(issueKey: string, record: PlanningRecord): Promise<void> {
    await this.jira.send(route`/rest/api/3/issue/${issueKey}/properties/${PLANNING_RECORD_PROPERTY}`, { method: 'PUT', body: record });
  }
}
