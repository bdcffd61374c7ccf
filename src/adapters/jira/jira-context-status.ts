import { getAppContext, route } from '@forge/api';
import type { ContextStatus } from '../../domain/planning-record/model';
import { z } from 'zod';
import type { ContextStatusPublisher } from '../../application/planning/ports';
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

const contextStatusSchema = z
  .object({ type: z.literal('lozenge'), value: z.object({ label: z.string(), type: z.enum(['default', 'inprogress', 'moved', 'success']) }).strict() })
  .strict();

export class JiraContextStatusPublisher implements ContextStatusPublisher {
  constructor(private readonly jira: JiraClient) {}

  async current(issueIdOrKey: string): Promise<ContextStatus | null> {
    const raw = await this.jira.json<{ value?: unknown }>(route`/rest/api/3/issue/${issueIdOrKey}/properties/${this.key()}`);
    const parsed = contextStatusSchema.safeParse(raw?.value);
    return parsed.success ? parsed.data : null;
  }

  async publish(issueIdOrKey: string, status: ContextStatus): Promise<void> {
    await this.jira.send(route`/rest/api/3/issue/${issueIdOrKey}/properties/${this.key()}`, { method: 'PUT', body: status });
  }

  private key(): string {
    return contextStatusPropertyKey(getAppContext().appAri.appId);
  }
}
