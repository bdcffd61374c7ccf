import { InvocationError, InvocationErrorCode } from '@forge/events';
import { affectedPlanningItems, refreshPlanningFacts } from '../../application/readiness/refresh-planning-facts';
import { AppFailure } from '../../application/shared/errors';
import { asAppDeps } from '../../composition';
import { RETRY_AFTER_SECONDS } from './planning-property-changed';

export const ISSUE_ID = /^[1-9][0-9]{0,17}$/;

/**
 * Refreshes the planning facts and readiness of the epics and features a product event may have changed:
 * the issues it names and their ancestors. Events come at least once and in any order; each refresh reads the
 * current state under the issue's lease and writes only what differs, so duplicates and reordering are
 * harmless. When Jira or the app's storage is unavailable Forge is asked to deliver the event again.
 */
export async function refreshFor(trigger: string, issueIds: string[]): Promise<{ outcome: string } | InvocationError> {
  const ids = [...new Set(issueIds.filter((id) => ISSUE_ID.test(id)))];
  if (ids.length === 0) return { outcome: 'ignored: no issue id' };
  try {
    const deps = asAppDeps();
    const items = await affectedPlanningItems(deps, ids);
    const outcomes: string[] = [];
    // One item after another, each under its own lease, all within this invocation's one budget.
    for (const id of items) outcomes.push(`${id} ${await refreshPlanningFacts(deps, id)}`);
    const outcome = outcomes.length > 0 ? outcomes.join(', ') : 'no epic or feature affected';
    console.info(`[${trigger}] ${ids.join(', ')}: ${outcome}`);
    return { outcome };
  } catch (e) {
    if (e instanceof AppFailure && e.code === 'UNAVAILABLE') {
      console.warn(`[${trigger}] ${ids.join(', ')}: ${e.message} Retrying in ${RETRY_AFTER_SECONDS} s.`);
      return new InvocationError({ retryAfter: RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
    }
    throw e;
  }
}
