import { readStoredRecord, toStoredRecord } from '../../src/adapters/jira/planning-record/stored-format';
import { sha256 } from '../../src/adapters/crypto/sha256';
import type { AuthorityLedger } from '../../src/domain/planning-record/authority';
import type { DecompositionItem } from '../../src/domain/decomposition/decomposition';
import type { ContextStatus, PersonRef, PlanningRecord } from '../../src/domain/planning-record/model';
import type { ItemSummary } from '../../src/domain/item-summary/item-summary';
import type { ItemSummaryStore } from '../../src/application/item-summary/ports';
import { DEFAULT_PROJECT_SETTINGS, type ProjectSettings } from '../../src/domain/project-settings/project-settings';
import type { WorkItem } from '../../src/domain/work-item/work-item';
import type { AuthorityLedgerStore, ChildrenWithPlanningReader, ContextStatusPublisher, IssueLock, Lease, PlanningRecordStore, RecordRead } from '../../src/application/planning/ports';
import type { ProjectSettingsStore } from '../../src/application/project-settings/ports';
import { Deadline } from '../../src/application/shared/deadline';
import { AppFailure } from '../../src/application/shared/errors';
import type { AccessChecker, ProjectInfo, UserDirectory, WorkItemReader } from '../../src/application/shared/ports';

/** In-memory stand-ins for the ports, with builders that take overrides. The record store keeps stored JSON. */
export class MemoryRecordStore implements PlanningRecordStore {
  readonly saved = new Map<string, unknown>();
  saves = 0;
  /** Set to make the next save fail with this error. */
  failNextSave: Error | null = null;
  async load(issueId: string): Promise<RecordRead> {
    return readStoredRecord(structuredClone(this.saved.get(issueId)));
  }
  async save(issueId: string, record: PlanningRecord): Promise<void> {
    const failure = this.failNextSave;
    this.failNextSave = null;
    if (failure) throw failure;
    this.saves += 1;
    this.saved.set(issueId, structuredClone(toStoredRecord(record)));
  }
}

export class MemoryLedger implements AuthorityLedgerStore {
  readonly values = new Map<string, AuthorityLedger>();
  down = false;
  async get(issueId: string): Promise<AuthorityLedger | null> {
    if (this.down) throw new AppFailure('UNAVAILABLE', 'storage down');
    return structuredClone(this.values.get(issueId) ?? null);
  }
  async set(issueId: string, ledger: AuthorityLedger | null): Promise<void> {
    if (this.down) throw new AppFailure('UNAVAILABLE', 'storage down');
    if (ledger) this.values.set(issueId, structuredClone(ledger));
    else this.values.delete(issueId);
  }
}

export class MemorySummaryStore implements ItemSummaryStore {
  readonly values = new Map<string, ItemSummary>();
  saves = 0;
  failSaves = false;
  async load(issueId: string): Promise<ItemSummary | null> {
    return structuredClone(this.values.get(issueId) ?? null);
  }
  async save(issueId: string, summary: ItemSummary): Promise<void> {
    if (this.failSaves) throw new AppFailure('UNAVAILABLE', 'Jira down');
    this.saves += 1;
    this.values.set(issueId, structuredClone(summary));
  }
}

/** A real mutual exclusion per key, so concurrency tests exercise the use case's read-apply-write. */
export class MemoryLock implements IssueLock {
  private tails = new Map<string, Promise<unknown>>();
  readonly heldUntil: Array<Promise<unknown>> = [];
  async withLock<T>(key: string, work: (lease: Lease) => Promise<T>): Promise<T> {
    const lease: Lease = { assertHeld: () => undefined, holdUntil: (p) => void this.heldUntil.push(p) };
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(() => work(lease), () => work(lease));
    this.tails.set(key, run.catch(() => undefined));
    return run;
  }
}

export const digest = sha256;
export const ampleDeadline = (): Deadline => Deadline.after(60_000);

export function access(overrides: Partial<{ edit: boolean | null; admin: boolean | null }> = {}): AccessChecker {
  return {
    canEditIssue: async () => (overrides.edit === undefined ? true : overrides.edit),
    canAdministerProject: async () => (overrides.admin === undefined ? false : overrides.admin),
  };
}

export function users(me: PersonRef, known: PersonRef[] = []): UserDirectory {
  return { me: async () => me, search: async (q) => known.filter((p) => p.displayName.toLowerCase().includes(q.toLowerCase())), byIds: async (ids) => known.filter((p) => ids.includes(p.accountId)) };
}

export class MemorySettings implements ProjectSettingsStore {
  readonly values = new Map<string, ProjectSettings>();
  async get(projectKey: string): Promise<ProjectSettings> {
    return this.values.get(projectKey) ?? DEFAULT_PROJECT_SETTINGS;
  }
  async save(projectKey: string, settings: ProjectSettings): Promise<void> {
    this.values.set(projectKey, settings);
  }
}

export function workItem(overrides: Partial<WorkItem> = {}): WorkItem {
  return {
    id: '1', key: 'PAY-1', summary: 'Epic', project: { key: 'PAY', name: 'Payments' },
    issueType: { id: '10000', name: 'Epic', hierarchyLevel: 2, iconUrl: null },
    status: { name: 'To Do', category: 'new' }, assignee: null, parentKey: null, fixVersions: [], team: null, flagged: false,
    ...overrides,
  };
}

export function reader(item: WorkItem | null, children: DecompositionItem[] = [], project: ProjectInfo | null = null): WorkItemReader & { childCalls: string[][] } {
  const childCalls: string[][] = [];
  return {
    childCalls,
    getWorkItem: async () => item,
    getProject: async () => project,
    listChildren: async (keys) => {
      childCalls.push(keys);
      return children.filter((c) => c.parentKey !== null && keys.includes(c.parentKey));
    },
  };
}

/** The children with their planning state, read through the test's own reader, record store and summaries. */
export function childrenWithPlanning(deps: { reader: WorkItemReader; store: PlanningRecordStore; itemSummary: ItemSummaryStore }): ChildrenWithPlanningReader {
  return {
    listChildrenWithPlanning: async (parentKey) =>
      Promise.all((await deps.reader.listChildren([parentKey])).map(async (item) => ({ item, summary: await deps.itemSummary.load(item.key), record: await deps.store.load(item.key) }))),
  };
}

export class RecordingStatusPublisher implements ContextStatusPublisher {
  readonly published: Array<[string, ContextStatus]> = [];
  async current(issueId: string): Promise<ContextStatus | null> {
    return [...this.published].reverse().find(([id]) => id === issueId)?.[1] ?? null;
  }
  async publish(issueId: string, status: ContextStatus): Promise<void> {
    this.published.push([issueId, status]);
  }
}
