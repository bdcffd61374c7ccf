import { route } from '@forge/api';
import type { ItemSummaryStore } from '../../../application/item-summary/ports';
import type { ItemSummary } from '../../../domain/item-summary/item-summary';
import type { JiraClient } from '../jira-client';
import { fromStored, toStored } from './stored-format';

/**
 * The compact summary property that manifest.yml indexes for JQL. Only the app writes it; the trigger on
 * `avi:jira:set:issue-property` repairs any other write.
 * @see https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/
 */
export const ITEM_SUMMARY_PROPERTY = 'planning-readiness-summary';

export class JiraItemSummaryStore implements ItemSummaryStore {
  constructor(private readonly jira: JiraClient) {}

  async load(issueIdOrKey: string): Promise<ItemSummary | null> {
    const raw = await this.jira.json<{ value?: unknown }>(route`/rest/api/3/issue/${issueIdOrKey}/properties/${ITEM_SUMMARY_PROPERTY}`);
    return fromStored(raw?.value);
  }

  async save(issueIdOrKey: string, summary: ItemSummary): Promise<void> {
    await this.jira.send(route`/rest/api/3/issue/${issueIdOrKey}/properties/${ITEM_SUMMARY_PROPERTY}`, { method: 'PUT', body: toStored(summary) });
  }
}
