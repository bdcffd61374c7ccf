import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { recomputeDependencyFacts } from '../../application/dependencies/publish-dependency-facts';
import { AppFailure } from '../../application/shared/errors';
import { dependencyFactsDeps } from '../../composition';

/**
 * Trigger on `avi:jira:created:issuelink`, `avi:jira:deleted:issuelink` and `avi:jira:updated:issue`: keeps
 * `openDependencies`, `lateDependencies` and `dependencyCycle` current when links change in Jira's own UI or
 * over REST, or when an issue's due date, fix versions or status move. It recomputes the affected issues from
 * the current state (both ends of a link, the dependents of an updated issue, every issue on a cycle through
 * them, and issues whose cycle is gone), so duplicate and reordered events write nothing more.
 */
const id = z.union([z.string(), z.number()]).transform(String);
const linkEvent = z.object({ sourceIssueId: id, destinationIssueId: id }).loose();
const issueEvent = z
  .object({
    issue: z.object({ id }).loose(),
    changelog: z.object({ items: z.array(z.object({ fieldId: z.string().optional(), field: z.string().optional() }).loose()) }).loose().optional(),
  })
  .loose();

/** Changes of these fields move dependency dates or delivery. */
const RELEVANT_FIELDS = new Set(['duedate', 'fixVersions', 'status']);

const ISSUE_ID = /^[1-9][0-9]{0,17}$/;
export const DEPENDENCY_RETRY_AFTER_SECONDS = 30;

export async function dependencyChanged(event: unknown): Promise<{ outcome: string } | InvocationError> {
  const target = affectedBy(event);
  if (!target) return { outcome: 'ignored: no dependency change' };
  try {
    const { published } = await recomputeDependencyFacts(dependencyFactsDeps(), target.issueIds, { withDependents: target.withDependents });
    const outcome = Object.entries(published).map(([issue, o]) => `${issue} ${o}`).join(', ') || 'nothing to publish';
    console.info(`[dependency-changed] ${target.issueIds.join(', ')}: ${outcome}`);
    return { outcome };
  } catch (e) {
    // Jira or the app's storage is unavailable: Forge delivers the event again; the recompute starts from the current state.
    if (e instanceof AppFailure && e.code === 'UNAVAILABLE') {
      return new InvocationError({ retryAfter: DEPENDENCY_RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
    }
    throw e;
  }
}

function affectedBy(event: unknown): { issueIds: string[]; withDependents: boolean } | null {
  const link = linkEvent.safeParse(event);
  if (link.success) {
    const ids = [link.data.sourceIssueId, link.data.destinationIssueId].filter((i) => ISSUE_ID.test(i));
    return ids.length > 0 ? { issueIds: ids, withDependents: false } : null;
  }
  const issue = issueEvent.safeParse(event);
  if (!issue.success || !ISSUE_ID.test(issue.data.issue.id)) return null;
  const relevant = (issue.data.changelog?.items ?? []).some((i) => RELEVANT_FIELDS.has(i.fieldId ?? i.field ?? ''));
  return relevant ? { issueIds: [issue.data.issue.id], withDependents: true } : null;
}
