import { route } from '@forge/api';
import { z } from 'zod';
import type { EscalationNotifier } from '../../../application/impediments/ports';
import type { EscalationSettings } from '../../../domain/impediments/settings';
import type { JiraClient } from '../jira-client';
import type { JiraWorkItemReader } from '../jira-work-item-reader';

/** The Flagged field's one option, as Jira Software sets it. */
const IMPEDIMENT_OPTION = [{ value: 'Impediment' }];

/**
 * Comments and field changes on the owning item, as the app. A comment mentions the person (an ADF mention,
 * so Jira notifies them); the field signal is written only when it differs, so repeated events change nothing.
 * @see https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/mention/
 */
export class JiraEscalationNotifier implements EscalationNotifier {
  constructor(private readonly jira: JiraClient, private readonly items: JiraWorkItemReader) {}

  async comment(issueKey: string, mention: string | null, text: string): Promise<void> {
    const content = [...(mention ? [{ type: 'mention', attrs: { id: mention } }] : []), { type: 'text', text: mention ? text : text.trimStart() }];
    await this.jira.json(route`/rest/api/3/issue/${issueKey}/comment`, { method: 'POST', body: { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content }] } } });
  }

  async signal(issueKey: string, settings: EscalationSettings, on: boolean): Promise<void> {
    if (settings.fieldSignal === 'LABEL') {
      const raw = await this.jira.json<{ fields?: unknown }>(route`/rest/api/3/issue/${issueKey}?fields=labels`);
      const labels = z.object({ labels: z.array(z.string()).nullish() }).parse(raw?.fields ?? {}).labels ?? [];
      if (labels.includes(settings.signalLabel) === on) return;
      await this.jira.send(route`/rest/api/3/issue/${issueKey}`, { method: 'PUT', body: { update: { labels: [{ [on ? 'add' : 'remove']: settings.signalLabel }] } } });
    } else if (settings.fieldSignal === 'FLAG') {
      const [item, ids] = await Promise.all([this.items.getWorkItem(issueKey), this.items.fieldIds()]);
      if (!item || !ids.flagged || item.flagged === on) return;
      await this.jira.send(route`/rest/api/3/issue/${issueKey}`, { method: 'PUT', body: { fields: { [ids.flagged]: on ? IMPEDIMENT_OPTION : null } } });
    }
  }
}
