import { publishFacts } from '../../src/application/item-summary/publish-facts';
import type { Lease } from '../../src/application/planning/ports';
import type { RecomputeStatus, RecomputeStatusStore, ReadinessSettingsStore } from '../../src/application/readiness/ports';
import { readinessScorer } from '../../src/application/readiness/readiness-scorer';
import { recomputeProject } from '../../src/application/readiness/recompute-project';
import { reconcileReadiness } from '../../src/application/readiness/reconcile';
import { updateReadinessSettings, type ReadinessSettingsDeps } from '../../src/application/readiness/readiness-settings';
import type { PortfolioScanner } from '../../src/application/portfolio/ports';
import { Deadline } from '../../src/application/shared/deadline';
import { mergeFacts, type PlanningFacts } from '../../src/domain/item-summary/item-summary';
import { DEFAULT_READINESS_SETTINGS, type ReadinessSettings } from '../../src/domain/readiness/settings';
import { access, childrenWithPlanning, digest, MemoryLedger, MemoryLock, MemoryRecordStore, MemorySettings, MemorySummaryStore, reader, workItem } from './fakes';

class MemoryReadinessSettings implements ReadinessSettingsStore {
  readonly values = new Map<string, ReadinessSettings>();
  async get(projectKey: string): Promise<ReadinessSettings> {
    return this.values.get(projectKey) ?? DEFAULT_READINESS_SETTINGS;
  }
  async save(projectKey: string, settings: ReadinessSettings): Promise<void> {
    this.values.set(projectKey, structuredClone(settings));
  }
}

class MemoryStatus implements RecomputeStatusStore {
  readonly values = new Map<string, RecomputeStatus>();
  async get(projectKey: string): Promise<RecomputeStatus | null> {
    return this.values.get(projectKey) ?? null;
  }
  async set(projectKey: string, status: RecomputeStatus): Promise<void> {
    this.values.set(projectKey, status);
  }
}

const facts: PlanningFacts = { project: 'PAY', typeId: '10001', level: 1, nfrs: 1, acceptance: 1, estimate: 'AGREES', children: 3, stories: 3, estimatedStories: 3, techLead: 1 };

function scorerDeps(gathered: PlanningFacts | null = facts) {
  const readinessSettings = new MemoryReadinessSettings();
  const gatherCalls: string[] = [];
  const scorer = readinessScorer({
    readinessSettings,
    landedFeatures: ['risks'],
    gatherFacts: async (id) => {
      gatherCalls.push(id);
      return gathered;
    },
  });
  return { itemSummary: new MemorySummaryStore(), readiness: scorer, readinessSettings, gatherCalls };
}

describe('publishFacts with readiness', () => {
  it("rescores from the merged summary when another feature publishes its section", async () => {
    const d = scorerDeps();
    d.itemSummary.values.set('1', { ...mergeFacts(null, { planning: { rev: 3, specStatus: 'APPROVED', estimateConfidence: 4, changedOutsideApp: 0 } }), planningFacts: facts });
    expect((await publishFacts(d, '1', {})).summary.readiness).toMatchObject({ score: 100, state: 'READY' });
    const { summary } = await publishFacts(d, '1', { risks: { level: 4, unroamed: 1, blocking: 1 } });
    const risks = summary.readiness!.reasons.find((r) => r.criterion === 'risks')!;
    expect(risks.earned).toBe(0);
    expect(summary.readiness!.score).toBe(100 - risks.weight);
    expect(d.itemSummary.values.get('1')!.readiness).toEqual(summary.readiness);
    // Nothing has changed: nothing is written, and no facts are gathered while the summary has them.
    const saves = d.itemSummary.saves;
    expect((await publishFacts(d, '1', { risks: { level: 4, unroamed: 1, blocking: 1 } })).outcome).toBe('unchanged');
    expect(d.itemSummary.saves).toBe(saves);
    expect(d.gatherCalls).toEqual([]);
  });

  it('gathers the planning facts of an item that has none yet, and leaves a non-planning issue unscored', async () => {
    const d = scorerDeps();
    expect((await publishFacts(d, '7', { impediments: { open: 1 } })).summary).toMatchObject({ planningFacts: facts, readiness: { state: expect.any(String) } });
    expect(d.gatherCalls).toEqual(['7']);
    const none = scorerDeps(null);
    expect((await publishFacts(none, '8', { impediments: { open: 1 } })).summary).not.toHaveProperty('readiness');
  });

  it("scores with the project's settings", async () => {
    const d = scorerDeps();
    await d.readinessSettings.save('PAY', { ...DEFAULT_READINESS_SETTINGS, thresholds: { ready: 100, atRisk: 100 } });
    const { summary } = await publishFacts(d, '1', { planning: { rev: 1, specStatus: 'IN_REVIEW', estimateConfidence: 4, changedOutsideApp: 0 } });
    expect(summary.readiness).toMatchObject({ state: 'NOT_READY' });
  });
});

