import { escalateIssue } from '../../application/impediments/escalate-issue';
import { AppFailure } from '../../application/shared/errors';
import { asAppEscalationDeps, asUserDeps } from '../../composition';
import { escalationInputSchema, inputProblem } from '../../shared/payloads/escalations';

/**
 * The Automation action "Escalate to technical leadership" (`automation:actionProvider`). Automation calls it
 * with the inputs configured in the rule (`issueKey` = `{{issue.key}}`, `reason`, `severity`), as the rule's
 * user: that user must be able to edit the issue. Failures come back as `{ errors: [{ message }] }`, which
 * fails the rule and shows the messages in its audit log.
 * @see https://developer.atlassian.com/platform/forge/manifest-reference/modules/automation-action/
 */
type ActionAnswer = { errors: Array<{ message: string }> } | { result: string };

const fail = (message: string): ActionAnswer => ({ errors: [{ message }] });

export async function escalateAction(inputs: unknown, context?: { principal?: { accountId?: string } }): Promise<ActionAnswer> {
  const parsed = escalationInputSchema.safeParse(inputs ?? {});
  if (!parsed.success) return fail(`Escalate to technical leadership: ${inputProblem(parsed.error)}`);
  const actor = context?.principal?.accountId ?? null;
  if (!actor) return fail('Escalate to technical leadership runs as the rule actor, and this rule has none.');
  try {
    const done = await escalateIssue(asAppEscalationDeps(), asUserDeps().access, { ...parsed.data, actor });
    for (const w of done.warnings) console.warn(`[escalate-action] ${done.ownerKey}: ${w}`);
    return { result: done.raised ? `Escalated ${done.issueKey} to the tech lead of ${done.ownerKey}.` : `${done.issueKey} was already escalated on ${done.ownerKey}.` };
  } catch (e) {
    if (e instanceof AppFailure) return fail(`Could not escalate ${parsed.data.issueKey}: ${e.message}`);
    console.error('[escalate-action] unexpected error', e instanceof Error ? (e.stack ?? e.message) : e);
    return fail(`Could not escalate ${parsed.data.issueKey}: something went wrong in the app. Try again; if it keeps happening, tell your Jira admin.`);
  }
}
