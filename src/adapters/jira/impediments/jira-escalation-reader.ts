import { route } from '@forge/api';
import { z } from 'zod';
import type { EscalationReader, EscalationSource, OwningItem } from '../../../application/impediments/ports';
import { isPlanningItemType, type WorkItem } from '../../../domain/work-item/work-item';
import type { JiraClient } from '../jira-client';
import type { JiraWorkItemReader } from '../jira-work-item-reader';

/** Parent hops walked at most (sub-task > story > feature > epic > initiative...). */
const MAX_DEPTH = 6;
const MAX_BULK = 100;

const linkedSchema = z.object({ key: z.string(), fields: z.object({ status: z.object({ statusCategory: z.object({ key: z.string() }) }).optional() }).loose().optional() });
const escalationFieldsSchema = z.object({
  priority: z.object({ name: z.string() }).nullish(),
  labels: z.array(z.string()).nullish(),
  issuelinks: z
    .array(z.object({ type: z.object({ name: z.string(), inward: z.string().optional(), outward: z.string().optional() }), inwardIssue: linkedSchema.optional(), outwardIssue: linkedSchema.optional() }))
    .nullish(),
});
const bulkSchema = z.object({ issues: z.array(z.object({ key: z.string(), fields: z.object({ summary: z.string() }).loose() })).default([]) });

/** Jira's "Blocks" link type: the issue listed as `inwardIssue` blocks this one. */
const isBlocksType = (t: { name: string; inward?: string | undefined }): boolean => t.name === 'Blocks' || t.inward === 'is blocked by';

/**
 * Reads what detection needs over Jira REST v3, as whoever the client acts for: the work item (through the
 * planning reader, which knows the site's Flagged field), its priority, labels and "Blocks" links, and its
 * parents up to the first planning-level item.
 */
export class JiraEscalationReader implements EscalationReader {
  constructor(private readonly jira: JiraClient, private readonly items: JiraWorkItemReader) {}

  async readSource(issueIdOrKey: string): Promise<EscalationSource | null> {
    const [item, raw] = await Promise.all([
      this.items.getWorkItem(issueIdOrKey),
      this.jira.json<{ fields?: unknown }>(route`/rest/api/3/issue/${issueIdOrKey}?fields=priority,labels,issuelinks`),
    ]);
    if (!item || !raw) return null;
    const f = escalationFieldsSchema.parse(raw.fields ?? {});
    const links = f.issuelinks ?? [];
    const blockers = links.flatMap((l) => (isBlocksType(l.type) && l.inwardIssue ? [{ key: l.inwardIssue.key, resolved: l.inwardIssue.fields?.status?.statusCategory.key === 'done' }] : []));
    return {
      facts: { id: item.id, key: item.key, flagged: item.flagged, priority: f.priority?.name ?? null, labels: f.labels ?? [], blockers, done: item.status.category === 'done', planningItem: isPlanningItemType(item.issueType) },
      projectKey: item.project.key,
      owner: await this.owningItem(item),
      blocks: links.flatMap((l) => (isBlocksType(l.type) && l.outwardIssue ? [l.outwardIssue.key] : [])),
    };
  }

  private async owningItem(start: WorkItem): Promise<OwningItem | null> {
    let item: WorkItem | null = start;
    for (let depth = 0; item && depth <= MAX_DEPTH; depth++) {
      if (isPlanningItemType(item.issueType)) return { id: item.id, key: item.key, summary: item.summary, projectKey: item.project.key, techLead: item.assignee?.accountId ?? null };
      item = item.parentKey ? await this.items.getWorkItem(item.parentKey) : null;
    }
    return null;
  }

  async summaries(issueKeys: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const keys = [...new Set(issueKeys)];
    for (let i = 0; i < keys.length; i += MAX_BULK) {
      const raw = await this.jira.json<unknown>(route`/rest/api/3/issue/bulkfetch`, { method: 'POST', readOnly: true, body: { issueIdsOrKeys: keys.slice(i, i + MAX_BULK), fields: ['summary'] } });
      for (const issue of bulkSchema.parse(raw ?? {}).issues) out.set(issue.key, issue.fields.summary);
    }
    return out;
  }
}
