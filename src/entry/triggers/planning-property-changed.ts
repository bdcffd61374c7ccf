import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { ITEM_SUMMARY_PROPERTY } from '../../adapters/jira/item-summary/jira-item-summary-store';
import { AppFailure } from '../../application/shared/errors';
import { PROPERTY_REPAIRS, type PropertyRepair } from './property-repairs';

/**
 * Trigger on `avi:jira:set:issue-property` / `avi:jira:deleted:issue-property` (manifest filter
 * `ignoreSelf: true`): when someone writes one of the app's properties outside the app, the JQL summary and
 * the side panel's lozenge are recomputed from the verified records (see property-repairs.ts). Events come at least once and in any
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

/** The repairs a change of this property calls for: all of them for the summary or an unnamed property. */
function repairsFor(key: string | undefined): PropertyRepair[] {
  if (key === undefined || key === ITEM_SUMMARY_PROPERTY) return PROPERTY_REPAIRS;
  return PROPERTY_REPAIRS.filter((r) => r.owns(key));
}

/** How long Forge waits before delivering the event again when Jira or the app's storage is unavailable. */
export const RETRY_AFTER_SECONDS = 60;

export async function planningPropertyChanged(event: unknown): Promise<{ outcome: string } | InvocationError> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return { outcome: 'ignored: not an issue property event' };
  const e = parsed.data;
  const key = e.propertyKey ?? e.property?.key;
  const repairs = repairsFor(key);
  if (repairs.length === 0) return { outcome: 'ignored: not an app property' };
  const issueId = String(e.issue?.id ?? e.entityId ?? e.issueId ?? '');
  if (!ISSUE_ID.test(issueId)) return { outcome: 'ignored: no issue id' };
  try {
    const outcomes: string[] = [];
    // One after another: each repair takes the issue's lease and publishes its own section of the summary.
    for (const r of repairs) outcomes.push(`${r.feature} ${await r.repair(issueId)}`);
    const outcome = outcomes.join(', ');
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
