import { getAppContext, route } from '@forge/api';
import type { ContextStatus } from '../../domain/planning-record/model';
import type { ContextStatusPublisher } from '../../application/shared/ports';
import type { JiraClient } from './jira-client';

/** The module whose collapsed panel shows the status (manifest.yml `jira:issueContext` key). */
export const CONTEXT_MODULE_KEY = 'readiness-context';

/**
 * The issue property Jira reads for an issue context panel's status, as documented for Connect apps
 * (`com.atlassian.jira.issue:<app key>:<module key>:status`). For Forge apps the app key in it is not
 * documented; this uses the app's id. The panel's own content shows the spec status either way.
 * @see https://developer.atlassian.com/cloud/jira/platform/modules/issue-context/
 */
export function contextStatusPropertyKey(appId: string): string {
  return `com.atlassian.jira.issue:${appId}:${CONTEXT_MODULE_KEY}:status`;
}

export class JiraContextStatusPublisher implements ContextStatusPublisher {
  constructor(private readonly jira: JiraClient) {}

  async publish(issueKey: string, status: ContextStatus): Promise<void> {
    const key = contextStatusPropertyKey(getAppContext().appAri.appId);
    await this.jira.send(route`/rest/api/3/issue/${issueKey}/properties/${key}`, { method: 'PUT', body: status });
  }
}
