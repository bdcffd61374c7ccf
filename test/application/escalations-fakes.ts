import type { DetectDeps } from '../../src/application/impediments/detect-impediments';
import type { EscalationNotifier, EscalationReader, EscalationSettingsStore, EscalationSource, ImpedimentStore } from '../../src/application/impediments/ports';
import { AppFailure } from '../../src/application/shared/errors';
import type { ImpedimentRecord } from '../../src/domain/impediments/model';
import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings } from '../../src/domain/impediments/settings';
import type { SourceFacts } from '../../src/domain/impediments/source-facts';
import { ampleDeadline, MemoryLock, MemorySummaryStore } from './fakes';

/** In-memory ports of the escalations use cases. */
export class MemoryImpediments implements ImpedimentStore {
  readonly values = new Map<string, ImpedimentRecord>();
  saves = 0;
  async load(issueId: string): Promise<ImpedimentRecord> {
    return structuredClone(this.values.get(issueId) ?? { impediments: [] });
  }
  async save(issueId: string, record: ImpedimentRecord): Promise<void> {
    this.saves += 1;
    this.values.set(issueId, structuredClone(record));
  }
}

export class MemoryEscalationSettings implements EscalationSettingsStore {
  constructor(public value: EscalationSettings = DEFAULT_ESCALATION_SETTINGS) {}
  async get(): Promise<EscalationSettings> {
    return this.value;
  }
  async save(_projectKey: string, settings: EscalationSettings): Promise<void> {
    this.value = settings;
  }
}

export class RecordingNotifier implements EscalationNotifier {
  readonly comments: Array<{ issueKey: string; mention: string | null; text: string }> = [];
  readonly signals: Array<{ issueKey: string; on: boolean }> = [];
  failComments = false;
  async comment(issueKey: string, mention: string | null, text: string): Promise<void> {
    if (this.failComments) throw new AppFailure('UNAVAILABLE', 'Jira down');
    this.comments.push({ issueKey, mention, text });
  }
  async signal(issueKey: string, _settings: EscalationSettings, on: boolean): Promise<void> {
    this.signals.push({ issueKey, on });
  }
}

export const FEATURE = { id: '500', key: 'PAY-2', summary: 'Ledger posting', projectKey: 'PAY', techLead: 'acc-lead' };

/** A reader over a map of source facts, all owned by FEATURE. */
export class FakeEscalationReader implements EscalationReader {
  readonly facts = new Map<string, SourceFacts>();
  set(f: Partial<SourceFacts> & { key: string }): void {
    this.facts.set(f.key, { id: f.key.replace(/\D/g, ''), flagged: false, priority: 'Medium', labels: [], blockers: [], done: false, planningItem: false, ...f });
  }
  async readSource(key: string): Promise<EscalationSource | null> {
    const facts = this.facts.get(key);
    return facts ? { facts, projectKey: 'PAY', owner: FEATURE, blocks: [] } : null;
  }
  async summaries(keys: string[]): Promise<Map<string, string>> {
    return new Map(keys.filter((k) => this.facts.has(k)).map((k) => [k, `Summary of ${k}`]));
  }
}

export function detectDeps(now = new Date('2026-11-25T10:00:00Z')) {
  const deps = {
    lock: new MemoryLock(),
    deadline: ampleDeadline(),
    itemSummary: new MemorySummaryStore(),
    impediments: new MemoryImpediments(),
    escalationSettings: new MemoryEscalationSettings(),
    notifier: new RecordingNotifier(),
    escalations: new FakeEscalationReader(),
    now: () => now,
  };
  return deps satisfies DetectDeps;
}
