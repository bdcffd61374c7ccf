import type { InvocationError } from '@forge/events';
import { z } from 'zod';
import { refreshFor } from './readiness-events';

const id = z.union([z.string(), z.number()]).transform(String);
const eventSchema = z
  .object({
    issue: z.object({ id }).loose(),
    changelog: z.object({ items: z.array(z.object({ fieldId: z.string().optional(), field: z.string().optional(), from: z.string().nullable().optional(), to: z.string().nullable().optional() }).loose()) }).loose().optional(),
  })
  .loose();

/**
 * Trigger on `avi:jira:created:issue` and `avi:jira:updated:issue`: an epic or feature changed (assignee,
 * type), or a child was created, moved or estimated. The issue and its ancestors are refreshed; a move also
 * refreshes the old parent's line (the changelog's `parent` item names it).
 */
export async function readinessIssueChanged(event: unknown): Promise<{ outcome: string } | InvocationError> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return { outcome: 'ignored: not an issue event' };
  const { issue, changelog } = parsed.data;
  const oldParents = (changelog?.items ?? []).filter((i) => i.fieldId === 'parent' || i.field === 'IssueParentAssociation').flatMap((i) => (i.from ? [i.from] : []));
  return refreshFor('readiness-issue-changed', [issue.id, ...oldParents]);
}
