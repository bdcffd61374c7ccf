import type { InvocationError } from '@forge/events';
import { z } from 'zod';
import { refreshFor } from './readiness-events';

const id = z.union([z.string(), z.number()]).transform(String);
const eventSchema = z.object({ sourceIssueId: id, destinationIssueId: id }).loose();

/**
 * Trigger on `avi:jira:created:issuelink` and `avi:jira:deleted:issuelink`: both ends (and their ancestors)
 * are rescored, so readiness follows the dependency counts the dependencies feature publishes.
 */
export async function readinessLinkChanged(event: unknown): Promise<{ outcome: string } | InvocationError> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return { outcome: 'ignored: not an issue link event' };
  return refreshFor('readiness-link-changed', [parsed.data.sourceIssueId, parsed.data.destinationIssueId]);
}