describe('the project recompute', () => {
  const scanner = (ids: string[]): PortfolioScanner => ({ scan: async () => ({ issues: ids.map((id) => ({ id, key: `PAY-${id}`, fields: {}, properties: {} })), unreadCount: 0, warnings: [] }) });
  const project = { id: '1', key: 'PAY', name: 'Payments', issueTypes: [{ id: '10001', name: 'Feature', hierarchyLevel: 1, iconUrl: null }] };

  it('rescores every item and records how it went; a run for an older change leaves the newer status alone', async () => {
    const d = scorerDeps();
    for (const id of ['1', '2']) d.itemSummary.values.set(id, { ...mergeFacts(null, { planning: { rev: 1, specStatus: 'APPROVED', estimateConfidence: 4, changedOutsideApp: 0 } }), planningFacts: facts });
    await d.readinessSettings.save('PAY', { ...DEFAULT_READINESS_SETTINGS, thresholds: { ready: 100, atRisk: 0 } });
    const status = new MemoryStatus();
    await status.set('PAY', { state: 'RECOMPUTING', generation: 2, requestedAt: 'then', finishedAt: null, scored: 0, changed: 0, message: null });
    const deps = { reader: reader(null, [], project), scanner: scanner(['1', '2']), recomputeStatus: status, deadline: Deadline.after(60_000), now: () => new Date('2026-11-25T10:00:00Z'), forItem: () => ({ ...d, lock: new MemoryLock() }) };

    await recomputeProject(deps, 'PAY', 1);
    expect(status.values.get('PAY')).toMatchObject({ state: 'RECOMPUTING', generation: 2 });
    expect(d.itemSummary.saves).toBe(0);

    await recomputeProject(deps, 'PAY', 2);
    expect(status.values.get('PAY')).toMatchObject({ state: 'DONE', generation: 2, scored: 2, changed: 2, finishedAt: '2026-11-25T10:00:00.000Z' });
    expect(d.itemSummary.values.get('1')!.readiness).toMatchObject({ score: 100, state: 'READY' });
  });
});

