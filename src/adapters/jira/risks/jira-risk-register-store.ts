import { route } from '@forge/api';
import type { RegisterRead, RiskRegisterStore } from '../../../application/risks/ports';
import type { RiskRegister } from '../../../domain/risks/model';
import type { JiraClient } from '../jira-client';
import { readStoredRegister, toStoredRegister } from './stored-format';

/** The issue entity property that holds the risk register (readable over REST by anyone who can see the issue). */
export const RISK_REGISTER_PROPERTY = 'planning-readiness-risks';

export class JiraRiskRegisterStore implements RiskRegisterStore {
  constructor(private readonly jira: JiraClient) {}

  async load(issueIdOrKey: string): Promise<RegisterRead> {
    const raw = await this.jira.json<{ value?: unknown }>(route`/rest/api/3/issue/${issueIdOrKey}/properties/${RISK_REGISTER_PROPERTY}`);
    return readStoredRegister(raw?.value);
  }

  async save(issueIdOrKey: string, register: RiskRegister): Promise<void> {
    await this.jira.send(route`/rest/api/3/issue/${issueIdOrKey}/properties/${RISK_REGISTER_PROPERTY}`, { method: 'PUT', body: toStoredRegister(register) });
  }
}
