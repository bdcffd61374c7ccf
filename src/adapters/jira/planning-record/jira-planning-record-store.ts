import { route } from '@forge/api';
import type { PlanningRecord } from '../../../domain/planning-record/model';
import type { PlanningRecordStore, RecordRead } from '../../../application/planning/ports';
import type { JiraClient } from '../jira-client';
import { readStoredRecord, toStoredRecord } from './stored-format';

/** The issue entity property that holds the planning record (readable over REST by anyone who can see the issue). */
export const PLANNING_RECORD_PROPERTY = 'planning-readiness';

/** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/ */
export class JiraPlanningRecordStore implements PlanningRecordStore {
  constructor(private readonly jira: JiraClient) {}

  async load(issueIdOrKey: string): Promise<RecordRead> {
    const raw = await this.jira.json<{ value?: unknown }>(route`/rest/api/3/issue/${issueIdOrKey}/properties/${PLANNING_RECORD_PROPERTY}`);
    return readStoredRecord(raw?.value);
  }

  async save(issueIdOrKey: string, record: PlanningRecord): Promise<void> {
    await this.jira.send(route`/rest/api/3/issue/${issueIdOrKey}/properties/${PLANNING_RECORD_PROPERTY}`, { method: 'PUT', body: toStoredRecord(record) });
  }
}
