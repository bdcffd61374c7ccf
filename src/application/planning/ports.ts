import type { DecompositionItem } from '../../domain/decomposition/decomposition';
import type { ItemSummary } from '../../domain/item-summary/item-summary';
import type { AuthorityLedger, Digest } from '../../domain/planning-record/authority';
import type { ContextStatus, PersonRef, PlanningRecord, SpecStatus } from '../../domain/planning-record/model';
import type { AdfDoc } from '../../domain/planning-record/review-notice';

export type RecordRead = { ok: true; record: PlanningRecord } | { ok: false; reason: string };

/** The planning record as stored on the issue; the adapter owns the stored format and its migrations. */
export interface PlanningRecordStore {
  load(issueIdOrKey: string): Promise<RecordRead>;
  save(issueIdOrKey: string, record: PlanningRecord): Promise<void>;
}

/** A child of an item with what is stored on it about its planning. */
export interface ChildWithPlanning {
  item: DecompositionItem;
  /** Null when the app never wrote one (or the stored value is not one it could have written). */
  summary: ItemSummary | null;
  record: RecordRead;
}

/** Reads an item's children together with their stored planning state (the Decomposition tab's list). */
export interface ChildrenWithPlanningReader {
  listChildrenWithPlanning(parentKey: string): Promise<ChildWithPlanning[]>;
}

/** The app's own copy of what it last wrote per issue (keyed by issue id, so it survives a move). */
export interface AuthorityLedgerStore {
  get(issueId: string): Promise<AuthorityLedger | null>;
  set(issueId: string, ledger: AuthorityLedger | null): Promise<void>;
}

/** Publishes the lozenge Jira shows on the collapsed side panel of an issue. */
export interface ContextStatusPublisher {
  current(issueIdOrKey: string): Promise<ContextStatus | null>;
  publish(issueIdOrKey: string, status: ContextStatus): Promise<void>;
}

/** A held per-issue lease. */
export interface Lease {
  /** Throws (nothing saved) when the lease may no longer be ours: a writer that lost it must not write. */
  assertHeld(): void;
  /** Keeps the lease until `settled` finishes (a write whose answer did not come in time). */
  holdUntil(settled: Promise<unknown>): void;
}

/** Serialises writes to one issue's record. */
export interface IssueLock {
  withLock<T>(issueKey: string, work: (lease: Lease) => Promise<T>): Promise<T>;
}

export type { Digest };

/** Tells people about a review step with a Jira comment on the issue (as the acting user). */
export interface ReviewNotifier {
  comment(issueIdOrKey: string, body: AdfDoc): Promise<void>;
}

/** A spec in the review loop, as the project page lists it. */
export interface ReviewQueueEntry {
  key: string;
  summary: string;
  issueTypeName: string;
  /** From the item summary: the status the app verified (what JQL finds). */
  specStatus: SpecStatus;
  author: PersonRef | null;
  changesRequest: PlanningRecord['review']['changesRequest'];
  /** When the spec last changed (its last history entry), to sort the oldest waiting first. */
  changedAt: string | null;
}

/** Reads the specs a JQL finds, with their summary and planning record (the portfolio scan, as the user). */
export interface ReviewQueueReader {
  read(jql: string): Promise<{ entries: ReviewQueueEntry[]; warnings: string[] }>;
}
