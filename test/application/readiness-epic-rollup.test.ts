import { publishFacts } from '../../src/application/item-summary/publish-facts';
import { gatherPlanningFacts } from '../../src/application/readiness/gather-planning-facts';
import { readinessScorer } from '../../src/application/readiness/readiness-scorer';
import type { RefreshDeps } from '../../src/application/readiness/refresh-planning-facts';
import { rescoreParent } from '../../src/application/readiness/rescore-parent';
import type { WorkItemReader } from '../../src/application/shared/ports';
import type { DecompositionItem } from '../../src/domain/decomposition/decomposition';
import type { ItemSummary, RiskCounts } from '../../src/domain/item-summary/item-summary';
import { CRITERION_IDS } from '../../src/domain/readiness/criterion';
import { DEFAULT_READINESS_SETTINGS, type ReadinessSettings } from '../../src/domain/readiness/settings';
import type { WorkItem } from '../../src/domain/work-item/work-item';
import { childrenWithPlanning, digest, MemoryLedger, MemoryLock, MemoryRecordStore, MemorySettings, MemorySummaryStore, workItem } from './fakes';

// Only two criteria count, so the numbers are easy to follow: risks (10) and, for epics, features ready (30).
const settings: ReadinessSettings = {
  ...DEFAULT_READINESS_SETTINGS,
  criteria: Object.fromEntries(CRITERION_IDS.map((id) => [id, { enabled: id === 'risks' || id === 'features', weight: DEFAULT_READINESS_SETTINGS.criteria[id].weight }])) as ReadinessSettings['criteria'],
};

const FEATURE = { id: '10001', name: 'Feature', hierarchyLevel: 1, iconUrl: null };
const epic = workItem({ id: '1', key: 'PAY-1' });
const feature = (id: string): WorkItem => workItem({ id, key: `PAY-${id}`, summary: `Feature ${id}`, issueType: FEATURE, parentKey: 'PAY-1' });
const asChild = (f: WorkItem): DecompositionItem => ({ key: f.key, summary: f.summary, issueTypeName: 'Feature', hierarchyLevel: 1, statusCategory: 'new', storyPoints: null, labels: [], parentKey: f.parentKey, team: null });
const BLOCKING: RiskCounts = { level: 4, unroamed: 1, blocking: 1 };

/** Summaries by issue id; the children's search reads them by key, as Jira's does. */
class SummariesByIdOrKey extends MemorySummaryStore {
  override load(idOrKey: string): Promise<ItemSummary | null> {
    return super.load(idOrKey.replace(/^PAY-/, ''));
  }
}

function site(opts: { failParentRead?: boolean } = {}) {
  const items = [epic, feature('2'), feature('3')];
  const reader: WorkItemReader = {
    getWorkItem: async (idOrKey) => {
      if (opts.failParentRead && idOrKey === 'PAY-1') throw new Error('Jira down');
      return items.find((i) => i.id === idOrKey || i.key === idOrKey) ?? null;
    },
    getProject: async () => null,
    listChildren: async (keys) => items.filter((i) => i.parentKey !== null && keys.includes(i.parentKey)).map(asChild),
  };
  const itemSummary = new SummariesByIdOrKey();
  const store = new MemoryRecordStore();
  const base = { reader, childrenWithPlanning: childrenWithPlanning({ reader, store, itemSummary }), settings: new MemorySettings(), store, ledger: new MemoryLedger(), digest, lock: new MemoryLock(), itemSummary };
  // Wired as the composition root wires it: a state change rescores the parent with these same dependencies.
  const deps: RefreshDeps = {
    ...base,
    readiness: readinessScorer({ readinessSettings: { get: async () => settings, save: async () => undefined }, landedFeatures: ['risks'], gatherFacts: (id) => gatherPlanningFacts(base, id), rescoreParent: (id) => rescoreParent(deps, id) }),
  };
  const publish = (id: string, risks?: RiskCounts) => deps.lock.withLock(id, () => publishFacts(deps, id, risks ? { risks } : {}));
  return { deps, itemSummary, publish };
}

describe('an epic is rescored when one of its features changes state', () => {
  it('counts its features READY and AT_RISK from their own summaries, and follows a feature that stops being ready', async () => {
    const s = site();
    await s.publish('2');
    await s.publish('3');
    expect(s.itemSummary.values.get('1')).toMatchObject({ planningFacts: { childFeatures: 2, childrenReady: 2, childrenAtRisk: 0 }, readiness: { score: 100, state: 'READY' } });

    // A blocking risk on PAY-2 (a write of the risks feature) makes it NOT_READY: the epic loses half its features' points.
    expect((await s.publish('2', BLOCKING)).outcome).toBe('saved');
    expect(s.itemSummary.values.get('2')?.readiness?.state).toBe('NOT_READY');
    expect(s.itemSummary.values.get('1')).toMatchObject({ planningFacts: { childrenReady: 1 }, readiness: { score: 25 + 37, state: 'AT_RISK' } });
  });

  it('is idempotent: a repeated change, or one that leaves the feature’s state alone, does not touch the epic', async () => {
    const s = site();
    await s.publish('2');
    await s.publish('3');
    await s.publish('2', BLOCKING);
    const saves = s.itemSummary.saves;
    expect((await s.publish('2', BLOCKING)).outcome).toBe('unchanged');
    expect((await s.publish('2', { ...BLOCKING, unroamed: 2 })).outcome).toBe('saved');
    expect(s.itemSummary.saves).toBe(saves + 1);
  });

  it('keeps the feature’s save when the epic cannot be rescored now (the reconciliation catches up)', async () => {
    const s = site({ failParentRead: true });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect((await s.publish('2')).outcome).toBe('saved');
      expect(s.itemSummary.values.get('2')?.readiness?.state).toBe('READY');
      expect(s.itemSummary.values.get('1')).toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('[readiness-rollup] parent of issue 2: Jira down'));
    } finally {
      warn.mockRestore();
    }
  });
});
