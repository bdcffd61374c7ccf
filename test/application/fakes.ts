import type { DecompositionItem } from '../../src/domain/decomposition/decomposition';
import type { ContextStatus, PersonRef, PlanningRecord } from '../../src/domain/planning-record/model';
import { DEFAULT_PROJECT_SETTINGS, type ProjectSettings } from '../../src/domain/project-settings/project-settings';
import type { WorkItem } from '../../src/domain/work-item/work-item';
import type { AccessChecker, ContextStatusPublisher, IssueLock, Page, PlanningRecordStore, ProjectInfo, ProjectSettingsStore, UserDirectory, WorkItemReader } from '../../src/application/shared/ports';

/** In-memory stand-ins for the ports, with builders that take overrides. */
export class MemoryRecordStore implements PlanningRecordStore {
  readonly saved = new Map<string, unknown>();
  saves = 0;
  async load(issueKey: string): Promise<unknown> {
    return structuredClone(this.saved.get(issueKey));
  }
  async save(issueKey: string, record: PlanningRecord): Promise<void> {
    this.saves += 1;
    this.saved.set(issueKey, structuredClone(record));
  }
}

/** A real mutual exclusion per key, so concurrency tests exercise the use case's read-apply-write. */
export class MemoryLock implements IssueLock {
  private tails = new Map<string, Promise<unknown>>();
  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    this.tails.set(key, run.catch(() => undefined));
    return run;
  }
}

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
    listWorkItems: async (): Promise<Page<WorkItem>> => ({ items: [], nextPageToken: null }),
  };
}

export class RecordingStatusPublisher implements ContextStatusPublisher {
  readonly published: Array<[string, ContextStatus]> = [];
  async publish(issueKey: string, status: ContextStatus): Promise<void> {
    this.published.push([issueKey, status]);
  }
}
