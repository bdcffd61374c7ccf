import type { DependencySignal } from '../../src/domain/risks/dependency-risks';
import type { DependencyGraphReader, DependencyLedgerStore, DependencyRecordRead, DependencyRecordStore, DependencySettingsStore, ReadIssue } from '../../src/application/dependencies/ports';
import type { FactsDeps } from '../../src/application/dependencies/publish-dependency-facts';
import { AppFailure } from '../../src/application/shared/errors';
import type { DependencyLedger } from '../../src/domain/dependencies/authority';
import type { IssueLinkView } from '../../src/domain/dependencies/links';
import type { DependencyRecord } from '../../src/domain/dependencies/model';
import { DEFAULT_DEPENDENCY_SETTINGS, type DependencySettings } from '../../src/domain/dependencies/settings';
import { digest, MemoryLock, MemorySummaryStore } from './fakes';

/** In-memory stand-ins for the dependencies feature's ports: a small site of issues and "blocks" links. */
export class MemoryDependencySite implements DependencyGraphReader, DependencyRecordStore {
  readonly records = new Map<string, DependencyRecord>();
  /** [provider, dependent]: "provider blocks dependent". */
  links: Array<{ id: string; provider: string; dependent: string }> = [];
  failSaves = false;
  private nextLink = 100;

  constructor(readonly issueIds: string[]) {}

  block(provider: string, dependent: string): string {
    const id = String(this.nextLink++);
    this.links.push({ id, provider, dependent });
    return id;
  }

  async read(ids: string[]): Promise<ReadIssue[]> {
    return ids.filter((id) => this.issueIds.includes(id)).map((id) => this.issue(id));
  }

  async scan(): Promise<{ issues: ReadIssue[]; warnings: string[] }> {
    return { issues: this.issueIds.map((id) => this.issue(id)), warnings: [] };
  }

  async load(issueId: string): Promise<DependencyRecordRead> {
    const record = this.records.get(issueId);
    return { ok: true, record: structuredClone(record ?? { rev: 0, links: {}, others: [], history: [] }) };
  }

  async save(issueId: string, record: DependencyRecord): Promise<void> {
    if (this.failSaves) throw new AppFailure('UNAVAILABLE', 'Jira down');
    this.records.set(issueId, structuredClone(record));
  }

  private issue(id: string): ReadIssue {
    const links = this.links.flatMap((l): IssueLinkView[] =>
      l.dependent === id
        ? [{ id: l.id, typeName: 'Blocks', otherSide: 'inward' as const, otherId: l.provider, otherKey: `P-${l.provider}` }]
        : l.provider === id
          ? [{ id: l.id, typeName: 'Blocks', otherSide: 'outward' as const, otherId: l.dependent, otherKey: `P-${l.dependent}` }]
          : [],
    );
    const record = this.records.get(id);
    return {
      id,
      key: `P-${id}`,
      projectKey: 'P',
      summary: `Issue ${id}`,
      team: null,
      dueDate: null,
      releaseDate: null,
      releaseName: null,
      done: false,
      statusName: 'To Do',
      assignee: null,
      links,
      stored: { ok: true, record: structuredClone(record ?? { rev: 0, links: {}, others: [], history: [] }) },
      publishedCycle: 0,
      hasSummary: false,
    };
  }
}

export class MemoryDependencyLedger implements DependencyLedgerStore {
  readonly values = new Map<string, DependencyLedger>();
  async get(issueId: string): Promise<DependencyLedger | null> {
    return structuredClone(this.values.get(issueId) ?? null);
  }
  async set(issueId: string, ledger: DependencyLedger | null): Promise<void> {
    if (ledger) this.values.set(issueId, structuredClone(ledger));
    else this.values.delete(issueId);
  }
}

export class MemoryDependencySettings implements DependencySettingsStore {
  async get(): Promise<DependencySettings> {
    return DEFAULT_DEPENDENCY_SETTINGS;
  }
  async save(): Promise<void> {}
}

/** The app-side deps of the facts use case over a memory site; the summary store records what was published. */
/** Records what the facts use case told each item's risk register. */
export class RecordingRiskSync {
  readonly calls: Array<{ issueId: string; signals: DependencySignal[] }> = [];
  async sync(issueId: string, signals: DependencySignal[]): Promise<void> {
    this.calls.push({ issueId, signals });
  }
}

export function factsDeps(site: MemoryDependencySite): FactsDeps & { itemSummary: MemorySummaryStore; dependencyRecords: MemoryDependencySite; dependencyLedger: MemoryDependencyLedger; dependencyRisks: RecordingRiskSync } {
  const itemSummary = new MemorySummaryStore();
  // The graph reader reports the published cycle flag, as the real one reads it from the summary property.
  const graph: DependencyGraphReader = {
    read: async (ids) => (await site.read(ids)).map((i) => ({ ...i, publishedCycle: itemSummary.values.get(i.id)?.dependencies.cycle ?? 0, hasSummary: itemSummary.values.has(i.id) })),
    scan: () => site.scan(),
  };
  return { itemSummary, lock: new MemoryLock(), dependencyRisks: new RecordingRiskSync(), dependencyGraph: graph, dependencyRecords: site, dependencyLedger: new MemoryDependencyLedger(), dependencySettings: new MemoryDependencySettings(), digest, now: () => new Date('2026-11-25T10:00:00Z') };
}
