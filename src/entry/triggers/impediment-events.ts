import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { detectImpediments } from '../../application/impediments/detect-impediments';
import { AppFailure } from '../../application/shared/errors';
import { asAppEscalationDeps } from '../../composition';
import { RETRY_AFTER_SECONDS } from './planning-property-changed';

/**
 * Trigger on `avi:jira:updated:issue`, `avi:jira:created:issuelink` and `avi:jira:deleted:issuelink`
 * (manifest filters, `ignoreSelf: true`). The event only says WHICH issues to look at: detection reads
 * their current state, so a redelivered, late or reordered event has no further effect. For a link, both
 * ends are recomputed (the blocked one gains or loses a "blocked by" impediment).
 */
const id = z.union([z.string(), z.number()]).transform(String);
const eventSchema = z
  .object({
    issue: z.object({ id }).loose().optional(),
    sourceIssueId: id.optional(),
    destinationIssueId: id.optional(),
    atlassianId: z.string().optional(),
  })
  .loose();

const ISSUE_ID = /^[1-9][0-9]{0,17}$/;

export async function impedimentEvent(event: unknown): Promise<{ outcome: string } | InvocationError> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return { outcome: 'ignored: not an issue or link event' };
  const e = parsed.data;
  const ids = [e.issue?.id, e.destinationIssueId, e.sourceIssueId].filter((i): i is string => i !== undefined && ISSUE_ID.test(i));
  if (ids.length === 0) return { outcome: 'ignored: no issue id' };
  try {
    const deps = asAppEscalationDeps();
    const outcomes: string[] = [];
    for (const issueId of [...new Set(ids)]) outcomes.push(...(await detectImpediments(deps, issueId, e.atlassianId ?? null)));
    const outcome = outcomes.join('; ');
    console.info(`[impediment-events] ${outcome}`);
    return { outcome };
  } catch (err) {
    if (err instanceof AppFailure && err.code === 'UNAVAILABLE') {
      console.warn(`[impediment-events] issues ${ids.join(', ')}: ${err.message} Retrying in ${RETRY_AFTER_SECONDS} s.`);
      return new InvocationError({ retryAfter: RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
    }
    throw err;
  }
}
