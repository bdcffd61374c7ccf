import { route } from '@forge/api';
import type { DependencyRecord } from '../../../domain/dependencies/model';
import type { DependencyRecordRead, DependencyRecordStore } from '../../../application/dependencies/ports';
import type { JiraClient } from '../jira-client';
import { readStoredDependencies, toStoredDependencies } from './stored-format';

/** The issue property on the dependent that holds its dependencies' commitment data. */
export const DEPENDENCIES_PROPERTY = 'planning-readiness-dependencies';

export class JiraDependencyRecordStore implements DependencyRecordStore {
  constructor(private readonly jira: JiraClient) {}

  async load(issueId: string): Promise<DependencyRecordRead> {
    const raw = await this.jira.json<{ value?: unknown }>(route`/rest/api/3/issue/${issueId}/properties/${DEPENDENCIES_PROPERTY}`);
    return readStoredDependencies(raw?.value);
  }

  async save(issueId: string, record: DependencyRecord): Promise<void> {
    await this.jira.send(route`/rest/api/3/issue/${issueId}/properties/${DEPENDENCIES_PROPERTY}`, { method: 'PUT', body: toStoredDependencies(record) });
  }
}
