import { route } from '@forge/api';
import type { ImpedimentStore } from '../../../application/impediments/ports';
import type { ImpedimentRecord } from '../../../domain/impediments/model';
import type { JiraClient } from '../jira-client';
import { fromStored, toStored } from './stored-format';

export const IMPEDIMENTS_PROPERTY = 'planning-readiness-impediments';

export class JiraImpedimentStore implements ImpedimentStore {
  constructor(private readonly jira: JiraClient) {}

  async load(issueId: string): Promise<ImpedimentRecord> {
    const raw = await this.jira.json<{ value?: unknown }>(route`/rest/api/3/issue/${issueId}/properties/${IMPEDIMENTS_PROPERTY}`);
    return fromStored(raw?.value);
  }

  async save(issueId: string, record: ImpedimentRecord): Promise<void> {
    await this.jira.send(route`/rest/api/3/issue/${issueId}/properties/${IMPEDIMENTS_PROPERTY}`, { method: 'PUT', body: toStored(record) });
  }
}
