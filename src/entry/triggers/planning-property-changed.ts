import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { PLANNING_RECORD_PROPERTY } from '../../adapters/jira/planning-record/jira-planning-record-store';
import { PLANNING_SUMMARY_PROPERTY } from '../../adapters/jira/planning-record/jira-planning-summary-store';
import { CONTEXT_MODULE_KEY } from '../../adapters/jira/jira-context-status';
import { repairPlanningIndex } from '../../application/planning/repair-planning-index';
import { AppFailure } from '../../application/shared/errors';
import { asAppDeps } from '../../composition';

/**
 * Trigger on `avi:jira:set:issue-property` / `avi:jira:deleted:issue-property` (manifest filter
 * `ignoreSelf: true`): when someone writes one of the app's properties outside the app, the JQL summary and
 * the side panel's lozenge are recomputed from the verified record. Events come at least once and in any
 * order; the repair reads the current state and writes only what differs, so a repeat does nothing.
 * The payload is parsed defensively: only the issue id and the property key are used.
 */
const eventSchema = z
  .object({
    issue: z.object({ id: z.union([z.string(), z.number()]) }).partial().optional(),
    entityId: z.union([z.string(), z.number()]).optional(),
    issueId: z.union([z.string(), z.number()]).optional(),
    propertyKey: z.string().optional(),
    property: z.object({ key: z.string() }).partial().optional(),
  })
  .loose();

const ISSUE_ID = /^[1-9][0-9]{0,17}$/;

function isAppProperty(key: string): boolean {
  return key === PLANNING_RECORD_PROPERTY || key === PLANNING_SUMMARY_PROPERTY || key.endsWith(`:${CONTEXT_MODULE_KEY}:status`);
}

/** How long Forge waits before delivering the event again when Jira or the app's storage is unavailable. */
export const RETRY_AFTER_SECONDS = 60;

export async function planningPropertyChanged(event: unknown): Promise<{ outcome: string } | InvocationError> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return { outcome: 'ignored: not an issue property event' };
  const e = parsed.data;
  const key = e.propertyKey ?? e.property?.key;
  if (key !== undefined && !isAppProperty(key)) return { outcome: 'ignored: not an app property' };
  const issueId = String(e.issue?.id ?? e.entityId ?? e.issueId ?? '');
  if (!ISSUE_ID.test(issueId)) return { outcome: 'ignored: no issue id' };
  try {
    const outcome = await repairPlanningIndex(asAppDeps(), issueId);
    console.info(`[planning-property-changed] issue ${issueId} (${key ?? 'unknown property'}): ${outcome}`);
    return { outcome };
  } catch (e) {
    // Jira or the app's storage is unavailable: ask Forge to deliver the event again (at most 4 times). The
    // repair starts from the current state, so a late or repeated delivery is harmless.
    if (e instanceof AppFailure && e.code === 'UNAVAILABLE') {
      console.warn(`[planning-property-changed] issue ${issueId}: ${e.message} Retrying in ${RETRY_AFTER_SECONDS} s.`);
      return new InvocationError({ retryAfter: RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
    }
    throw e;
  }
}
