import type { ReviewNotifier } from '../../src/application/planning/ports';
import { access, ampleDeadline, childrenWithPlanning, digest, MemoryLedger, MemoryLock, MemoryRecordStore, MemorySettings, MemorySummaryStore, reader, RecordingStatusPublisher, users, workItem } from './fakes';
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

/** Everything `updatePlanningRecord` needs, as fakes, acting as `me` on the fakes' PAY-1 at a fixed time. */
export function fakeUpdateDeps(me: PersonRef) {
  const fakes = {
    reader: reader(workItem()),
    store: new MemoryRecordStore(),
    ledger: new MemoryLedger(),
    itemSummary: new MemorySummaryStore(),
    lock: new MemoryLock(),
    access: access(),
    settings: new MemorySettings(),
    users: users(me),
    contextStatus: new RecordingStatusPublisher(),
    digest,
    deadline: ampleDeadline(),
    now: () => new Date('2026-11-24T10:00:00Z'),
    newId: () => 'link1',
    reviewSettings: new MemoryReviewSettings(),
    notifier: new RecordingNotifier(),
  };
  return { ...fakes, childrenWithPlanning: childrenWithPlanning(fakes) };
}
