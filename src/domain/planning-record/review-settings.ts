/**
 * A project's review settings (KVS key `settings:review:<projectKey>`), apart from the planning settings so
 * each feature's settings change on their own.
 */
export interface ReviewSettings {
  /** Whether submitting, approving and requesting changes add a Jira comment that mentions the people concerned. */
  notifyByComment: boolean;
}

/** Notifications are on until an administrator switches them off. */
export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { notifyByComment: true };
