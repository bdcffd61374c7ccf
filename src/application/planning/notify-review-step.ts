import type { PersonRef, PlanningRecord } from '../../domain/planning-record/model';
import { reviewEventOf, reviewNotice } from '../../domain/planning-record/review-notice';
import type { Deadline } from '../shared/deadline';
import type { ReviewSettingsStore } from '../project-settings/ports';
import type { ViewContext } from './get-planning-view';
import type { ReviewNotifier } from './ports';

export interface NotifyDeps {
  reviewSettings: ReviewSettingsStore;
  notifier: ReviewNotifier;
  deadline: Deadline;
}

/** Time a Jira comment needs; with less left the notice is skipped and the user is told. */
const MIN_COMMENT_MS = 1_500;

/**
 * After a saved submission, approval or request for changes: a Jira comment on the issue mentioning the
 * architects or the author, unless the project switched notices off. The save has landed whatever happens
 * here, so a failure is a warning on it, never an error.
 */
export async function notifyReviewStep(deps: NotifyDeps, context: ViewContext, actor: PersonRef, before: PlanningRecord, after: PlanningRecord): Promise<string[]> {
  const event = reviewEventOf(before, after);
  if (!event) return [];
  const failed = ['Saved, but the Jira comment that tells people about it could not be added; tell them yourself.'];
  try {
    const settings = await deps.reviewSettings.get(context.item.project.key);
    if (!settings.notifyByComment) return [];
    if (!deps.deadline.allows(MIN_COMMENT_MS)) return failed;
    await deps.notifier.comment(context.item.id, reviewNotice(event, after, { actor, architects: context.settings.architects }));
    return [];
  } catch {
    return failed;
  }
}