describe('readiness settings', () => {
  function settingsDeps(admin: boolean, queueFails = false): ReadinessSettingsDeps & { requested: Array<[string, number]>; status: MemoryStatus } {
    const requested: Array<[string, number]> = [];
    const status = new MemoryStatus();
    return {
      reader: reader(workItem(), [], { id: '1', key: 'PAY', name: 'Payments', issueTypes: [{ id: '10000', name: 'Epic', hierarchyLevel: 2, iconUrl: null }, { id: '10002', name: 'Story', hierarchyLevel: 0, iconUrl: null }] }),
      access: access({ admin }),
      readinessSettings: new MemoryReadinessSettings(),
      recomputeStatus: status,
      status,
      recomputeQueue: {
        request: async (key, generation) => {
          if (queueFails) throw new Error('queue down');
          requested.push([key, generation]);
        },
      },
      landedFeatures: [],
      now: () => new Date('2026-11-25T10:00:00Z'),
      requested,
    };
  }

  it('are saved by administrators only, and each save starts a recompute of a new generation', async () => {
    await expect(updateReadinessSettings(settingsDeps(false), 'PAY', DEFAULT_READINESS_SETTINGS)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const d = settingsDeps(true);
    expect((await updateReadinessSettings(d, 'PAY', DEFAULT_READINESS_SETTINGS)).recompute).toMatchObject({ state: 'RECOMPUTING', generation: 1 });
    await updateReadinessSettings(d, 'PAY', { ...DEFAULT_READINESS_SETTINGS, epicTypeIds: ['10000'] });
    expect(d.requested).toEqual([['PAY', 1], ['PAY', 2]]);
  });

  it('refuse inconsistent values and issue types that are not planning types of the project', async () => {
    const d = settingsDeps(true);
    const off = Object.fromEntries(Object.entries(DEFAULT_READINESS_SETTINGS.criteria).map(([id, c]) => [id, { ...c, enabled: false }])) as ReadinessSettings['criteria'];
    await expect(updateReadinessSettings(d, 'PAY', { ...DEFAULT_READINESS_SETTINGS, criteria: off })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'Turn on at least one criterion with a weight above 0.' });
    await expect(updateReadinessSettings(d, 'PAY', { ...DEFAULT_READINESS_SETTINGS, featureTypeIds: ['10002'] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(updateReadinessSettings(d, 'PAY', { ...DEFAULT_READINESS_SETTINGS, epicTypeIds: ['10000'], featureTypeIds: ['10000'] })).rejects.toMatchObject({ message: 'An issue type cannot count as both an epic and a feature.' });
    expect(d.requested).toEqual([]);
  });

  it('say so when the recompute cannot be started, and keep what was saved', async () => {
    const d = settingsDeps(true, true);
    const view = await updateReadinessSettings(d, 'PAY', { ...DEFAULT_READINESS_SETTINGS, thresholds: { ready: 90, atRisk: 40 } });
    expect(view.settings.thresholds).toEqual({ ready: 90, atRisk: 40 });
    expect(view.recompute).toMatchObject({ state: 'FAILED', message: expect.stringContaining('hourly reconciliation') });
  });
});

describe('the reconciliation', () => {
  const project = { id: '1', key: 'PAY', name: 'Payments', issueTypes: [{ id: '10001', name: 'Feature', hierarchyLevel: 1, iconUrl: null }] };

  it('refreshes every item, and when its time runs out goes on after the last one done at the next run', async () => {
    const d = scorerDeps();
    const refreshed: string[] = [];
    let cursor: string | null = null;
    // Each item takes 20 s of a 60 s run, and one more item needs 20 s left: two items per run.
    let clock = 0;
    const lock = new MemoryLock();
    const forItem = () => {
      const itemReader = reader(workItem({ issueType: { id: '10001', name: 'Feature', hierarchyLevel: 1, iconUrl: null } }), [], project);
      const store = new MemoryRecordStore();
      return {
        ...d,
        reader: itemReader,
        childrenWithPlanning: childrenWithPlanning({ reader: itemReader, store, itemSummary: d.itemSummary }),
        settings: new MemorySettings(),
        store,
        ledger: new MemoryLedger(),
        digest,
        lock: {
          withLock: <T,>(id: string, work: (lease: Lease) => Promise<T>): Promise<T> => {
            refreshed.push(id);
            clock += 20_001;
            return lock.withLock(id, work);
          },
        },
      };
    };
    const run = () => {
      clock = 0;
      return reconcileReadiness({
        reader: reader(null, [], project),
        scanner: { scan: async () => ({ issues: ['1', '2', '3'].map((id) => ({ id, key: `PAY-${id}`, fields: {}, properties: {} })), unreadCount: 0, warnings: [] }) },
        projects: { listProjectKeys: async () => ['PAY'] },
        cursor: { get: async () => cursor, set: async (c) => void (cursor = c) },
        deadline: Deadline.after(60_000, () => clock),
        forItem,
      });
    };
    expect(await run()).toMatchObject({ items: 3, refreshed: 2, failed: 0, partial: true });
    expect(cursor).toBe('2');
    expect(await run()).toMatchObject({ refreshed: 2, failed: 0, partial: true });
    expect(refreshed).toEqual(['1', '2', '3', '1']);
    expect(d.itemSummary.values.get('3')).toMatchObject({ planningFacts: { project: 'PAY' }, readiness: { state: 'NOT_READY' } });
  });

  it('repairs the facts only events keep (dependencies) for every item it refreshes, and goes on past one that fails', async () => {
    const d = scorerDeps();
    const itemReader = reader(workItem({ issueType: { id: '10001', name: 'Feature', hierarchyLevel: 1, iconUrl: null } }), [], project);
    const store = new MemoryRecordStore();
    const item = { ...d, reader: itemReader, childrenWithPlanning: childrenWithPlanning({ reader: itemReader, store, itemSummary: d.itemSummary }), settings: new MemorySettings(), store, ledger: new MemoryLedger(), digest, lock: new MemoryLock() };
    const repaired: string[] = [];
    const report = await reconcileReadiness({
      reader: reader(null, [], project),
      scanner: { scan: async () => ({ issues: ['1', '2'].map((id) => ({ id, key: `PAY-${id}`, fields: {}, properties: {} })), unreadCount: 0, warnings: [] }) },
      projects: { listProjectKeys: async () => ['PAY'] },
      cursor: { get: async () => null, set: async () => undefined },
      deadline: Deadline.after(60_000),
      forItem: () => item,
      repairEventFacts: async (id) => {
        repaired.push(id);
        if (id === '1') throw new Error('links could not be read');
      },
    });
    expect(repaired.sort()).toEqual(['1', '2']);
    expect(report).toMatchObject({ items: 2, refreshed: 1, failed: 1, partial: false });
  });
});
