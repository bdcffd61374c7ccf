import type { ReviewNotifier } from '../../src/application/planning/ports';
import type { ProjectMembers, ReviewSettingsStore } from '../../src/application/project-settings/ports';
import type { PersonRef } from '../../src/domain/planning-record/model';
import type { AdfDoc } from '../../src/domain/planning-record/review-notice';
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from '../../src/domain/planning-record/review-settings';

/** Review settings in memory (the defaults until saved). */
export class MemoryReviewSettings implements ReviewSettingsStore {
  readonly values = new Map<string, ReviewSettings>();
  async get(projectKey: string): Promise<ReviewSettings> {
    return this.values.get(projectKey) ?? DEFAULT_REVIEW_SETTINGS;
  }
  async save(projectKey: string, settings: ReviewSettings): Promise<void> {
    this.values.set(projectKey, settings);
  }
}

/** Keeps the comments the app would add; `failWith` makes the next ones fail. */
export class RecordingNotifier implements ReviewNotifier {
  readonly comments: Array<{ issue: string; body: AdfDoc }> = [];
  failWith: Error | null = null;
  async comment(issue: string, body: AdfDoc): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.comments.push({ issue, body });
  }
}

/** Who can browse which project: `browsers` lists the account ids that can. */
export function members(browsers: PersonRef[]): ProjectMembers {
  return {
    searchBrowsers: async (_project, q) => browsers.filter((p) => p.displayName.toLowerCase().includes(q.toLowerCase())),
    canBrowse: async (_project, accountId) => browsers.some((p) => p.accountId === accountId),
  };
}
